using Fluid;
using Fluid.Values;

namespace RulesEngine.Templates;

/// <summary>
/// A field that exists but cannot be given in this engine's set-up, such as <c>issue.url</c> without an API base URL:
/// using it fails the action with <paramref name="reason"/>, instead of rendering an empty link.
/// </summary>
internal sealed class UnavailableValue(string reason) : FluidValue
{
    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => throw Fail();

    // Output does not go through ToStringValue: writing the value must fail too.
    public override ValueTask WriteToAsync(IFluidOutput output, System.Text.Encodings.Web.TextEncoder encoder,
        TemplateContext context) => throw Fail();

    public override bool ToBooleanValue(TemplateContext context) => throw Fail();

    public override decimal ToNumberValue(TemplateContext context) => throw Fail();

    public override string ToStringValue(TemplateContext context) => throw Fail();

    public override object ToObjectValue(TemplateContext context) => throw Fail();

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private TemplateRenderException Fail() => new(reason);
}

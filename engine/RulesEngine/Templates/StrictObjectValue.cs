using Fluid;
using Fluid.Values;

namespace RulesEngine.Templates;

/// <summary>
/// An object in a template (the issue, its details, its record) whose missing fields are errors rather than empty
/// text: <c>{{ issue.details.queue }}</c> on an issue without that field fails the action with a message naming it,
/// where Liquid would send an email with a blank. Test for a field with <c>contains</c>.
/// </summary>
internal sealed class StrictObjectValue(string path, IReadOnlyDictionary<string, FluidValue> fields, object? value)
    : FluidValue
{
    // Object, not Dictionary: the json filter then serialises ToObjectValue (the JSON node) rather than expecting
    // Fluid's own dictionary type.
    public override FluidValues Type => FluidValues.Object;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        if (fields.TryGetValue(name, out var field))
        {
            return field;
        }

        // Liquid's size of a hash, unless the object has a field of that name.
        if (name == "size")
        {
            return NumberValue.Create(fields.Count);
        }

        var known = fields.Count == 0 ? "it has no fields" : $"it has {string.Join(", ", fields.Keys)}";
        throw new TemplateRenderException($"'{path}' has no field '{name}' ({known})");
    }

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(context), context);

    public override ValueTask<bool> ContainsAsync(FluidValue value, TemplateContext context) =>
        new(fields.ContainsKey(value.ToStringValue(context)));

    public override async IAsyncEnumerable<FluidValue> EnumerateAsync(TemplateContext context)
    {
        // As Liquid iterates a hash: [key, value] pairs.
        foreach (var (name, field) in fields)
        {
            yield return ArrayValue.Create([StringValue.Create(name), field]);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool ToBooleanValue(TemplateContext context) => true;

    public override decimal ToNumberValue(TemplateContext context) => 0;

    public override string ToStringValue(TemplateContext context) =>
        value is System.Text.Json.Nodes.JsonNode json ? json.ToJsonString() : path;

    public override object? ToObjectValue(TemplateContext context) => value;

    /// <summary><c>{{ issue.details }}</c> writes the details as JSON; other objects write their path.</summary>
    public override ValueTask WriteToAsync(IFluidOutput output, System.Text.Encodings.Web.TextEncoder encoder,
        TemplateContext context)
    {
        output.Write(encoder.Encode(ToStringValue(context)));
        return ValueTask.CompletedTask;
    }

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

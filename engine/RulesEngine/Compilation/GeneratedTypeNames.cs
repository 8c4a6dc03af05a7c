using System.Globalization;
using System.Text.RegularExpressions;
using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>
/// Reads back which rule a generated type belongs to. The generators name a rule's types after its kind and position:
/// <c>Assertion2</c> and <c>Assertion2Params</c>, <c>ModelAssertion0</c> and <c>ModelAssertion0Record</c>,
/// <c>Action1_0</c> for the first action of the second responder; lambdas and async methods of rule code are nested
/// in them.
/// </summary>
internal static partial class GeneratedTypeNames
{
    /// <summary>The name of the rule whose generated code declares <paramref name="type"/>, or null (the manifest).</summary>
    public static string? RuleOf(RuleFileDefinition file, Type type)
    {
        var outermost = type;
        while (outermost.DeclaringType is { } declaring)
        {
            outermost = declaring;
        }

        var match = RulePrefix().Match(outermost.Name);
        if (!match.Success)
        {
            return null;
        }

        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        var rules = match.Groups["kind"].Value switch
        {
            "Assertion" => file.Assertions.Select(rule => rule.Name),
            "ModelAssertion" => file.ModelAssertions.Select(rule => rule.Name),
            _ => file.Responders.Select(rule => rule.Name),
        };
        return rules.ElementAtOrDefault(index);
    }

    [GeneratedRegex(@"^(?<kind>ModelAssertion|Assertion|Action)(?<index>[0-9]+)")]
    private static partial Regex RulePrefix();
}

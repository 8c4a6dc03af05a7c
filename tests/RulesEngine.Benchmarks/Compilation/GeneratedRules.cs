using System.Text;

namespace RulesEngine.Benchmarks.Compilation;

/// <summary>
/// N comparable rules for the engine and for Microsoft RulesEngine. Rule i holds when the value is above i % 20. The
/// engine's are assertions over their <c>params</c>, written as rule files of <see cref="RulesPerFile"/> rules each, as
/// an operator would group them; Microsoft's are one workflow. They are scheduled once a year, so a sidecar measured at
/// rest never sees them come due mid-measure.
/// </summary>
public static class GeneratedRules
{
    public const int RulesPerFile = 10;

    /// <summary>The value both engines' rules are evaluated with.</summary>
    public const int Value = 7;

    public static int Threshold(int rule) => rule % 20;

    /// <summary>How many of the first <paramref name="count"/> rules hold for <see cref="Value"/>.</summary>
    public static int Holding(int count) => Enumerable.Range(0, count).Count(rule => Value > Threshold(rule));

    /// <summary>Writes the rule files into <paramref name="directory"/>; <paramref name="version"/> changes every check.</summary>
    public static void WriteRuleFiles(string directory, int count, int version = 0)
    {
        for (var file = 0; file * RulesPerFile < count; file++)
        {
            var first = file * RulesPerFile;
            var rules = Enumerable.Range(first, Math.Min(RulesPerFile, count - first));
            File.WriteAllText(Path.Combine(directory, $"rules-{file:000}.yaml"), RuleFile(rules, version));
        }
    }

    public static string RuleFile(IEnumerable<int> rules, int version = 0)
    {
        var text = new StringBuilder("assertions:\n");
        foreach (var rule in rules)
        {
            text.Append($$"""
                  - name: rule {{rule}}
                    schedule: "0 0 1 1 *"
                    params: { value: {{Value}}, threshold: {{Threshold(rule)}}, version: {{version}} }
                    check: |
                      var margin = Params.value - Params.threshold;
                      return (margin > 0, new { margin, Params.version });

                """);
        }

        return text.ToString();
    }

    /// <summary>Microsoft RulesEngine expressions of the same rules, over a parameter <c>input1</c> with a Value.</summary>
    public static IEnumerable<(string Name, string Expression)> MicrosoftRules(int count) =>
        Enumerable.Range(0, count).Select(rule => ($"rule {rule}", $"input1.Value - {Threshold(rule)} > 0"));
}

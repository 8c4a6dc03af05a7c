using System.Text.RegularExpressions;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads the names of environment variables: letters, digits and underscores, not starting with a digit.</summary>
internal static partial class EnvironmentNames
{
    public static string? Read(YamlNode node, string key, ErrorCollector errors)
    {
        var name = NodeReader.Text(node, key, "the name of an environment variable", errors);
        if (name is not null && !Name().IsMatch(name))
        {
            errors.Add(node.Start, $"'{name}' for '{key}' is not an environment variable name; expected letters, " +
                "digits and _, not starting with a digit (such as SMTP_PASSWORD)");
            return null;
        }

        return name;
    }

    public static bool IsValid(string name) => Name().IsMatch(name);

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex Name();
}

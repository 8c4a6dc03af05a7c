using RulesEngine.Templates;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a <c>shell</c> action: <c>program</c>, <c>args</c> (templates), <c>working_dir</c> and <c>env</c>
/// (templates). Relative paths are made absolute against the rule file's folder, as a source's are.
/// </summary>
internal static class ShellActionReader
{
    private static readonly string[] Keys = ["program", "args", "working_dir", "env"];

    public static ShellActionDefinition? Read(YamlNode node, string key, SourceLocation location, RuleFileText file,
        ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "shell", "a mapping with program and optionally args, working_dir, env", errors);
        if (mapping is null)
        {
            return null;
        }

        var shell = KeyedMapping.Read(mapping, "a shell action", Keys, errors);
        var program = shell.Required("program", "a program name or path", errors) is { } programNode
            ? NodeReader.NonBlankText(programNode, "program", "a program name or path", errors)
            : null;
        var args = shell.Optional("args") is { } argsNode
            ? TemplateReader.ReadSequence(argsNode, "args", "a template for one argument", errors)
            : [];
        var workingDirectory = shell.Optional("working_dir") is { } directoryNode
            ? NodeReader.NonBlankText(directoryNode, "working_dir", "a folder", errors)
            : ".";
        var environment = shell.Optional("env") is { } envNode ? ReadEnvironment(envNode, errors) : [];
        if (program is null || workingDirectory is null)
        {
            return null;
        }

        return new ShellActionDefinition
        {
            Key = key,
            Location = location,
            Program = ResolveProgram(program, file.Directory),
            Args = args,
            WorkingDirectory = Path.GetFullPath(workingDirectory, file.Directory),
            Environment = environment,
        };
    }

    /// <summary>A bare name is looked up on PATH when it runs; a relative path is the rule file's.</summary>
    private static string ResolveProgram(string program, string directory) =>
        program.Contains('/') || program.Contains('\\') ? Path.GetFullPath(program, directory) : program;

    private static IReadOnlyList<KeyValuePair<string, IssueTemplate>> ReadEnvironment(YamlNode node,
        ErrorCollector errors)
    {
        var mapping = NodeReader.Mapping(node, "env", "a mapping of environment variable names to templates", errors);
        var variables = new List<KeyValuePair<string, IssueTemplate>>();
        foreach (var entry in mapping?.Entries ?? [])
        {
            if (entry.Name is not { } name || !EnvironmentNames.IsValid(name))
            {
                errors.Add(entry.Key.Start, $"{entry.Key.Describe()} in 'env' is not an environment variable name; " +
                    "expected letters, digits and _, not starting with a digit");
            }
            else if (variables.Any(variable => variable.Key == name))
            {
                errors.Add(entry.Key.Start, $"the variable '{name}' is given twice in 'env'");
            }
            else if (TemplateReader.Read(entry.Value, name, "a template for the variable's value", errors) is { } value)
            {
                variables.Add(new(name, value));
            }
        }

        return variables;
    }
}

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads the top level of a rule file: <c>usings</c>, then each rule of <c>assertions</c>,
/// <c>model_assertions</c> and <c>responders</c> on its own, so a rule with errors is left out and the others
/// are kept. A top-level key given twice is reported, and the rules under both are read.
/// </summary>
internal sealed class RuleFileReader
{
    private static readonly string[] Keys = ["usings", "assertions", "model_assertions", "responders"];

    private readonly RuleFileText file;
    private readonly ErrorCollector fileErrors;
    private readonly NameRegistry ruleNames = new("assertions and model assertions need distinct names, " +
        "since each names the issues it opens");
    private readonly NameRegistry responderNames = new("give one of them a distinct 'name:' " +
        "(a responder's name defaults to its watch pattern)");
    private readonly List<string> usings = [];
    private readonly List<AssertionDefinition> assertions = [];
    private readonly List<ModelAssertionDefinition> modelAssertions = [];
    private readonly List<ResponderDefinition> responders = [];

    private RuleFileReader(RuleFileText file, ErrorCollector fileErrors)
    {
        this.file = file;
        this.fileErrors = fileErrors;
    }

    public static RuleFileDefinition Read(YamlNode root, RuleFileText file, ICollection<RuleError> errors)
    {
        var reader = new RuleFileReader(file, new ErrorCollector(file.Path, errors, rule: null));
        reader.ReadTopLevel(root);

        return new RuleFileDefinition
        {
            Path = file.Path,
            Usings = reader.usings,
            Assertions = reader.assertions,
            ModelAssertions = reader.modelAssertions,
            Responders = reader.responders,
        };
    }

    private void ReadTopLevel(YamlNode root)
    {
        if (root is not MappingNode mapping)
        {
            fileErrors.Add(root.Start, $"expected a mapping with the keys {string.Join(", ", Keys)} at the top " +
                $"of the rule file, found {root.Describe()}");
            return;
        }

        KeyedMapping.Read(mapping, "a rule file", Keys, fileErrors);
        foreach (var entry in mapping.Entries.Where(entry => entry.Value is not ScalarNode { IsNull: true }))
        {
            ReadSection(entry.Name, entry.Value);
        }
    }

    private void ReadSection(string? key, YamlNode value)
    {
        switch (key)
        {
            case "usings":
                ReadUsings(value);
                break;
            case "assertions":
                ReadRules(value, key, "an assertion", ruleNames, item => RuleNames.Peek(item, "name"),
                    AssertionReader.Read, assertions);
                break;
            case "model_assertions":
                ReadRules(value, key, "a model assertion", ruleNames, item => RuleNames.Peek(item, "name"),
                    ModelAssertionReader.Read, modelAssertions);
                break;
            case "responders":
                ReadRules(value, key, "a responder", responderNames, ResponderReader.PeekName,
                    ResponderReader.Read, responders);
                break;
        }
    }

    /// <param name="kind">The kind of rule with its article, such as "an assertion".</param>
    private void ReadRules<T>(YamlNode value, string key, string kind, NameRegistry names,
        Func<MappingNode, ScalarNode?> peekName, Func<MappingNode, RuleFileText, ErrorCollector, T?> read,
        List<T> rules)
        where T : class
    {
        var sequence = NodeReader.Sequence(value, key, $"a sequence, each item {kind}", fileErrors);
        foreach (var item in sequence?.Items ?? [])
        {
            if (NodeReader.Mapping(item, key, $"{kind} (a mapping of its keys)", fileErrors) is not { } mapping)
            {
                continue;
            }

            var name = peekName(mapping);
            var errors = fileErrors.ForRule(name?.Value);
            var rule = read(mapping, file, errors);
            names.Claim(name, mapping, kind, errors);
            if (rule is not null && !errors.HasErrors)
            {
                rules.Add(rule);
            }
        }
    }

    private void ReadUsings(YamlNode value)
    {
        var sequence = NodeReader.Sequence(value, "usings", "a sequence of namespace names", fileErrors);
        foreach (var item in sequence?.Items ?? [])
        {
            var name = NodeReader.Text(item, "usings", "a namespace name such as System.Net.Http", fileErrors);
            if (name is not null && !CSharpNames.IsNamespace(name))
            {
                fileErrors.Add(item.Start, $"'{name}' in 'usings' is not a namespace name; expected dotted C# " +
                    "identifiers such as System.Net.Http");
            }
            else if (name is not null)
            {
                usings.Add(name);
            }
        }
    }
}

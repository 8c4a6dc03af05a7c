namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a responder's <c>actions</c>: each a mapping with an optional <c>name</c> and <c>delay</c> and exactly
/// one kind key, <c>run</c> (C#) or <c>log</c> (see <see cref="LogActionReader"/>).
/// </summary>
internal static class ActionReader
{
    private static readonly string[] Kinds = ["run", "log"];
    private static readonly string[] Unsupported = ["email", "webhook", "shell"];
    private static readonly string[] Keys = ["name", "delay", .. Kinds];

    public static IReadOnlyList<ActionDefinition> ReadAll(YamlNode node, RuleFileText file, ErrorCollector errors)
    {
        var sequence = NodeReader.Sequence(node, "actions", "a sequence of actions", errors);
        if (sequence is { Items.Count: 0 })
        {
            errors.Add(node.Start, "expected at least one action for 'actions', found an empty sequence");
        }

        var actions = new List<ActionDefinition>();
        foreach (var (item, index) in (sequence?.Items ?? []).Select((item, index) => (item, index)))
        {
            var mapping = NodeReader.Mapping(item, "actions", "an action (a mapping with run or log)", errors);
            if (mapping is not null && Read(mapping, index, file, errors) is { } action)
            {
                AddUnique(actions, action, item, errors);
            }
        }

        return actions;
    }

    private static void AddUnique(List<ActionDefinition> actions, ActionDefinition action, YamlNode node,
        ErrorCollector errors)
    {
        if (actions.FirstOrDefault(earlier => earlier.Key == action.Key) is { } first)
        {
            errors.Add(node.Start, $"the action key '{action.Key}' is already used by the action at line " +
                $"{first.Location.Line}; give each action of a responder its own name");
            return;
        }

        actions.Add(action);
    }

    private static ActionDefinition? Read(MappingNode node, int index, RuleFileText file, ErrorCollector errors)
    {
        var mapping = KeyedMapping.Read(node, "an action", Keys, errors, Unsupported);
        var kind = KindKey.Read(mapping, "action", Kinds, Unsupported, errors);
        var name = mapping.Optional("name") is { } nameNode ? RuleNames.Read(nameNode, "name", errors) : null;
        var delay = mapping.Optional("delay") is { } delayNode
            ? DurationParser.Read(delayNode, "delay", allowZero: true, errors)
            : TimeSpan.Zero;
        if (kind is null || delay is null)
        {
            return null;
        }

        var key = name ?? $"{index}:{kind}";
        var location = errors.Locate(node.Start);
        var value = mapping.Required(kind, kind == "run" ? "C# code" : "a message", errors);
        return (kind, value) switch
        {
            (_, null) => null,
            ("run", _) => SnippetExtractor.Read(value, "run", file, errors) is { } code
                ? new RunActionDefinition { Key = key, Location = location, Delay = delay.Value, Code = code }
                : null,
            _ => LogActionReader.Read(value, key, location, delay.Value, errors),
        };
    }
}

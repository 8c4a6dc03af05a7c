namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a responder's <c>actions</c> or <c>on_resolve</c>: each a mapping with exactly one kind key (<c>run</c>,
/// <c>log</c>, <c>email</c>, <c>webhook</c> or <c>shell</c>) and the keys every kind shares: <c>name</c>,
/// <c>delay</c>, and the run policy read by <see cref="ActionPolicyReader"/>.
/// </summary>
internal static class ActionReader
{
    private static readonly string[] Kinds = ["run", "log", "email", "webhook", "shell"];
    private static readonly string[] Keys = ["name", "delay", .. ActionPolicyReader.Keys, .. Kinds];

    /// <param name="earlier">The responder's actions read before these, whose keys these must not reuse.</param>
    public static IReadOnlyList<ActionDefinition> ReadAll(YamlNode node, RuleFileText file, ActionTrigger trigger,
        bool allowRetry, IReadOnlyList<ActionDefinition> earlier, ErrorCollector errors)
    {
        var key = trigger == ActionTrigger.Open ? "actions" : "on_resolve";
        var sequence = NodeReader.Sequence(node, key, "a sequence of actions", errors);
        if (sequence is { Items.Count: 0 })
        {
            errors.Add(node.Start, $"expected at least one action for '{key}', found an empty sequence");
        }

        var actions = new List<ActionDefinition>();
        foreach (var (item, index) in (sequence?.Items ?? []).Select((item, index) => (item, index)))
        {
            var mapping = NodeReader.Mapping(item, key, "an action (a mapping with one of run, log, email, webhook " +
                "or shell)", errors);
            if (mapping is not null && Read(mapping, index, file, trigger, allowRetry, errors) is { } action)
            {
                AddUnique(actions, earlier, action, item, errors);
            }
        }

        return actions;
    }

    private static void AddUnique(List<ActionDefinition> actions, IReadOnlyList<ActionDefinition> earlier,
        ActionDefinition action, YamlNode node, ErrorCollector errors)
    {
        if (earlier.Concat(actions).FirstOrDefault(other => other.Key == action.Key) is { } first)
        {
            errors.Add(node.Start, $"the action key '{action.Key}' is already used by the action at line " +
                $"{first.Location.Line}; give each action of a responder its own name");
            return;
        }

        actions.Add(action);
    }

    private static ActionDefinition? Read(MappingNode node, int index, RuleFileText file, ActionTrigger trigger,
        bool allowRetry, ErrorCollector errors)
    {
        var mapping = KeyedMapping.Read(node, "an action", Keys, errors);
        var kind = KindKey.Read(mapping, "action", Kinds, [], errors);
        var name = mapping.Optional("name") is { } nameNode ? RuleNames.Read(nameNode, "name", errors) : null;
        var delay = mapping.Optional("delay") is { } delayNode
            ? DurationParser.Read(delayNode, "delay", allowZero: true, DurationParser.LongestDelay, errors)
            : TimeSpan.Zero;
        var policy = ActionPolicyReader.Read(mapping, trigger, allowRetry, errors);
        if (kind is null || delay is null || policy is null)
        {
            return null;
        }

        var prefix = trigger == ActionTrigger.Resolve ? "on_resolve:" : "";
        var key = name ?? $"{prefix}{index}:{kind}";
        var location = errors.Locate(node.Start);
        var action = ReadKind(mapping, kind, key, location, delay.Value, file, errors);
        return action is null ? null : policy.ApplyTo(action) with { Delay = delay.Value };
    }

    private static ActionDefinition? ReadKind(KeyedMapping mapping, string kind, string key, SourceLocation location,
        TimeSpan delay, RuleFileText file, ErrorCollector errors)
    {
        var value = mapping.Required(kind, kind == "run" ? "C# code" : $"the {kind} action's settings", errors);
        return (kind, value) switch
        {
            (_, null) => null,
            ("run", _) => SnippetExtractor.Read(value, "run", file, errors) is { } code
                ? new RunActionDefinition { Key = key, Location = location, Code = code }
                : null,
            ("log", _) => LogActionReader.Read(value, key, location, delay, errors),
            ("email", _) => EmailActionReader.Read(value, key, location, errors),
            ("webhook", _) => WebhookActionReader.Read(value, key, location, errors),
            _ => ShellActionReader.Read(value, key, location, file, errors),
        };
    }
}

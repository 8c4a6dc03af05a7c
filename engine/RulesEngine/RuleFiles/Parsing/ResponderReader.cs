using System.Text.RegularExpressions;
using RulesEngine.Issues;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Reads an item of <c>responders</c>.</summary>
internal static class ResponderReader
{
    private static readonly string[] Keys =
        ["name", "description", "watch", "allow_retry", "on_crash", "actions", "on_resolve"];

    private static readonly Dictionary<string, CrashPolicy> CrashPolicies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["retry"] = CrashPolicy.Retry,
        ["abandon"] = CrashPolicy.Abandon,
    };

    // Bounds the time one issue name can take to match, so a pathological pattern cannot stall responding.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>A responder's name for errors and uniqueness: its <c>name</c>, else its <c>watch</c>.</summary>
    public static ScalarNode? PeekName(MappingNode node) =>
        RuleNames.Peek(node, "name") ?? RuleNames.Peek(node, "watch");

    /// <returns>The responder, or null when it had any error (all reported).</returns>
    public static ResponderDefinition? Read(MappingNode node, RuleFileText file, ErrorCollector errors)
    {
        var mapping = KeyedMapping.Read(node, "a responder", Keys, errors);
        var (watch, pattern) = ReadWatch(mapping, errors);
        var name = mapping.Optional("name") is { } nameNode
            ? RuleNames.Read(nameNode, "name", errors)
            : DefaultName(mapping, watch, errors);

        var description = mapping.Optional("description") is { } descriptionNode
            ? NodeReader.Text(descriptionNode, "description", "text", errors)
            : null;
        var allowRetry = mapping.Optional("allow_retry") is { } retryNode
            ? NodeReader.Boolean(retryNode, "allow_retry", errors)
            : false;
        var onCrash = mapping.Optional("on_crash") is { } crashNode ? ReadCrashPolicy(crashNode, errors) : CrashPolicy.Retry;
        var actions = mapping.Required("actions", "the actions to run on matching issues", errors) is { } actionsNode
            ? ActionReader.ReadAll(actionsNode, file, ActionTrigger.Open, allowRetry ?? false, [], errors)
            : [];
        var onResolve = mapping.Optional("on_resolve") is { } resolveNode
            ? ActionReader.ReadAll(resolveNode, file, ActionTrigger.Resolve, allowRetry: false, actions, errors)
            : [];

        if (errors.HasErrors)
        {
            return null;
        }

        return new ResponderDefinition
        {
            Name = name!,
            Location = errors.Locate(node.Start),
            Description = description,
            Watch = watch!,
            Pattern = pattern!,
            AllowRetry = allowRetry ?? false,
            Actions = actions,
            OnResolve = onResolve,
            OnCrash = onCrash ?? CrashPolicy.Retry,
        };
    }

    /// <summary>
    /// The name of a responder without <c>name</c>: its watch pattern, when that keeps the rules of names. The runs of
    /// its actions are recorded on issues under its name, so a pattern that cannot be a name (longer than the store
    /// indexes, or more than one line) is an error at the pattern asking for a <c>name</c>, as an explicit one is.
    /// </summary>
    private static string? DefaultName(KeyedMapping mapping, string? watch, ErrorCollector errors)
    {
        if (watch is null || IssueKeyRules.NameProblem(watch, "the watch pattern") is not { } problem)
        {
            return watch;
        }

        errors.Add(mapping.Optional("watch")!.Start, $"{problem}; this responder has no 'name', so its watch pattern " +
            "would be its name, under which the runs of its actions are recorded: give it a 'name'");
        return null;
    }

    private static CrashPolicy? ReadCrashPolicy(YamlNode node, ErrorCollector errors)
    {
        var text = NodeReader.Text(node, "on_crash", "retry or abandon", errors);
        if (text is not null && CrashPolicies.TryGetValue(text, out var policy))
        {
            return policy;
        }

        if (text is not null)
        {
            errors.Add(node.Start, $"unknown policy '{text}' for 'on_crash'; expected retry (run an interrupted " +
                "action again: at least once) or abandon (record it as abandoned: at most once)");
        }

        return null;
    }

    /// <summary>
    /// The watch pattern anchored at the start of the issue name, as Python's <c>re.match</c> is: <c>disk</c>
    /// matches "disk full" but not "full disk"; end it with <c>$</c> to match the whole name.
    /// </summary>
    public static Regex Anchor(string watch) =>
        new(@"\A(?:" + watch + ")", RegexOptions.CultureInvariant, MatchTimeout);

    private static (string? Watch, Regex? Pattern) ReadWatch(KeyedMapping mapping, ErrorCollector errors)
    {
        const string expected = "a regular expression matched at the start of issue names";
        var node = mapping.Required("watch", expected, errors);
        var watch = node is null ? null : NodeReader.NonBlankText(node, "watch", expected, errors);
        if (node is null || watch is null)
        {
            return (watch, null);
        }

        try
        {
            // Parsing the pattern alone first gives error offsets that count from the operator's text.
            _ = new Regex(watch, RegexOptions.CultureInvariant, MatchTimeout);
            return (watch, Anchor(watch));
        }
        catch (ArgumentException exception)
        {
            errors.Add(node.Start, $"invalid regular expression '{watch}' for 'watch': {exception.Message}");
            return (watch, null);
        }
    }
}

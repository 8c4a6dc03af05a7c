namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// A mapping whose keys have been checked against the ones its kind allows. Reports unknown keys (with the
/// closest allowed one within two edits) and duplicate keys (at the later occurrence; the first one is read).
/// </summary>
internal sealed class KeyedMapping
{
    private readonly Dictionary<string, MappingEntry> entries = [];

    private KeyedMapping(MappingNode node, string what)
    {
        Node = node;
        What = what;
    }

    public MappingNode Node { get; }

    /// <summary>What the mapping is, such as "an assertion", for messages.</summary>
    public string What { get; }

    /// <param name="reserved">Keys that are known but handled by the caller (not listed as allowed).</param>
    public static KeyedMapping Read(
        MappingNode node, string what, IReadOnlyList<string> allowed, ErrorCollector errors,
        IReadOnlyList<string>? reserved = null)
    {
        var mapping = new KeyedMapping(node, what);
        foreach (var entry in node.Entries)
        {
            mapping.Add(entry, allowed, reserved ?? [], errors);
        }

        return mapping;
    }

    public bool Contains(string key) => entries.ContainsKey(key);

    public MappingEntry? Entry(string key) => entries.GetValueOrDefault(key);

    /// <summary>The value of <paramref name="key"/>; null when the key is absent or its value is empty.</summary>
    public YamlNode? Optional(string key) =>
        entries.TryGetValue(key, out var entry) && entry.Value is not ScalarNode { IsNull: true } ? entry.Value : null;

    /// <summary>The value of <paramref name="key"/>, or null after reporting that it is missing or empty.</summary>
    public YamlNode? Required(string key, string expected, ErrorCollector errors)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            errors.Add(Node.Start, $"{What} needs '{key}' ({expected})");
            return null;
        }

        return Optional(key) ?? Empty(entry, expected, errors);
    }

    private static YamlNode? Empty(MappingEntry entry, string expected, ErrorCollector errors)
    {
        NodeReader.ReportMismatch(entry.Value, entry.Name!, expected, errors);
        return null;
    }

    private void Add(MappingEntry entry, IReadOnlyList<string> allowed, IReadOnlyList<string> reserved,
        ErrorCollector errors)
    {
        if (entry.Name is not { } name)
        {
            errors.Add(entry.Key.Start, $"expected a key name in {What}, found {entry.Key.Describe()}");
        }
        else if (name == "<<" && entry.Key is ScalarNode { IsPlain: true })
        {
            // YAML 1.1's merge key, which YamlDotNet's parser hands over as a plain key like any other.
            errors.Add(entry.Key.Start, $"merge keys ('<<') are not supported in rule files: write out in {What} " +
                "the keys you meant to merge");
        }
        else if (!allowed.Contains(name) && !reserved.Contains(name))
        {
            errors.Add(entry.Key.Start, UnknownKeyMessage(name, allowed));
        }
        else if (entries.TryGetValue(name, out var first))
        {
            errors.Add(entry.Key.Start, $"duplicate key '{name}'; it is first given at line {first.Key.Start.Line}");
        }
        else
        {
            entries.Add(name, entry);
        }
    }

    private string UnknownKeyMessage(string name, IReadOnlyList<string> allowed)
    {
        var closest = EditDistance.Closest(name, allowed);
        var hint = closest is null ? "." : $"; did you mean '{closest}'?";
        return $"unknown key '{name}'{hint} Allowed in {What}: {string.Join(", ", allowed)}";
    }
}

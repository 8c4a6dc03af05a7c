namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads which kind a source or an action is: the one key of its mapping that names a kind, such as
/// <c>sqlite</c> or <c>log</c>. Kinds planned for later versions are recognised and refused by name, so an
/// operator learns they are missing from this version rather than misspelled.
/// </summary>
internal static class KindKey
{
    /// <param name="noun">What has the kind, for messages: "source", "action".</param>
    /// <returns>The one supported kind given, or null after reporting none, several or an unsupported one.</returns>
    public static string? Read(KeyedMapping mapping, string noun, IReadOnlyList<string> kinds,
        IReadOnlyList<string> unsupported, ErrorCollector errors)
    {
        var choices = Choices(kinds);
        foreach (var entry in mapping.Node.Entries.Where(entry => unsupported.Contains(entry.Name)))
        {
            errors.Add(entry.Key.Start, $"the '{entry.Name}' {noun} is not supported by this engine version; " +
                $"use {choices}");
        }

        var given = mapping.Node.Entries.Select(entry => entry.Name)
            .Where(name => kinds.Contains(name) || unsupported.Contains(name))
            .Distinct()
            .ToList();
        if (given.Count != 1)
        {
            var found = given.Count == 0 ? "none" : string.Join(" and ", given);
            errors.Add(mapping.Node.Start, $"{mapping.What} takes exactly one of {choices}; found {found}");
            return null;
        }

        return kinds.Contains(given[0]) ? given[0] : null;
    }

    private static string Choices(IReadOnlyList<string> kinds) =>
        $"{string.Join(", ", kinds.Take(kinds.Count - 1))} or {kinds[^1]}";
}

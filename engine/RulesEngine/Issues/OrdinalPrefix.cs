using LiteDB;

namespace RulesEngine.Issues;

/// <summary>
/// "Starts with" as a range of an ordinal index. LiteDB's <c>Query.StartsWith</c> is a LIKE, in which <c>_</c> and
/// <c>%</c> are wildcards with no escape, and names such as <c>disk_full</c> are common. With the store's ordinal
/// collation, the texts starting with a prefix are exactly those from the prefix up to, not including, the prefix
/// with its last character raised by one.
/// </summary>
internal static class OrdinalPrefix
{
    public static BsonExpression[] Filters(string field, string prefix)
    {
        // Trailing U+FFFF cannot be raised; the character before it is raised instead. A prefix of nothing else is
        // followed only by U+FFFF in any text above it, so "from the prefix on" is already exact.
        var raisable = prefix.TrimEnd(char.MaxValue);
        if (raisable.Length == 0)
        {
            return [Query.GTE(field, prefix)];
        }

        var above = raisable[..^1] + (char)(raisable[^1] + 1);

        // BETWEEN gives LiteDB a bounded index range; it includes its upper end, which the second filter removes.
        return [Query.Between(field, prefix, above), Query.LT(field, above)];
    }
}

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>Finds the known word an operator probably meant, for "did you mean" hints.</summary>
internal static class EditDistance
{
    private const int FurthestSuggestion = 2;

    /// <returns>The candidate closest to <paramref name="word"/> within two edits, or null.</returns>
    public static string? Closest(string word, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (candidate, distance: Between(word, candidate)))
            .Where(scored => scored.distance <= FurthestSuggestion)
            .OrderBy(scored => scored.distance)
            .Select(scored => scored.candidate)
            .FirstOrDefault();

    /// <summary>
    /// Insertions, deletions, substitutions and swaps of two neighbouring letters each count one, so the common
    /// typo "shcedule" is as close to "schedule" as "shedule" is. Letter case is ignored.
    /// </summary>
    public static int Between(string first, string second)
    {
        var a = first.ToLowerInvariant();
        var b = second.ToLowerInvariant();
        var distances = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            distances[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            distances[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                distances[i, j] = Step(distances, a, b, i, j);
            }
        }

        return distances[a.Length, b.Length];
    }

    private static int Step(int[,] distances, string a, string b, int i, int j)
    {
        var cost = a[i - 1] == b[j - 1] ? 0 : 1;
        var best = Math.Min(
            Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1),
            distances[i - 1, j - 1] + cost);

        var isSwap = i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1];
        return isSwap ? Math.Min(best, distances[i - 2, j - 2] + 1) : best;
    }
}

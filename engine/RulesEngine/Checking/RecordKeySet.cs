using System.Globalization;

namespace RulesEngine.Checking;

/// <summary>
/// The record keys one pass has seen. Most keys are integer ids, kept as numbers: a million keys then take about
/// 20 MB instead of 80 MB of strings that would each outlive several garbage collections.
/// </summary>
internal sealed class RecordKeySet
{
    private readonly HashSet<long> numbers = [];
    private readonly HashSet<string> texts = new(StringComparer.Ordinal);

    /// <summary>Adds the key; false when it was already there.</summary>
    public bool Add(string key) => AsNumber(key) is { } number ? numbers.Add(number) : texts.Add(key);

    public bool Contains(string key) => AsNumber(key) is { } number ? numbers.Contains(number) : texts.Contains(key);

    /// <summary>
    /// The number a key is the invariant text of, such as "42" or "-7"; null for any other key, "042" and "+42"
    /// among them, so that two keys are one only when their texts are equal.
    /// </summary>
    private static long? AsNumber(string key)
    {
        var digits = key.StartsWith('-') ? key.AsSpan(1) : key.AsSpan();
        var canonical = digits.Length is > 0 and <= 19 && char.IsAsciiDigit(digits[0])
            && (digits[0] != '0' || (digits.Length == 1 && digits.Length == key.Length));
        return canonical && long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }
}

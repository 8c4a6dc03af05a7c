using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace RulesEngine.Host;

/// <summary>
/// How the API and the dashboard read a query string's values and say what is wrong with one, in the query string's
/// words: <c>The parameter 'limit' is 'abc', which is not a whole number from 0 to 1000.</c>
/// </summary>
internal static class QueryInput
{
    /// <summary>
    /// The value of <paramref name="text"/> when it is a whole number from 0 to <paramref name="most"/> written in
    /// digits only (no sign, space or separator); null otherwise.
    /// </summary>
    public static long? WholeNumber(string text, long most) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= most ? value : null;

    public static string NotWholeNumber(string parameter, string text, long most) =>
        NotExpected(parameter, text, string.Create(CultureInfo.InvariantCulture, $"a whole number from 0 to {most}"));

    /// <summary>
    /// What is wrong when a parameter is given more than once (<c>?status=Open&amp;status=Resolved</c>), or null: which
    /// value was meant is a guess, and binding would join them with a comma or keep the first.
    /// </summary>
    public static string? Repeated(IQueryCollection query) =>
        query.FirstOrDefault(parameter => parameter.Value.Count > 1) is { Key: { } name } repeated
            ? string.Create(CultureInfo.InvariantCulture, $"The parameter '{name}' is given {repeated.Value.Count} times; give it once.")
            : null;

    /// <param name="expected">What the parameter takes, as it reads after "which is not": "true or false".</param>
    public static string NotExpected(string parameter, string text, string expected) =>
        $"The parameter '{parameter}' is '{text}', which is not {expected}.";
}

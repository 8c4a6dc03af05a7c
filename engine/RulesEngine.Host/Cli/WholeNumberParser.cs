using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace RulesEngine.Host.Cli;

/// <summary>
/// Parses the whole numbers of the command line (<c>--limit</c>, issue ids) in the engine's own words, so a bad value is
/// a usage error naming the option, the range and the text found.
/// </summary>
/// <remarks>
/// System.CommandLine's own conversion names the CLR type ("as expected type 'System.Int32'"), and a validator that
/// reads the value of an option whose conversion failed throws InvalidOperationException from inside
/// <c>Parse</c>, which ends the process before any parse error is reported. A custom parser converts and checks the
/// range in one step, so there is no value to read after a failed conversion.
/// </remarks>
internal static class WholeNumberParser
{
    /// <param name="name">How the operator writes it: <c>--limit</c>, or <c>ID</c>.</param>
    /// <param name="meaning">What the number is, in a few words, for the message.</param>
    public static Func<ArgumentResult, T> Between<T>(string name, T least, T most, string meaning)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        return result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && value >= least && value <= most)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"{name} must be a whole number from {least} to {most} ({meaning}); found '{text}'."));
            return default;
        };
    }
}

using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RulesEngine.Sources;

/// <summary>
/// Converts one field of a row or document to the type the rule's record declares. Called by generated code,
/// once per field per record: a NULL or missing value becomes null for nullable types and an error otherwise.
/// Rows are read with the driver's typed getters, not boxed through GetValue: this runs a million times a pass.
/// </summary>
public static class RecordFields
{
    // SQLite keeps REAL dates as Julian day numbers; OLE automation dates count days from 1899-12-30, Julian day 2415018.5.
    private const double JulianDayOfOleEpoch = 2415018.5;

    // SQLite's date functions and Python's str(datetime) write the first; ISO 8601 round-trip text the last.
    private static readonly string[] CommonDateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd", "O"];

    public static T Read<T>(IDataRecord row, int ordinal, string field)
    {
        if (row.IsDBNull(ordinal))
        {
            return NullValue<T>(field);
        }

        return row switch
        {
            SqliteDataReader sqlite => SqliteValues.Read<T>(sqlite, ordinal, field),
            DbDataReader reader => DriverValues.Read<T>(reader, ordinal, field),
            _ => Convert<T>(row.GetValue(ordinal), field),
        };
    }

    public static T FromJson<T>(JsonElement document, string field)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"The record is a JSON {document.ValueKind}, not an object.");
        }

        if (!document.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return NullValue<T>(field);
        }

        try
        {
            return typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?)
                ? (T)(object)AsUtc(value.GetDateTime())
                : value.Deserialize<T>()!;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            throw new FormatException($"Field '{field}' holds {value.GetRawText()}, which is not {Article(typeof(T).Name)} {typeof(T).Name}.", exception);
        }
    }

    // The article a type's name reads with: "an Int64", "a Decimal", "a UInt32".
    private static string Article(string typeName) => "AEIO".Contains(typeName[0]) ? "an" : "a";

    private static T NullValue<T>(string field) =>
        default(T) is null
            ? default!
            : throw new FormatException($"Field '{field}' is null or missing, but its type {typeof(T).Name} does not allow null.");

    /// <summary>The slow path for values a typed getter does not take: boxed, then converted as text or number.</summary>
    internal static T Convert<T>(object value, string field)
    {
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            return (T)ConvertTo(value, target);
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException)
        {
            throw new FormatException($"Field '{field}' holds '{value}', which is not {Article(target.Name)} {target.Name}.", exception);
        }
    }

    private static object ConvertTo(object value, Type target) => value switch
    {
        _ when target == typeof(DateTime) => value switch
        {
            string text => ParseDate(text),
            long seconds => FromUnixSeconds(seconds),
            double julianDay => FromJulianDay(julianDay),
            DateTime time => AsUtc(time),
            _ => throw new InvalidCastException(),
        },
        _ when target == typeof(bool) && value is long number => number != 0,
        _ when target == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ when target == typeof(Guid) && value is string text => Guid.Parse(text),
        _ => System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Text dates as databases write them are tried first with their exact formats, many times faster than a general
    /// parse; anything else DateTime.Parse reads is accepted too.
    /// </summary>
    internal static DateTime ParseDate(string text)
    {
        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        return AsUtc(DateTime.TryParseExact(text, CommonDateFormats, CultureInfo.InvariantCulture, styles, out var date)
            ? date
            : DateTime.Parse(text, CultureInfo.InvariantCulture, styles));
    }

    internal static DateTime FromUnixSeconds(long seconds) => DateTime.UnixEpoch.AddSeconds(seconds);

    internal static DateTime FromJulianDay(double julianDay) =>
        DateTime.SpecifyKind(DateTime.FromOADate(julianDay - JulianDayOfOleEpoch), DateTimeKind.Utc);

    // Dates without a zone are taken as UTC: the engine's clock is UTC and an operator comparing Now with a
    // stored date expects both on the same footing.
    internal static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}

using System.Data.Common;

namespace RulesEngine.Sources;

/// <summary>
/// Reads a value of a strictly typed driver (Npgsql) with its generic getter, which neither boxes nor converts
/// silently: a column of another type than the field's is an error naming both.
/// </summary>
internal static class DriverValues
{
    public static T Read<T>(DbDataReader row, int ordinal, string field)
    {
        try
        {
            // Dates without a zone (timestamp, date) are taken as UTC, as for every source.
            return TypedValue.Is<DateTime, T>()
                ? TypedValue.As<DateTime, T>(RecordFields.AsUtc(row.GetFieldValue<DateTime>(ordinal)))
                : row.GetFieldValue<T>(ordinal);
        }
        catch (InvalidCastException exception)
        {
            throw new FormatException($"Field '{field}' is a column of type {row.GetDataTypeName(ordinal)}, which cannot " +
                $"be read as a {typeof(T).Name}; declare the field with a matching type, or cast it in the query.", exception);
        }
    }
}

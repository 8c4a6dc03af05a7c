using Microsoft.Data.Sqlite;

namespace RulesEngine.Sources;

/// <summary>
/// Reads a SQLite value as a field's type with the typed getter that matches how the value is stored. SQLite lets
/// any column hold any storage class, and its getters convert silently ('abc' read as an integer is 0), so a value
/// stored otherwise than the field expects takes the checked conversion of <see cref="RecordFields"/> instead.
/// </summary>
internal static class SqliteValues
{
    public static T Read<T>(SqliteDataReader row, int ordinal, string field)
    {
        // Any storage class reads as text, as the checked conversion would give it: no need to ask which it is.
        if (typeof(T) == typeof(string))
        {
            return (T)(object)row.GetString(ordinal);
        }

        var stored = row.GetFieldType(ordinal);
        if (stored == typeof(long))
        {
            return FromInteger<T>(row, ordinal, field);
        }

        if (stored == typeof(double) && TypedValue.Is<double, T>())
        {
            return TypedValue.As<double, T>(row.GetDouble(ordinal));
        }

        if (stored == typeof(string) && TypedValue.Is<DateTime, T>())
        {
            return TypedValue.As<DateTime, T>(ParseDate(row.GetString(ordinal), field));
        }

        return RecordFields.Convert<T>(row.GetValue(ordinal), field);
    }

    // As RecordFields.Convert reports it: without the field and its value, a bad date fails a pass with no clue where.
    private static DateTime ParseDate(string text, string field)
    {
        try
        {
            return RecordFields.ParseDate(text);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"Field '{field}' holds '{text}', which is not a DateTime.", exception);
        }
    }

    private static T FromInteger<T>(SqliteDataReader row, int ordinal, string field)
    {
        if (TypedValue.Is<long, T>())
        {
            return TypedValue.As<long, T>(row.GetInt64(ordinal));
        }

        if (TypedValue.Is<bool, T>())
        {
            return TypedValue.As<bool, T>(row.GetInt64(ordinal) != 0);
        }

        if (TypedValue.Is<int, T>() && row.GetInt64(ordinal) is >= int.MinValue and <= int.MaxValue and var number)
        {
            return TypedValue.As<int, T>((int)number);
        }

        if (TypedValue.Is<double, T>())
        {
            return TypedValue.As<double, T>(row.GetInt64(ordinal));
        }

        if (TypedValue.Is<DateTime, T>())
        {
            return TypedValue.As<DateTime, T>(RecordFields.FromUnixSeconds(row.GetInt64(ordinal)));
        }

        return RecordFields.Convert<T>(row.GetValue(ordinal), field);
    }
}

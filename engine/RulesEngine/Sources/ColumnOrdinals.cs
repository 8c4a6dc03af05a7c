using System.Data;

namespace RulesEngine.Sources;

/// <summary>Finds the result columns of a SQL source's declared fields once, before the first row is bound.</summary>
internal static class ColumnOrdinals
{
    public static int[] Find(IDataRecord reader, string[] fields)
    {
        var ordinals = new int[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            try
            {
                ordinals[i] = reader.GetOrdinal(fields[i]);
            }
            catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentException)
            {
                throw new SourceReadException($"The query's result has no column '{fields[i]}', a field the rule declares.", exception);
            }
        }

        return ordinals;
    }
}

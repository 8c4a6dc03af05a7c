namespace RulesEngine.Scripting;

internal sealed class RecordSet<T>(IEnumerable<T> records, Func<T, object?> key, Func<T, CheckResult> check) : RecordSet
{
    /// <summary>The compiled check alone, as <see cref="Check"/> calls it for each record; the benchmarks time it.</summary>
    internal Func<T, CheckResult> CheckOne => check;

    internal override IEnumerable<RecordVerdict> Check()
    {
        foreach (var record in records)
        {
            yield return Judge(record);
        }
    }

    private RecordVerdict Judge(T record)
    {
        object? recordKey;
        try
        {
            recordKey = key(record);
        }
        catch (Exception exception)
        {
            return new RecordVerdict(null, default, exception);
        }

        try
        {
            return new RecordVerdict(recordKey, check(record), null);
        }
        catch (Exception exception)
        {
            return new RecordVerdict(recordKey, default, exception);
        }
    }
}

namespace RulesEngine.Scripting;

internal sealed class RecordSet<T>(IEnumerable<T> records, Func<T, object?> key, Func<T, CheckResult> check) : RecordSet
{
    internal override IEnumerable<RecordVerdict> Check()
    {
        foreach (var record in records)
        {
            yield return CheckOne(record);
        }
    }

    private RecordVerdict CheckOne(T record)
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

namespace RulesEngine.Scripting;

/// <summary>
/// A model assertion's records paired with its key selector and check, typed by the record type the compiler
/// inferred. Generated code builds one per pass with <see cref="RecordSet.Create"/>.
/// </summary>
public abstract class RecordSet
{
    /// <summary>Builds a record set; <typeparamref name="T"/> is inferred from the records' sequence.</summary>
    public static RecordSet Create<T>(IEnumerable<T> records, Func<T, object?> key, Func<T, CheckResult> check) =>
        new RecordSet<T>(records, key, check);

    /// <summary>Streams the records, checking each as it arrives; exceptions of the source itself propagate.</summary>
    internal abstract IEnumerable<RecordVerdict> Check();
}

using System.Data;
using System.Text.Json;
using RulesEngine.Sources;

namespace RulesEngine.Scripting;

/// <summary>The base of a generated model assertion: builds the pass's record set from its source.</summary>
public abstract class ModelAssertionScript : RuleScript
{
    private RecordSource? source;

    public abstract RecordSet CreateRecordSet();

    /// <summary>Rows of a SQL source, bound by the generated record type; column ordinals are looked up once.</summary>
    protected IEnumerable<T> ReadRows<T>(string[] fields, Func<IDataRecord, int[], T> bind) =>
        Source.ReadRows(fields, bind, CancellationToken);

    /// <summary>Documents of a JSON source, bound by the generated record type.</summary>
    protected IEnumerable<T> ReadDocuments<T>(Func<JsonElement, T> bind) =>
        Source.ReadDocuments(CancellationToken).Select(bind);

    private RecordSource Source =>
        source ?? throw new InvalidOperationException("This model assertion's source is C#; it reads no rows.");

    internal void Attach(ScriptContext scriptContext, RecordSource? recordSource)
    {
        Attach(scriptContext);
        source = recordSource;
    }
}

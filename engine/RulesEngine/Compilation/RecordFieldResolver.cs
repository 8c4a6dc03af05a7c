using RulesEngine.RuleFiles;
using RulesEngine.Sources;

namespace RulesEngine.Compilation;

/// <summary>
/// Decides the record type of each model assertion before compiling: declared <c>fields</c> win; a SQL source
/// without them is asked for its query's result columns; JSON, HTTP and LiteDB sources need them; a C# source needs
/// none, its record type being the element type of its sequence. A source whose environment variables are not set
/// is reported here too.
/// </summary>
internal static class RecordFieldResolver
{
    public static IReadOnlyList<FieldDefinition>? Resolve(ModelAssertionDefinition rule, List<RuleError> errors)
    {
        if (rule.Source is CSharpSourceDefinition)
        {
            return null;
        }

        if (!SettingsAreSet(rule, errors))
        {
            return null;
        }

        var fields = rule.Fields.Count > 0 ? rule.Fields : ReadSchema(rule, errors);
        if (fields is null)
        {
            return null;
        }

        var invalid = fields.Where(field => !Snippets.IsIdentifier(field.Name)).ToList();
        foreach (var field in invalid)
        {
            errors.Add(new RuleError(field.Location, rule.Name,
                $"the field '{field.Name}' is not a C# identifier; rename it in the source (for SQL, 'AS some_name')."));
        }

        if (!fields.Any(field => field.Name == rule.Key))
        {
            var known = string.Join(", ", fields.Select(field => field.Name));
            errors.Add(new RuleError(rule.KeyLocation, rule.Name, $"the key '{rule.Key}' is not a field of the record; the fields are: {known}."));
        }

        return invalid.Count == 0 ? fields : null;
    }

    // Checked at load so that a missing secret is reported with the other errors of the rule files, not at each pass.
    private static bool SettingsAreSet(ModelAssertionDefinition rule, List<RuleError> errors)
    {
        var unset = rule.Source.Settings.Where(setting => setting.Read() is null).Select(setting => setting.Variable).ToList();
        foreach (var variable in unset)
        {
            errors.Add(new RuleError(rule.Source.Location, rule.Name,
                $"the environment variable {variable}, which the source reads, is not set (or is empty)."));
        }

        return unset.Count == 0;
    }

    private static IReadOnlyList<FieldDefinition>? ReadSchema(ModelAssertionDefinition rule, List<RuleError> errors)
    {
        try
        {
            var columns = rule.Source switch
            {
                SqliteSourceDefinition sqlite => SqliteSchema.ReadFields(sqlite),
                PostgresSourceDefinition postgres => PostgresSchema.ReadFields(postgres),
                _ => null,
            };
            if (columns is null)
            {
                errors.Add(new RuleError(rule.Source.Location, rule.Name,
                    $"the source {rule.Source.Describe()} has no schema: declare the record's 'fields' (name: C# type)."));
                return null;
            }

            return columns.Select(column => new FieldDefinition(column.Name, column.Type, rule.Source.Location)).ToList();
        }
        catch (Exception exception) when (exception is SourceReadException or Microsoft.Data.Sqlite.SqliteException
            or InvalidOperationException or ArgumentException)
        {
            errors.Add(new RuleError(rule.Source.Location, rule.Name,
                $"cannot read the columns of the query from {rule.Source.Describe()}: {exception.Message.TrimEnd('.')}. " +
                "Fix the source, or declare 'fields' so the rule loads without it."));
            return null;
        }
    }
}

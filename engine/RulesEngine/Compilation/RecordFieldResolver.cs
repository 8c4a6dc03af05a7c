using RulesEngine.RuleFiles;
using RulesEngine.Sources;

namespace RulesEngine.Compilation;

/// <summary>
/// Decides the record type of each model assertion before compiling: declared <c>fields</c> win; a SQL source
/// without them is asked for its query's result columns; a JSON source needs them; a C# source needs none, its
/// record type being the element type of its sequence.
/// </summary>
internal static class RecordFieldResolver
{
    public static IReadOnlyList<FieldDefinition>? Resolve(ModelAssertionDefinition rule, List<RuleError> errors)
    {
        if (rule.Source is CSharpSourceDefinition)
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

    private static IReadOnlyList<FieldDefinition>? ReadSchema(ModelAssertionDefinition rule, List<RuleError> errors)
    {
        switch (rule.Source)
        {
            case SqliteSourceDefinition sqlite:
                try
                {
                    return SqliteSchema.ReadFields(sqlite)
                        .Select(column => new FieldDefinition(column.Name, column.Type, sqlite.Location))
                        .ToList();
                }
                catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or ArgumentException)
                {
                    errors.Add(new RuleError(sqlite.Location, rule.Name,
                        $"cannot read the columns of the query from {sqlite.Describe()}: {exception.Message}. " +
                        "Fix the source, or declare 'fields' so the rule loads without it."));
                    return null;
                }

            default:
                errors.Add(new RuleError(rule.Source.Location, rule.Name,
                    $"the source {rule.Source.Describe()} has no schema: declare the record's 'fields' (name: C# type)."));
                return null;
        }
    }
}

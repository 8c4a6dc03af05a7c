using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>
/// Writes a model assertion: its record class (for sources with fields) and a script that pairs the source's
/// records with the key selector and the check, so the compiler infers and checks the record type.
/// </summary>
internal static class ModelAssertionWriter
{
    public static void Write(CodeWriter writer, ModelAssertionDefinition rule, int index, IReadOnlyList<FieldDefinition>? fields)
    {
        var className = $"ModelAssertion{index}";
        var recordClass = $"{className}Record";

        writer.Line($"public sealed class {className} : ModelAssertionScript");
        writer.Line("{");
        RuleCodeGenerator.WriteParamsField(writer, rule, $"{className}Params");
        writer.Line("    public override RecordSet CreateRecordSet() => RecordSet.Create(");
        WriteRecords(writer, rule, recordClass);
        writer.Line("        ,");
        writer.Line("        record => (object?)");
        writer.At(rule.KeyLocation, $"record.{Snippets.Identifier(rule.Key)}");
        writer.Line("        ,");
        writer.Line("        record =>");
        WriteCheck(writer, rule.Check);
        writer.Line("        );");
        writer.Line("}");

        RuleCodeGenerator.WriteParamsClass(writer, rule, $"{className}Params");
        if (fields is not null)
        {
            WriteRecordClass(writer, recordClass, fields);
        }
    }

    private static void WriteRecords(CodeWriter writer, ModelAssertionDefinition rule, string recordClass)
    {
        switch (rule.Source)
        {
            case CSharpSourceDefinition csharp:
                writer.UserCode(csharp.Expression);
                break;
            case SqliteSourceDefinition or PostgresSourceDefinition:
                writer.Line($"        ReadRows({recordClass}.Fields, {recordClass}.Bind)");
                break;
            default:
                writer.Line($"        ReadDocuments({recordClass}.FromJson)");
                break;
        }
    }

    private static void WriteCheck(CodeWriter writer, CodeSnippet check)
    {
        if (Snippets.IsExpression(check))
        {
            writer.Line("        (CheckResult)(");
            writer.UserCode(check);
            writer.Line("        )");
            return;
        }

        writer.Line("        {");
        writer.UserCode(check);
        writer.Line("        }");
    }

    private static void WriteRecordClass(CodeWriter writer, string className, IReadOnlyList<FieldDefinition> fields)
    {
        writer.Line($"public sealed class {className}");
        writer.Line("{");
        foreach (var field in fields)
        {
            writer.At(field.Location, $"public {field.Type} {Snippets.Identifier(field.Name)};");
        }

        var names = string.Join(", ", fields.Select(field => Snippets.Literal(field.Name)));
        writer.Line($"    internal static readonly string[] Fields = {{ {names} }};");

        writer.Line($"    internal static {className} Bind(System.Data.IDataRecord row, int[] ordinals) => new {className}");
        writer.Line("    {");
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            writer.Line($"        {Snippets.Identifier(field.Name)} = RecordFields.Read<{field.Type}>(row, ordinals[{i}], {Snippets.Literal(field.Name)}),");
        }

        writer.Line("    };");
        writer.Line($"    internal static {className} FromJson(System.Text.Json.JsonElement document) => new {className}");
        writer.Line("    {");
        foreach (var field in fields)
        {
            writer.Line($"        {Snippets.Identifier(field.Name)} = RecordFields.FromJson<{field.Type}>(document, {Snippets.Literal(field.Name)}),");
        }

        writer.Line("    };");
        writer.Line("}");
    }
}

using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

public sealed class ModelAssertionParsingTests
{
    private static readonly string FixtureFolder = Path.GetDirectoryName(Fixture.PathOf("any"))!;

    [Fact]
    public void Model_assertion_keeps_its_source_key_and_fields_in_order()
    {
        var model = Fixture.Parse("valid-all-kinds.yaml").File.ModelAssertions
            .Single(rule => rule.Name == "orders have totals");

        var source = Assert.IsType<JsonFileSourceDefinition>(model.Source);
        Assert.Equal(Path.Combine(FixtureFolder, "data", "orders.json"), source.Path);
        Assert.Equal((19, 13), (source.Location.Line, source.Location.Column));
        Assert.Equal("order_id", model.Key);
        Assert.Equal((20, 10), (model.KeyLocation.Line, model.KeyLocation.Column));
        Assert.Equal(
            [("order_id", "long"), ("total", "decimal?"), ("placed", "DateTime")],
            model.Fields.Select(field => (field.Name, field.Type)));
        Assert.Equal(21, model.Fields[0].Location.Line);
    }

    [Fact]
    public void Sqlite_source_keeps_its_query_and_resolves_the_database_beside_the_rule_file()
    {
        var model = Fixture.Parse("valid-all-kinds.yaml").File.ModelAssertions
            .Single(rule => rule.Name == "profile pic");

        var source = Assert.IsType<SqliteSourceDefinition>(model.Source);
        Assert.Equal($"Data Source={Path.Combine(FixtureFolder, "app.db")}", source.ConnectionString);
        Assert.Equal("SELECT id, pic_url, date_joined FROM profile", source.Query);
    }

    [Fact]
    public void CSharp_source_is_a_snippet_placed_where_its_expression_is_written()
    {
        var model = Fixture.Parse("valid-all-kinds.yaml").File.ModelAssertions
            .Single(rule => rule.Name == "feature flags have owners");

        var source = Assert.IsType<CSharpSourceDefinition>(model.Source);
        Assert.Equal([new CodeLine("Flags.All()", 25, 24)], source.Expression.Lines);
    }

    [Fact]
    public void Relative_paths_are_made_absolute_against_the_rule_file_folder_and_others_kept()
    {
        var result = Fixture.Parse("relative-paths.yaml");
        var sources = result.File.ModelAssertions.ToDictionary(rule => rule.Name, rule => rule.Source);

        Assert.Empty(result.Errors);
        Assert.Equal($"Data Source={Path.Combine(FixtureFolder, "data", "app.db")}",
            Assert.IsType<SqliteSourceDefinition>(sources["bare sqlite path"]).ConnectionString);
        Assert.Equal($"Data Source={Path.Combine(FixtureFolder, "app.db")};Mode=ReadOnly",
            Assert.IsType<SqliteSourceDefinition>(sources["sqlite connection string"]).ConnectionString);
        Assert.Equal("Data Source=:memory:",
            Assert.IsType<SqliteSourceDefinition>(sources["in-memory sqlite"]).ConnectionString);
        Assert.Equal("Data Source=/var/lib/app/app.db",
            Assert.IsType<SqliteSourceDefinition>(sources["absolute sqlite path"]).ConnectionString);
        Assert.Equal(Path.GetFullPath(Path.Combine(FixtureFolder, "..", "exports", "orders.json")),
            Assert.IsType<JsonFileSourceDefinition>(sources["relative json file"]).Path);
    }

    [Fact]
    public void Model_assertion_errors_are_each_reported_where_they_are()
    {
        var result = Fixture.Parse("model-assertion-errors.yaml");

        Assert.Equal("a model assertion needs 'source' (where the records come from)", result.ErrorAt(2, 5).Message);
        Assert.StartsWith("the field name 'order id' is not a C# identifier", result.ErrorAt(7, 10).Message);
        Assert.StartsWith("a model assertion with a json source needs 'fields'", result.ErrorAt(9, 5).Message);
        Assert.StartsWith("'decimal??x' is not a C# type", result.ErrorAt(16, 32).Message);
        Assert.Equal("a source takes exactly one of sqlite, postgres, http, json, litedb or csharp; found csharp and json",
            result.ErrorAt(19, 13).Message);
        Assert.Equal("'query' belongs to a sqlite or postgres source, not a json one", result.ErrorAt(23, 34).Message);
        Assert.Equal("a source needs 'query' (the SQL query that selects the records)", result.ErrorAt(28, 13).Message);
        Assert.Equal("bad key", result.ErrorAt(7, 10).Rule);
        Assert.Empty(result.RuleNames());
    }
}

using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Compilation;

/// <summary>C# that does not compile is reported at its line and column in the rule file, and only its rule is lost.</summary>
public sealed class CompileErrorTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_compile_error_in_a_block_check_names_the_file_the_rule_and_the_yaml_line_and_column()
    {
        var path = workspace.WriteRules("broken.yaml", """
            assertions:
              - name: fine
                check: "true"
              - name: typo
                check: |
                  var x = 1;
                  return x > undefinedThing;
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal("typo", error.Rule);
        Assert.Equal(path, error.Location.File);
        Assert.Equal(7, error.Location.Line);
        Assert.Equal(18, error.Location.Column);
        Assert.Contains("CS0103", error.Message);
        Assert.Contains("undefinedThing", error.Message);
        Assert.Equal(["fine"], engine.Rules.Assertions.Select(rule => rule.Name));
    }

    [Fact]
    public void A_compile_error_in_a_one_line_check_points_into_that_line()
    {
        workspace.WriteRules("broken.yaml", """
            assertions:
              - name: wrong type
                check: 'DateTime.UtcNow + 5'
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(3, error.Location.Line);
        Assert.InRange(error.Location.Column, 13, 33);
        Assert.Empty(engine.Rules.Assertions);
    }

    [Fact]
    public void A_misspelled_params_key_is_a_load_error()
    {
        workspace.WriteRules("params.yaml", """
            assertions:
              - name: misspelled
                params: { max_age: 5 }
                check: Params.max_agee > 1
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("max_agee", error.Message);
    }

    [Fact]
    public void A_misspelled_record_field_is_a_load_error_at_its_yaml_line()
    {
        workspace.WriteRules("model.yaml", """
            model_assertions:
              - name: profiles
                source: { json: profiles.json }
                key: id
                fields: { id: long, pic_url: string? }
                check: |
                  record.pic_ulr != null
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal("profiles", error.Rule);
        Assert.Equal(7, error.Location.Line);
        Assert.Contains("pic_ulr", error.Message);
    }

    [Fact]
    public void A_key_that_is_not_a_field_is_a_load_error_at_the_key_line()
    {
        workspace.WriteRules("model.yaml", """
            model_assertions:
              - name: profiles
                source: { csharp: "new[] { new { id = 1 } }" }
                key: identifier
                check: record.id > 0
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("identifier", error.Message);
    }

    [Fact]
    public void A_field_type_that_does_not_exist_is_a_load_error_at_the_fields_line()
    {
        workspace.WriteRules("model.yaml", """
            model_assertions:
              - name: profiles
                source: { json: profiles.json }
                key: id
                fields:
                  id: long
                  joined: Dattime
                check: record.id > 0
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal(7, error.Location.Line);
        Assert.Contains("Dattime", error.Message);
    }

    [Fact]
    public void An_unknown_namespace_in_usings_is_an_error_of_the_file()
    {
        workspace.WriteRules("usings.yaml", """
            usings: [No.Such.Namespace]
            assertions:
              - { name: a, check: "true" }
            """);
        using var engine = workspace.OpenEngine();

        Assert.Contains(engine.Rules.Errors, error => error.Message.Contains("No.Such.Namespace") || error.Message.Contains("No"));
        Assert.Empty(engine.Rules.Assertions);
    }

    [Fact]
    public void A_check_that_does_not_return_on_every_path_is_reported_at_the_check()
    {
        workspace.WriteRules("noreturn.yaml", """
            assertions:
              - name: forgot to return
                check: |
                  var x = 1;
            """);
        using var engine = workspace.OpenEngine();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal("forgot to return", error.Rule);
        Assert.Contains("CS0161", error.Message);
    }
}

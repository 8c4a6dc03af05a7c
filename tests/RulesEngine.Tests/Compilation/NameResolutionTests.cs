using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Compilation;

/// <summary>
/// Rule code is compiled against every assembly the process loaded, and some of them declare types in a namespace
/// named RulesEngine (Microsoft's RulesEngine package has a class RulesEngine.RulesEngine). Such a type must not
/// hide a namespace that a rule names.
/// </summary>
public sealed class NameResolutionTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void A_type_in_the_engines_namespace_does_not_hide_a_namespace_of_the_same_name_from_rule_code()
    {
        workspace.WriteRules("names.yaml", """
            assertions:
              - name: qualified name
                check: Shadowed.Names.Answer.Value == 42
            """);

        using var engine = workspace.OpenEngine();

        Assert.Empty(engine.Rules.Errors);
        Assert.Equal(["qualified name"], engine.Rules.Assertions.Select(rule => rule.Name));
    }
}

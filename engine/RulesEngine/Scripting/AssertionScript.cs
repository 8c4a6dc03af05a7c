namespace RulesEngine.Scripting;

/// <summary>The base of a generated assertion: its check.</summary>
public abstract class AssertionScript : RuleScript
{
    public abstract ValueTask<CheckResult> CheckAsync();
}

using RulesEngine.Issues;

namespace RulesEngine.Scripting;

/// <summary>The base of a generated <c>run</c> action: inline C# with the issue in scope.</summary>
public abstract class ActionScript : RuleScript
{
    private Issue? issue;

    /// <summary>The open issue the action runs for, as it was when the respond pass read it.</summary>
    protected Issue Issue => issue ?? throw new InvalidOperationException("The action was run without an issue.");

    /// <summary>Runs the action; what it returns is recorded as the run's details.</summary>
    public abstract ValueTask<object?> RunAsync();

    internal void Attach(ScriptContext scriptContext, Issue target)
    {
        Attach(scriptContext);
        issue = target;
    }
}

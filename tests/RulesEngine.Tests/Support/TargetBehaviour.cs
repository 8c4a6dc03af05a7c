namespace RulesEngine.Tests.Support;

/// <summary>How an action written by <see cref="ActionTargets"/> behaves when it runs.</summary>
public enum TargetBehaviour
{
    Succeed,
    Fail,
    Hang,
}

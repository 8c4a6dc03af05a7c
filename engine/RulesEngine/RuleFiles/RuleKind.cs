namespace RulesEngine.RuleFiles;

public enum RuleKind
{
    Assertion,
    ModelAssertion,
    Responder,
}

namespace RulesEngine.Scripting;

/// <summary>
/// Generated once per rule file: makes the script instances of the file's rules, by position in the file.
/// </summary>
public abstract class RuleFileManifest
{
    public abstract AssertionScript CreateAssertion(int index);

    public abstract ModelAssertionScript CreateModelAssertion(int index);

    public abstract ActionScript CreateAction(int responder, int action);
}

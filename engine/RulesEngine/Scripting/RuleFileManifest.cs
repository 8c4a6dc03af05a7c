using System.Text.Json;

namespace RulesEngine.Scripting;

/// <summary>
/// Generated once per rule file: makes the script instances of the file's rules, by position in the file.
/// </summary>
public abstract class RuleFileManifest
{
    /// <summary>
    /// Serializes this file's check details. One instance per compiled file on purpose: System.Text.Json caches type
    /// metadata in its options, and a shared instance would keep every unloaded rule assembly alive.
    /// </summary>
    internal JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public abstract AssertionScript CreateAssertion(int index);

    public abstract ModelAssertionScript CreateModelAssertion(int index);

    public abstract ActionScript CreateAction(int responder, int action);
}

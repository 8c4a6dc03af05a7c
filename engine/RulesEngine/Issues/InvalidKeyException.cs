namespace RulesEngine.Issues;

/// <summary>
/// Thrown by the store's entry points for an issue name, record key or heartbeat name it cannot keep (see
/// <see cref="IssueKeyRules"/>): blank, holding a control character, or too long. Nothing was written.
/// </summary>
public sealed class InvalidKeyException : ArgumentException
{
    internal InvalidKeyException(string message)
        : base(message)
    {
    }
}

using System.Text.Json.Nodes;

namespace RulesEngine.Responding;

/// <summary>
/// An action ran and failed, such as a program exiting with code 3 or a webhook answered 500. The message becomes
/// the run's <c>error</c>; <see cref="Details"/> (an exit code, the output's tail) is recorded beside it.
/// </summary>
public sealed class ActionFailedException : Exception
{
    public ActionFailedException(string message, JsonObject? details = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details;
    }

    public JsonObject? Details { get; }
}

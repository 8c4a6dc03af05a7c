namespace RulesEngine.Tests.Support;

/// <summary>A request the <see cref="HttpTarget"/> received.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

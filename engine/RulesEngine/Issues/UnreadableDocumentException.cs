namespace RulesEngine.Issues;

/// <summary>
/// An issue's document read back without the fields, or the types of field, the store writes: LiteDB read bytes of a
/// damaged page as a document. Turned into a <see cref="StoreDamagedException"/> at the store's entry points.
/// </summary>
internal sealed class UnreadableDocumentException(string message, Exception inner) : Exception(message, inner);

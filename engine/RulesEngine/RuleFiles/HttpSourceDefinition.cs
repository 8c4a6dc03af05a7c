namespace RulesEngine.RuleFiles;

/// <summary>
/// An HTTP GET answering JSON: an array of objects, or an object holding the array at <see cref="ArrayPath"/>.
/// The body is streamed, one record at a time. Needs <c>fields</c>.
/// </summary>
/// <param name="ArrayPath">Property names from the top of the answer to the array, such as <c>data</c>, <c>items</c>;
/// empty when the answer is the array itself.</param>
/// <param name="Timeout">How long the request may take, from sending it to the body's last byte; null leaves only the
/// rule's own timeout.</param>
public sealed record HttpSourceDefinition(
    SourceLocation Location, Uri Url, IReadOnlyList<string> ArrayPath, TimeSpan? Timeout, IReadOnlyList<HttpHeader> Headers)
    : SourceDefinition(Location)
{
    public override string Kind => "http";

    public override bool NeedsFields => true;

    public override IEnumerable<SourceSetting> Settings => Headers.Select(header => header.Value);

    /// <summary>
    /// The URL's scheme, host, port and path: user info and the query string, where tokens hide, are left out. Unlike
    /// the other sources' descriptions it has no <c>http:</c> prefix, which would double the URL's own scheme.
    /// </summary>
    public override string Describe() =>
        Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}

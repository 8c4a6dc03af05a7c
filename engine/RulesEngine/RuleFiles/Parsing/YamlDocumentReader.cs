using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a rule file's single YAML document into <see cref="YamlNode"/>s from YamlDotNet's parser events.
/// Malformed YAML gives one error at the place YamlDotNet reports, and no document.
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly IParser parser;
    private readonly Dictionary<string, YamlNode> anchors = [];
    private Mark lastEnd = Mark.Empty;

    private YamlDocumentReader(string text) => parser = new Parser(new StringReader(text));

    /// <returns>The document's root node; null for an empty file, a file of comments, or malformed YAML.</returns>
    public static YamlNode? Read(string path, string text, ICollection<RuleError> errors)
    {
        var reader = new YamlDocumentReader(text);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException exception)
        {
            var message = $"malformed YAML: {exception.Message}{Hint(exception)}";
            errors.Add(new RuleError(exception.Start.In(path), null, message));
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections
            // (such as "a: [1, 2" followed by more keys); see https://github.com/aaubry/YamlDotNet/issues/541.
            // The end of the last event read is the nearest place we know.
            errors.Add(new RuleError(reader.lastEnd.In(path), null, $"malformed YAML: {exception.Message}"));
        }

        return null;
    }

    // YamlDotNet's words for the most common mistake in inline C#, a ": " inside an unquoted value, do not
    // say what to do about it.
    private static string Hint(YamlException exception) =>
        exception.Message.Contains("found invalid mapping")
            ? " A value holding ': ' must be quoted, or written as a block on the lines after '|'."
            : "";

    private YamlNode? ReadDocument()
    {
        Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        Consume<DocumentStart>();
        var root = ReadNode();
        Consume<DocumentEnd>();

        if (parser.Accept<DocumentStart>(out var second))
        {
            throw new YamlException(second.Start, second.End,
                "a rule file holds one YAML document, but a second one starts here");
        }

        return root is ScalarNode { IsNull: true } ? null : root;
    }

    private YamlNode ReadNode()
    {
        var next = Consume<ParsingEvent>();
        var node = next switch
        {
            Scalar scalar => ToScalar(scalar),
            SequenceStart start => ReadSequence(start),
            MappingStart start => ReadMapping(start),
            AnchorAlias alias => Resolve(alias),
            _ => throw new YamlException(next.Start, next.End, $"unexpected {next.GetType().Name} in the document"),
        };

        if (next is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private static ScalarNode ToScalar(Scalar scalar)
    {
        var isTagged = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific;
        return new ScalarNode(scalar.Value, scalar.Style, isTagged, scalar.Start, scalar.End);
    }

    private SequenceNode ReadSequence(SequenceStart start)
    {
        var items = new List<YamlNode>();
        while (!parser.Accept<SequenceEnd>(out _))
        {
            items.Add(ReadNode());
        }

        var end = Consume<SequenceEnd>();
        return new SequenceNode(items, start.Start, end.End);
    }

    private MappingNode ReadMapping(MappingStart start)
    {
        var entries = new List<MappingEntry>();
        while (!parser.Accept<MappingEnd>(out _))
        {
            var key = ReadNode();
            entries.Add(new MappingEntry(key, ReadNode()));
        }

        var end = Consume<MappingEnd>();
        return new MappingNode(entries, start.Start, end.End);
    }

    private YamlNode Resolve(AnchorAlias alias) =>
        anchors.TryGetValue(alias.Value.Value, out var node)
            ? node
            : throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value}' names no anchor before it");

    private T Consume<T>() where T : ParsingEvent
    {
        var next = parser.Consume<T>();
        lastEnd = next.End;
        return next;
    }
}

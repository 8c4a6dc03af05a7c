using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a rule file's single YAML document into <see cref="YamlNode"/>s from YamlDotNet's parser events.
/// Malformed YAML gives one error at the place YamlDotNet reports (a tab in the indentation at the tab), and no
/// document; in a .json file it is called malformed JSON. So does a document that would
/// exhaust the engine: nested deeper than <see cref="MaxDepth"/>, or whose aliases would add more than
/// <see cref="MaxAliasedValues"/> values or <see cref="MaxAliasedCharacters"/> characters of text.
/// </summary>
internal sealed class YamlDocumentReader
{
    /// <summary>
    /// How many values a file's aliases may add to it, counting each alias as every value under its anchor. An alias
    /// is the anchored node itself, not a copy, but whatever walks the document (parameters becoming JSON and C#)
    /// expands it: nine levels of ten aliases each ("a billion laughs") would be a billion values.
    /// </summary>
    public const int MaxAliasedValues = 100_000;

    /// <summary>
    /// How many characters of text a file's aliases may add to it, counting each alias as the text of every value
    /// (scalar) under its anchor. Counting values alone lets one anchored long text through: 20,000 aliases of a
    /// 100 KB string, a 160 KB file, stood for 2 billion characters, and loading it reached 10 GB before an
    /// OutOfMemoryException ended it. Shared text in a rule file (a query, a template, a list of hosts) is a few KB
    /// used a few times; ten million characters are a hundred uses of 100 KB, and a file whose aliases add that many
    /// cost <c>validate</c> at most about 1 s and 240 MB more when measured.
    /// </summary>
    public const int MaxAliasedCharacters = 10_000_000;

    /// <summary>
    /// How deeply collections may nest. Reading, and everything that walks the document after, recurses once per
    /// level, and a stack overflow ends the process without a chance to report it; a rule file needs a few levels
    /// beyond the five of a rule's parameters. 64 is also as deep as System.Text.Json reads JSON by default.
    /// </summary>
    public const int MaxDepth = 64;

    private readonly IParser parser;
    private readonly Dictionary<string, (YamlNode Node, long Values, long Characters)> anchors = [];
    private Mark lastEnd = Mark.Empty;
    private int depth;

    // Every value and every character of scalar text read so far, an alias counting as what is under its anchor;
    // and the part of each that aliases added.
    private long values;
    private long aliasedValues;
    private long characters;
    private long aliasedCharacters;

    private YamlDocumentReader(string text) => parser = new Parser(new StringReader(text));

    /// <returns>The document's root node; null for an empty file, a file of comments, or malformed YAML.</returns>
    public static YamlNode? Read(string path, string text, ICollection<RuleError> errors)
    {
        var reader = new YamlDocumentReader(text);
        try
        {
            return reader.ReadDocument();
        }
        catch (DocumentTooLargeException exception)
        {
            errors.Add(new RuleError(exception.Start.In(path), null, exception.Message));
        }
        catch (YamlException exception)
        {
            errors.Add(reader.Malformed(path, text, exception));
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections
            // (such as "a: [1, 2" followed by more keys); see https://github.com/aaubry/YamlDotNet/issues/541.
            // The end of the last event read is the nearest place we know.
            var message = $"malformed {FormatOf(path)}: {exception.Message}";
            errors.Add(new RuleError(WithinText(reader.lastEnd, text).In(path), null, message));
        }

        return null;
    }

    // A .json file is read as YAML, which JSON is a subset of; its author knows it as JSON, and the hints below,
    // written for YAML's own syntax, would mislead.
    private RuleError Malformed(string path, string text, YamlException exception)
    {
        if (FormatOf(path) == "JSON")
        {
            return new RuleError(WithinText(exception.Start, text).In(path), null, $"malformed JSON: {exception.Message}");
        }

        var readTo = exception.End.Index > lastEnd.Index ? exception.End : lastEnd;
        if (IsAboutTabs(exception) && FirstIndentingTab(text, readTo) is { } tab)
        {
            return new RuleError(tab.In(path), null, "malformed YAML: a tab in the indentation; YAML indents with " +
                "spaces only");
        }

        var message = $"malformed YAML: {exception.Message}{Hint(exception)}";
        return new RuleError(WithinText(exception.Start, text).In(path), null, message);
    }

    private static string FormatOf(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "JSON" : "YAML";

    // YamlDotNet reports a tab in the indentation at the start of the plain scalar it was scanning, or, for a
    // mapping, at no position at all (line 1, column 1), rather than at the tab.
    private static bool IsAboutTabs(YamlException exception) =>
        exception.Message.Contains("invalid tab as indentation") || exception.Message.Contains("a tab character");

    /// <summary>
    /// The first tab in the leading white space of a line from <paramref name="readTo"/>'s line on. Everything
    /// before <paramref name="readTo"/> (the end of the error's span, or of the last event read if later) was read
    /// without fault, so a tab before it is content, such as one inside a <c>|</c> block. Lines of only white space
    /// are passed over, since they indent nothing. Null when there is no such tab, and the error stays where
    /// YamlDotNet put it.
    /// </summary>
    private static Mark? FirstIndentingTab(string text, Mark readTo)
    {
        var lines = text.Split('\n');
        var index = lines.Take((int)readTo.Line - 1).Sum(line => line.Length + 1);
        for (var number = (int)readTo.Line; number <= lines.Length; number++)
        {
            var line = lines[number - 1].TrimEnd('\r');
            var indentation = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indentation);
            if (tab >= 0 && indentation < line.Length)
            {
                return new Mark(index + tab, number, tab + 1);
            }

            index += lines[number - 1].Length + 1;
        }

        return null;
    }

    /// <summary>
    /// The mark, or the end of the last line when it is past it: YamlDotNet puts an error found at the end of a file
    /// that does not end with a line break (an unclosed <c>[</c>) on a line after the last, which no editor shows.
    /// </summary>
    private static Mark WithinText(Mark mark, string text)
    {
        var lastLineStart = text.TrimEnd('\n', '\r').LastIndexOf('\n') + 1;
        var lines = text.AsSpan(0, lastLineStart).Count('\n') + 1;
        if (mark.Line <= lines)
        {
            return mark;
        }

        var lastLine = text.AsSpan(lastLineStart).TrimEnd("\r\n");
        return new Mark(mark.Index, lines, lastLine.Length + 1);
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
        if (next is AnchorAlias alias)
        {
            return Resolve(alias);
        }

        var valuesBefore = values++;
        var charactersBefore = characters;
        var node = next switch
        {
            Scalar scalar => ToScalar(scalar),
            SequenceStart start => Nested(start, () => ReadSequence(start)),
            MappingStart start => Nested(start, () => ReadMapping(start)),
            _ => throw new YamlException(next.Start, next.End, $"unexpected {next.GetType().Name} in the document"),
        };

        if (next is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = (node, values - valuesBefore, characters - charactersBefore);
        }

        return node;
    }

    private YamlNode Nested(ParsingEvent start, Func<YamlNode> read)
    {
        if (++depth > MaxDepth)
        {
            throw new DocumentTooLargeException(start.Start, start.End, $"the document nests deeper than {MaxDepth} " +
                "levels here; a rule file may nest at most that deep");
        }

        var node = read();
        depth--;
        return node;
    }

    private ScalarNode ToScalar(Scalar scalar)
    {
        characters += scalar.Value.Length;
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

    private YamlNode Resolve(AnchorAlias alias)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value}' names no anchor before it");
        }

        values += anchored.Values;
        aliasedValues += anchored.Values;
        if (aliasedValues > MaxAliasedValues)
        {
            var limit = MaxAliasedValues.ToString("N0", CultureInfo.InvariantCulture);
            throw new DocumentTooLargeException(alias.Start, alias.End, $"the alias '*{alias.Value}' makes the file's " +
                $"aliases stand for more than {limit} values (each alias counts every value under its anchor, and " +
                "aliases of aliases multiply); a rule file's aliases may add at most that many: write fewer nested " +
                "aliases");
        }

        characters += anchored.Characters;
        aliasedCharacters += anchored.Characters;
        if (aliasedCharacters > MaxAliasedCharacters)
        {
            var limit = MaxAliasedCharacters.ToString("N0", CultureInfo.InvariantCulture);
            throw new DocumentTooLargeException(alias.Start, alias.End, $"the alias '*{alias.Value}' makes the file's " +
                $"aliases stand for more than {limit} characters of text (each alias counts the text of every value " +
                "under its anchor, and aliases of aliases multiply); a rule file's aliases may add at most that many: " +
                "alias long text fewer times");
        }

        // A mapping read through an alias is placed at the alias, so that a rule repeated by '- *x' is reported where
        // it is repeated; its entries, and the scalars whose text positions map C# to lines, stay the anchor's.
        return anchored.Node is MappingNode mapping
            ? new MappingNode(mapping.Entries, alias.Start, alias.End) { Alias = alias.Value.Value }
            : anchored.Node;
    }

    private T Consume<T>() where T : ParsingEvent
    {
        // Noted before the parser moves on to the next event, which is where malformed text after this one throws.
        var next = parser.Require<T>();
        lastEnd = next.End;
        parser.MoveNext();
        return next;
    }
}

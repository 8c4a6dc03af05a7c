using System.Text;
using RulesEngine.RuleFiles;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.RuleFiles;

/// <summary>Rule files are read as strict UTF-8: a byte that is not UTF-8 is an error at its line, never a '\uFFFD'.</summary>
public sealed class RuleFileEncodingTests : IDisposable
{
    private const string Rules = "assertions:\n  - name: café\n    check: \"false\"\n";

    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_latin1_file_is_a_load_error_at_the_bad_byte_and_opens_no_issue()
    {
        var path = WriteBytes("latin1.yaml", Encoding.Latin1.GetBytes(Rules));
        using var engine = workspace.OpenEngine();
        await engine.CheckAsync();

        var error = Assert.Single(engine.Rules.Errors);
        Assert.Equal((path, 2, 14, null), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("the file is not valid UTF-8: the byte 0xE9 at byte offset 25 is not part of a UTF-8 character; " +
            "save the file as UTF-8", error.Message);
        Assert.Empty(engine.Rules.Assertions);
        Assert.Empty(engine.Issues.Find(new()));
    }

    [Fact]
    public void A_multibyte_character_cut_off_at_the_end_of_the_file_is_an_error_there()
    {
        var bytes = Encoding.UTF8.GetBytes("assertions: []\n# café")[..^1];

        var result = RuleFileParser.ParseFile(WriteBytes("cut.yaml", bytes));

        var error = result.ErrorAt(2, 6);
        Assert.StartsWith("the file is not valid UTF-8: the byte 0xC3 at byte offset 20 ", error.Message);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_and_utf16_with_its_mark_load_as_written()
    {
        var withMark = RuleFileParser.ParseFile(WriteBytes("utf8.yaml", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Rules)]));
        var utf16 = RuleFileParser.ParseFile(WriteBytes("utf16.yaml", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Rules)]));

        Assert.Empty(withMark.Errors);
        Assert.Empty(utf16.Errors);
        Assert.Equal(["café"], withMark.RuleNames());
        Assert.Equal(["café"], utf16.RuleNames());
    }

    [Fact]
    public void A_nul_byte_is_an_error_at_its_line_and_column_saying_the_file_is_not_text()
    {
        var path = WriteBytes("nul.yaml", Encoding.UTF8.GetBytes("assertions:\n  - name: caf\0\n    check: \"false\"\n"));

        var result = RuleFileParser.ParseFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal((path, 2, 14, null), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal("the file holds a NUL byte here, so it is not text; a rule file must be UTF-8 text", error.Message);
        Assert.Empty(result.RuleNames());
    }

    [Theory]
    [InlineData("utf-16le", "little-endian")]
    [InlineData("utf-16BE", "big-endian")]
    public void Utf16_without_a_byte_order_mark_is_an_error_saying_to_save_it_as_utf8(string encoding, string order)
    {
        var path = WriteBytes("utf16.yaml", Encoding.GetEncoding(encoding).GetBytes(Rules));

        var result = RuleFileParser.ParseFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal((path, 1, 1, null), (error.Location.File, error.Location.Line, error.Location.Column, error.Rule));
        Assert.Equal($"the file looks like UTF-16 ({order}) without a byte order mark, as its NUL bytes alternate with " +
            "the others; save the file as UTF-8", error.Message);
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(workspace.RulesDirectory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

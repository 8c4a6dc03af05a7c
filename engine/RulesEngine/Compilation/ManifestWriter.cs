using RulesEngine.RuleFiles;

namespace RulesEngine.Compilation;

/// <summary>Writes the manifest class that creates each rule's script by its position in the file.</summary>
internal static class ManifestWriter
{
    public static void Write(CodeWriter writer, RuleFileDefinition file)
    {
        writer.Line("public sealed class Manifest : RuleFileManifest");
        writer.Line("{");

        var assertions = Enumerable.Range(0, file.Assertions.Count).Select(i => ($"{i}", $"new Assertion{i}()"));
        WriteFactory(writer, "AssertionScript CreateAssertion(int index)", "index", assertions);

        var models = Enumerable.Range(0, file.ModelAssertions.Count).Select(i => ($"{i}", $"new ModelAssertion{i}()"));
        WriteFactory(writer, "ModelAssertionScript CreateModelAssertion(int index)", "index", models);

        var actions = file.Responders
            .SelectMany((responder, r) => responder.AllActions.Select((action, a) => (action, r, a)))
            .Where(entry => entry.action is RunActionDefinition)
            .Select(entry => ($"({entry.r}, {entry.a})", $"new Action{entry.r}_{entry.a}()"));
        WriteFactory(writer, "ActionScript CreateAction(int responder, int action)", "(responder, action)", actions);

        writer.Line("}");
    }

    private static void WriteFactory(CodeWriter writer, string signature, string subject, IEnumerable<(string Case, string Create)> cases)
    {
        writer.Line($"    public override {signature} => {subject} switch");
        writer.Line("    {");
        foreach (var (match, create) in cases)
        {
            writer.Line($"        {match} => {create},");
        }

        writer.Line("        _ => throw new System.ArgumentOutOfRangeException(\"index\"),");
        writer.Line("    };");
    }
}

using Microsoft.Extensions.Logging;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// Reads a <c>log</c> action: a message (<c>log: "still open"</c>), or a mapping with <c>message</c> and
/// <c>level</c> (trace, debug, information, warning, error or critical, any case; default warning). The message is a
/// template over the issue, as every other action's text is, checked here.
/// </summary>
internal static class LogActionReader
{
    private static readonly string[] Keys = ["message", "level"];

    private static readonly Dictionary<string, LogLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["information"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
    };

    public static LogActionDefinition? Read(YamlNode node, string key, SourceLocation location, TimeSpan delay,
        ErrorCollector errors)
    {
        if (node is not MappingNode mapping)
        {
            var text = TemplateReader.ReadNonBlank(node, "log", "a message, or a mapping with message and level", errors);
            return text is null ? null : new() { Key = key, Location = location, Delay = delay, Message = text };
        }

        var log = KeyedMapping.Read(mapping, "a log action", Keys, errors);
        var message = log.Required("message", "the text to log", errors) is { } messageNode
            ? TemplateReader.ReadNonBlank(messageNode, "message", "the text to log", errors)
            : null;
        var level = log.Optional("level") is { } levelNode ? ReadLevel(levelNode, errors) : LogLevel.Warning;
        if (message is null || level is null)
        {
            return null;
        }

        return new() { Key = key, Location = location, Delay = delay, Message = message, Level = level.Value };
    }

    private static LogLevel? ReadLevel(YamlNode node, ErrorCollector errors)
    {
        var text = NodeReader.Text(node, "level", "a log level", errors);
        if (text is not null && Levels.TryGetValue(text, out var level))
        {
            return level;
        }

        if (text is not null)
        {
            errors.Add(node.Start, $"unknown log level '{text}'; expected one of {string.Join(", ", Levels.Keys)}");
        }

        return null;
    }
}

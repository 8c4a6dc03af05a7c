using YamlDotNet.Core;

namespace RulesEngine.RuleFiles.Parsing;

/// <summary>
/// A well-formed YAML document that the engine refuses to read whole (nested too deep, or aliases that would expand
/// past the limit), at the place it went past; reported as it is, not as malformed YAML.
/// </summary>
internal sealed class DocumentTooLargeException(Mark start, Mark end, string message)
    : YamlException(start, end, message);

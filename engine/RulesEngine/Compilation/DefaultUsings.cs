namespace RulesEngine.Compilation;

/// <summary>The namespaces every rule file's C# sees without a <c>usings</c> entry.</summary>
public static class DefaultUsings
{
    public static IReadOnlyList<string> All { get; } =
    [
        "System",
        "System.Collections.Generic",
        "System.Globalization",
        "System.IO",
        "System.Linq",
        "System.Net",
        "System.Net.Http",
        "System.Security.Cryptography.X509Certificates",
        "System.Text",
        "System.Text.Json",
        "System.Text.RegularExpressions",
        "System.Threading",
        "System.Threading.Tasks",
        "Microsoft.Extensions.Logging",
        "RulesEngine.Issues",
    ];
}

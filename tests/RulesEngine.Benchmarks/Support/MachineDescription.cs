using System.Runtime.InteropServices;

namespace RulesEngine.Benchmarks.Support;

/// <summary>What the report says of the machine it was measured on.</summary>
public static class MachineDescription
{
    public static string Describe()
    {
        var processor = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadFirst("/proc/meminfo", "MemTotal") is { } total
            ? $"{long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture) / (1024 * 1024)} GiB"
            : "unknown memory";
        return $"{processor}, {Environment.ProcessorCount} cores, {memory}; {RuntimeInformation.OSDescription}; " +
            $".NET {Environment.Version}";
    }

    /// <summary>The value of the first "key: value" line of a /proc file with this key, or null.</summary>
    private static string? ReadFirst(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Select(line => line.Split(':', 2))
            .FirstOrDefault(parts => parts.Length == 2 && parts[0].Trim() == key)?[1].Trim();
    }
}

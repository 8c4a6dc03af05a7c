namespace RulesEngine.RuleFiles.Parsing;

internal static class TimeZoneReader
{
    /// <summary>An IANA time zone id (such as <c>Europe/Paris</c>) that this machine knows.</summary>
    public static TimeZoneInfo? Read(YamlNode node, ErrorCollector errors)
    {
        var id = NodeReader.NonBlankText(node, "timezone", "a time zone id such as Europe/Paris", errors);
        if (id is null)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add(node.Start, $"unknown time zone '{id}'; expected an IANA time zone id such as " +
                $"Europe/Paris, America/New_York or UTC ({exception.Message})");
            return null;
        }
        catch (System.Security.SecurityException)
        {
            // What .NET throws on Linux for a folder of the time zone database, such as 'Europe': its message says
            // the zone was found but cannot be read, which would send the operator after file permissions.
            errors.Add(node.Start, $"unknown time zone '{id}'; expected an IANA time zone id such as " +
                "Europe/Paris, America/New_York or UTC (this names a group of zones, not one)");
            return null;
        }
    }
}

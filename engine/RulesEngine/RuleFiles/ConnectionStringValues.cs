namespace RulesEngine.RuleFiles;

/// <summary>
/// Keeps the values of a connection string out of messages. Drivers' messages sometimes quote a value they could
/// not use, and a connection string that failed to parse cannot say which of its values is the password.
/// </summary>
internal static class ConnectionStringValues
{
    private const string Hidden = "***";

    // Shorter values (a port, "true") say nothing secret and replacing them would garble the message.
    private const int ShortestHidden = 4;

    /// <summary>The message with every value of the connection string, and the whole string, replaced by ***.</summary>
    public static string Hide(string message, string connectionString)
    {
        var hidden = message.Replace(connectionString, Hidden, StringComparison.Ordinal);
        foreach (var part in connectionString.Split(';'))
        {
            var value = part[(part.IndexOf('=') + 1)..].Trim().Trim('"', '\'');
            if (value.Length >= ShortestHidden)
            {
                hidden = hidden.Replace(value, Hidden, StringComparison.Ordinal);
            }
        }

        return hidden;
    }
}

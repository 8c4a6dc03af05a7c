namespace RulesEngine.RuleFiles;

/// <summary>How an email action secures its connection to the SMTP server (the <c>tls</c> key).</summary>
public enum TlsMode
{
    /// <summary>No encryption (port 25 by default). For a relay on the same host or a test server.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (port 587 by default).</summary>
    StartTls,

    /// <summary>TLS from the first byte, "SMTPS" (port 465 by default).</summary>
    Tls,
}

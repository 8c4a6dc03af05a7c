using MimeKit;

namespace RulesEngine.Tests.Support;

/// <summary>A message the <see cref="SmtpTarget"/> received, with its envelope recipients.</summary>
public sealed record ReceivedEmail(MimeMessage Message, IReadOnlyList<string> Envelope);

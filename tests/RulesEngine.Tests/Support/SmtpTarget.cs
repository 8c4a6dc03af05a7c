using System.Net;
using MimeKit;
using netDumbster.smtp;

namespace RulesEngine.Tests.Support;

/// <summary>
/// A real SMTP server (netDumbster on 127.0.0.1, a free port) that accepts every message; each arrives parsed by
/// MimeKit, with the envelope's recipients (which include Bcc).
/// </summary>
public sealed class SmtpTarget : IDisposable
{
    private readonly SimpleSmtpServer server =
        Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    public int Port => server.Configuration.Port;

    public IReadOnlyList<ReceivedEmail> Received => server.ReceivedEmail.Select(Parse).ToList();

    public void Dispose() => server.Dispose();

    private static ReceivedEmail Parse(SmtpMessage message)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data));
        var mime = MimeMessage.Load(stream);
        return new ReceivedEmail(mime, [.. message.ToAddresses.Concat(message.CcAddresses).Concat(message.BccAddresses)
            .Select(address => address.Address)]);
    }
}

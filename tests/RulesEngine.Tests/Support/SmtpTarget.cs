using System.Net;
using System.Net.Sockets;
using MimeKit;
using netDumbster.smtp;

namespace RulesEngine.Tests.Support;

/// <summary>
/// A real SMTP server (netDumbster on 127.0.0.1, a free port) that accepts every message; each arrives parsed by
/// MimeKit, with the envelope's recipients (which include Bcc).
/// </summary>
public sealed class SmtpTarget : IDisposable
{
    private readonly SimpleSmtpServer server = Start();

    public int Port => server.Configuration.Port;

    public IReadOnlyList<ReceivedEmail> Received => server.ReceivedEmail.Select(Parse).ToList();

    public void Dispose() => server.Dispose();

    /// <summary>
    /// Starts the server on a random port. netDumbster picks the port before it binds, so a port another test took in
    /// between fails the bind: a few attempts, each on a new port, make that race harmless.
    /// </summary>
    private static SimpleSmtpServer Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 5)
            {
            }
        }
    }

    private static ReceivedEmail Parse(SmtpMessage message)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data));
        var mime = MimeMessage.Load(stream);
        return new ReceivedEmail(mime, [.. message.ToAddresses.Concat(message.CcAddresses).Concat(message.BccAddresses)
            .Select(address => address.Address)]);
    }
}

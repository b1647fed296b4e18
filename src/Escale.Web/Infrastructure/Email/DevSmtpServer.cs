using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ComponentServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Escale.Web.Infrastructure.Email;

/// <summary>
/// A real SMTP server on loopback for development (<c>DevMail:Enabled</c>, port <c>DevMail:Port</c>, default 2525):
/// the application sends through the same code path as in production (its SMTP client is pointed at this port), and every message lands in
/// <c>data/mail/</c> as an .eml file, listed at <c>/dev/courriels</c>.
/// </summary>
public sealed class DevSmtpServer(DevMailbox mailbox, IConfiguration configuration, ILogger<DevSmtpServer> logger) : BackgroundService
{
    public const int DefaultPort = 2525;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = configuration.GetValue("DevMail:Port", DefaultPort);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("escale-dev")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var components = new ComponentServiceProvider();
        components.Add(new Store(mailbox));
        logger.LogInformation("Development SMTP server listening on 127.0.0.1:{Port}; messages go to {Folder}", port, mailbox.Folder);
        await new SmtpServer.SmtpServer(options, components).StartAsync(stoppingToken);
    }

    private sealed class Store(DevMailbox mailbox) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await mailbox.SaveAsync(buffer.ToArray(), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}

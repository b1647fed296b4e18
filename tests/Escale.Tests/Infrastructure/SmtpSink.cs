using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using ComponentServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Escale.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port that keeps what it receives in memory. The application under test
/// sends to it through its ordinary SMTP client (<c>Smtp:Port</c>), so tests assert on what actually went over the wire.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    public IReadOnlyCollection<MimeMessage> Received => _received;

    /// <summary>Listens on <paramref name="port"/>, or on a free port when 0.</summary>
    public static async Task<SmtpSink> StartAsync(int port = 0)
    {
        var sink = new SmtpSink();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var components = new ComponentServiceProvider();
        components.Add(listeners);
        components.Add(new Store(sink._received));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("escale-test-sink")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        sink._running = new SmtpServer.SmtpServer(options, components).StartAsync(sink._stop.Token);
        sink.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return sink;
    }

    /// <summary>The first message received for <paramref name="address"/>, waiting for it up to <paramref name="timeout"/> (5 s by default).</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string address, TimeSpan? timeout = null, Func<MimeMessage, bool>? where = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var found = MessagesTo(address).FirstOrDefault(m => where?.Invoke(m) ?? true);
            if (found is not null)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No e-mail to {address} arrived in time ({_received.Count} received in all).");
            }
            await Task.Delay(25);
        }
    }

    /// <summary>A loopback port nothing listens on (for now): where a test sends mail while "the SMTP server is down".</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IEnumerable<MimeMessage> MessagesTo(string address) =>
        _received.Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        foreach (var message in _received)
        {
            message.Dispose();
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

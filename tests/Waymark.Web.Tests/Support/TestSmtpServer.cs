using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Waymark.Web.Tests.Support;

/// <summary>
/// A real SMTP server in the test process, on a free port of 127.0.0.1: it keeps every message it accepts, and can be
/// told to refuse the next few (as a mail server that is down or over quota), or to call back on each message.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private int refuse;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Called with each accepted message and how many have been accepted so far.</summary>
    public Action<MimeMessage, int>? OnMessage { get; set; }

    /// <summary>Refuses the next <paramref name="count"/> messages with "554 transaction failed".</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref refuse, count);

    public static async Task<TestSmtpServer> StartAsync()
    {
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var server = new TestSmtpServer(port);
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(server));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(server.stop.Token);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {port}.");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server.refuse) >= 0)
            {
                return SmtpResponse.TransactionFailed;
            }

            Interlocked.Exchange(ref server.refuse, 0);
            await using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                await stream.WriteAsync(segment, cancellationToken);
            }

            stream.Position = 0;
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server.Received.Enqueue(message);
            server.OnMessage?.Invoke(message, server.Received.Count);
            return SmtpResponse.Ok;
        }
    }
}

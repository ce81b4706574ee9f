using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Tests.Client;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port: one request per connection (it answers with
/// <c>Connection: close</c>), numbered in arrival order, answered by a handler that may delay on purpose.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<ReceivedRequest, Reply> handler;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private readonly Task acceptLoop;
    private readonly SemaphoreSlim arrivals = new(0);
    private int count;

    public TestHttpServer(Func<ReceivedRequest, Reply> handler)
    {
        this.handler = handler;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        BaseUri = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>How many requests arrived (complete request heads and bodies).</summary>
    public int RequestCount => Volatile.Read(ref count);

    public IReadOnlyList<ReceivedRequest> Requests => received.OrderBy(r => r.Number).ToList();

    /// <summary>
    /// Completes once <paramref name="requests"/> requests have arrived: tests act on the client's state (cancel,
    /// advance a fake clock) only after the server has seen what it must, however slow the machine is. The minute is
    /// a guard against a hung test, not a timing assumption.
    /// </summary>
    public async Task WaitForRequestsAsync(int requests)
    {
        while (RequestCount < requests)
        {
            if (!await arrivals.WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false))
            {
                throw new TimeoutException("request " + requests.ToString(CultureInfo.InvariantCulture) + " never arrived");
            }
        }
    }

    /// <summary>Answers from a script: the n-th request gets the n-th reply (the last one repeats).</summary>
    public static TestHttpServer Scripted(params Reply[] replies) =>
        new(request => replies[Math.Min(request.Number, replies.Length) - 1]);

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        try
        {
            await acceptLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // stopping
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream).ConfigureAwait(false);
            if (request is null)
            {
                return;
            }

            received.Enqueue(request);
            arrivals.Release();
            var reply = handler(request);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, stopping.Token).ConfigureAwait(false);
            }

            var body = Encoding.UTF8.GetBytes(reply.Body);
            var head = new StringBuilder()
                .Append("HTTP/1.1 ").Append(reply.Status.ToString(CultureInfo.InvariantCulture)).Append(" Test\r\n")
                .Append("Content-Type: application/x-amz-json-1.1\r\n")
                .Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
                .Append("x-amzn-RequestId: req-").Append(request.Number.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
                .Append("Connection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stopping.Token).ConfigureAwait(false);
            await stream.WriteAsync(body, stopping.Token).ConfigureAwait(false);
            await stream.FlushAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // the client went away (timeouts, cancellation) or the server is stopping
        }
    }

    private async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>(1024);
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, stopping.Token).ConfigureAwait(false) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line.Substring(0, colon), line.Substring(colon + 1).Trim()));
        }

        var length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), stopping.Token).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return new ReceivedRequest(Interlocked.Increment(ref count), requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';
}

internal sealed record ReceivedRequest(
    int Number, string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}

internal sealed record Reply(int Status, string Body = "{}", TimeSpan Delay = default)
{
    public static Reply Ok(string body = "{\"ok\":true}") => new(200, body);

    public static Reply Error(int status, string code, string message = "boom") =>
        new(status, "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");

    public static Reply Slow(TimeSpan delay) => new(200, "{\"ok\":true}", delay);
}

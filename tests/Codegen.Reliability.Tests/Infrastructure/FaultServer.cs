using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Reliability.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP/1.1 server on raw sockets that misbehaves on purpose: each connection reads one request, then
/// hands the socket to a fault (<see cref="Faults"/>) that writes what it likes, stalls or drops the connection.
/// Tests wait on <see cref="WaitForRequestsAsync"/> (and on the faults' own signals) before they act, never on time.
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<int, NetworkStream, CancellationToken, Task> fault;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private readonly List<Task> connections = new();
    private readonly Task acceptLoop;
    private readonly ConcurrentDictionary<int, string> heads = new();
    private int requests;

    /// <param name="fault">What to do after request <c>n</c> (1-based) has been read: write a reply, stall, drop.</param>
    public FaultServer(Func<int, NetworkStream, CancellationToken, Task> fault)
    {
        this.fault = fault;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>How many complete requests arrived.</summary>
    public int RequestCount => Volatile.Read(ref requests);

    /// <summary>The head (request line and headers) of request <paramref name="number"/>.</summary>
    public string Head(int number) => heads[number];

    /// <summary>The value of header <paramref name="name"/> in request <paramref name="number"/>, or <see langword="null"/>.</summary>
    public string? Header(int number, string name) =>
        Head(number).Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();

    /// <summary>Completes once <paramref name="count"/> requests have arrived (the minute only guards against a hung test).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        while (RequestCount < count)
        {
            if (!await arrivals.WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false))
            {
                throw new TimeoutException("request " + count.ToString(CultureInfo.InvariantCulture) + " never arrived");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        await Task.WhenAll(Snapshot().Append(acceptLoop)).WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        stopping.Dispose();
    }

    private Task[] Snapshot()
    {
        lock (connections)
        {
            return connections.ToArray();
        }
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

            lock (connections)
            {
                connections.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadRequestAsync(stream, stopping.Token).ConfigureAwait(false);
            if (head is null)
            {
                return;
            }

            var number = Interlocked.Increment(ref requests);
            heads[number] = head;
            arrivals.Release();
            await fault(number, stream, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The client went away (timeouts, refused bodies) or the server is stopping: both are expected here.
        }
    }

    /// <summary>Reads one request head and its Content-Length body; the head, or null when the client closed first.</summary>
    private static async Task<string?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>(1024);
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var text = Encoding.ASCII.GetString(head.ToArray());
        var length = 0;
        foreach (var line in text.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return text;
    }
}

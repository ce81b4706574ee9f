using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// HTTP for the credential endpoints on the machine or next to it (instance metadata, container credentials):
/// no proxy (these addresses are local), no redirects, a response of at most 64 KiB, and a time limit per request
/// measured on the given clock. Sends synchronously too, for the region lookup in a client's constructor.
/// </summary>
internal sealed class MetadataHttp : IDisposable
{
    private readonly HttpClient client;

    public MetadataHttp(TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        client = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = CredentialsJson.MaximumBytes,
        };
    }

    /// <summary>Sends a request; <see cref="TimeoutException"/> when no full response arrives within <paramref name="timeout"/>.</summary>
    /// <exception cref="HttpRequestException">The endpoint cannot be reached, or the response is too large.</exception>
    /// <exception cref="TimeoutException">No complete response within the limit.</exception>
    public async ValueTask<MetadataResponse> SendAsync(HttpRequestMessage request, TimeSpan timeout, TimeProvider timeProvider, bool synchronous, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            using var response = synchronous
                ? client.Send(request, HttpCompletionOption.ResponseContentRead, linked.Token)
                : await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            byte[] body;
            if (synchronous)
            {
                using var stream = response.Content.ReadAsStream(linked.Token);
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                body = buffer.ToArray();
            }
            else
            {
                body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            }

            return new MetadataResponse((int)response.StatusCode, body);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("no response within " + timeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms", e);
        }
    }

    public void Dispose() => client.Dispose();
}

/// <summary>A response's status and body.</summary>
internal readonly record struct MetadataResponse(int Status, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Streaming;

/// <summary>
/// A streaming response payload as the caller reads it: the HTTP response's body, unbuffered, with the response
/// (and so its connection) released when the stream is disposed. The generated response type that holds it is
/// <see cref="IDisposable"/> and <see cref="IAsyncDisposable"/> and disposes it.
/// </summary>
public sealed class ResponseBodyStream : ReadOnlyStream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly long? _length;
    private int _disposed;

    /// <summary>Takes ownership of <paramref name="response"/>, whose content stream is <paramref name="body"/>.</summary>
    public ResponseBodyStream(HttpResponseMessage response, Stream body)
    {
        _response = response ?? throw new ArgumentNullException(nameof(response));
        _body = body ?? throw new ArgumentNullException(nameof(body));
        _length = response.Content.Headers.ContentLength;
    }

    /// <summary>The <c>Content-Length</c> of the response.</summary>
    /// <exception cref="NotSupportedException">The response has no <c>Content-Length</c> (chunked).</exception>
    public override long Length => _length ?? throw new NotSupportedException("The response has no Content-Length.");

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => _body.Read(buffer);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _body.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _body.DisposeAsync().ConfigureAwait(false);
            _response.Dispose();
        }

        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Streaming;

/// <summary>
/// The HTTP content of a streaming request payload: copies the caller's stream to the connection through one
/// pooled buffer, never holding the body in memory, and leaves the stream open (the caller owns it, and a retry
/// rewinds and sends it again). A known length goes out as <c>Content-Length</c>, an unknown one as chunked
/// transfer encoding.
/// </summary>
/// <remarks>
/// Unlike <see cref="System.Net.Http.StreamContent"/>, disposing the content does not dispose the stream, and the
/// length is what the caller said (or what is left of a seekable stream), not the stream's whole length.
/// </remarks>
public sealed class PayloadStreamContent : HttpContent
{
    private const int BufferSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly long? _length;

    /// <summary>Sends <paramref name="stream"/> from its current position.</summary>
    /// <param name="stream">The payload.</param>
    /// <param name="length">The number of bytes it will yield, if known.</param>
    public PayloadStreamContent(Stream stream, long? length)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A length must not be negative.");
        }

        _length = length;
    }

    /// <summary>
    /// The bytes left in <paramref name="stream"/> when it can tell (a seekable stream), else <see langword="null"/>.
    /// </summary>
    public static long? RemainingLength(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = _stream.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                stream.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}

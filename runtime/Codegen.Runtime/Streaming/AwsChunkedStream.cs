using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Checksums;

namespace Codegen.Runtime.Streaming;

/// <summary>
/// Encodes a body as <c>aws-chunked</c> while it is read: the source is cut into chunks of
/// <see cref="AwsChunkedOptions.ChunkSize"/> bytes (the last one shorter), each sent as
/// <c>{hex size}[;chunk-signature={sig}]\r\n{bytes}\r\n</c>, then an empty chunk, then an optional trailer that
/// carries the checksum of the whole body (<c>x-amz-checksum-*</c>, with <c>x-amz-trailer-signature</c> when signed).
/// Only one chunk is held in memory, so a body of any length (known or not) streams in bounded memory.
/// </summary>
/// <remarks>
/// <para>The three AWS variants, chosen by the options (see <see cref="PayloadHash"/>):</para>
/// <list type="bullet">
/// <item><description><see cref="SigV4Signer.StreamingPayload"/>: signed chunks, no trailer.</description></item>
/// <item><description><see cref="SigV4Signer.StreamingPayloadTrailer"/>: signed chunks and a signed checksum trailer.</description></item>
/// <item><description><see cref="SigV4Signer.StreamingUnsignedPayloadTrailer"/>: plain chunks and an unsigned checksum trailer (HTTPS only).</description></item>
/// </list>
/// <para>
/// The request that carries the stream needs <c>Content-Encoding: aws-chunked</c>, <c>x-amz-decoded-content-length</c>
/// (the source's length), <c>x-amz-trailer</c> when there is a trailer, and either <c>Content-Length</c>
/// (<see cref="EncodedLength"/>) or chunked transfer encoding; <see cref="HeaderNames"/> names them.
/// </para>
/// </remarks>
public sealed class AwsChunkedStream : ReadOnlyStream
{
    // Room before the chunk data for the longest chunk header: 8 hex digits, ";chunk-signature=", 64 hex, CRLF.
    private const int HeaderRoom = 8 + 17 + 64 + 2;
    private const string ChunkSignaturePrefix = ";chunk-signature=";
    private const string TrailerSignaturePrefix = "x-amz-trailer-signature:";
    private const int SignatureLength = 64;

    private readonly Stream _source;
    private readonly AwsChunkedOptions _options;
    private readonly ChecksumCalculator? _checksum;
    private byte[]? _buffer;
    private int _windowStart;
    private int _windowEnd;
    private long _decodedRead;
    private bool _finalWritten;

    /// <summary>Encodes <paramref name="source"/> as <paramref name="options"/> say.</summary>
    /// <exception cref="ArgumentException">The options ask for no signature and no trailer, or a chunk size out of range.</exception>
    public AwsChunkedStream(Stream source, AwsChunkedOptions options)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Signer is null && options.TrailerChecksum is null)
        {
            throw new ArgumentException("An aws-chunked body is either signed or has a checksum trailer (or both).", nameof(options));
        }

        if (options.ChunkSize < AwsChunkedOptions.MinimumChunkSize || options.ChunkSize > AwsChunkedOptions.MaximumChunkSize)
        {
            throw new ArgumentException(
                "The chunk size must be between " + AwsChunkedOptions.MinimumChunkSize + " and " + AwsChunkedOptions.MaximumChunkSize + " bytes.",
                nameof(options));
        }

        if (options.TrailerChecksum is { } algorithm)
        {
            _checksum = new ChecksumCalculator(algorithm);
        }

        _buffer = ArrayPool<byte>.Shared.Rent(HeaderRoom + options.ChunkSize + 2);
    }

    /// <summary>The <c>x-amz-content-sha256</c> value (the payload hash to sign the headers with) of this variant.</summary>
    public string PayloadHash => PayloadHashFor(_options.Signer is not null, _options.TrailerChecksum is not null);

    /// <summary>The header names the request needs beside the body.</summary>
    public static class HeaderNames
    {
        /// <summary><c>Content-Encoding</c>, whose value includes <c>aws-chunked</c>.</summary>
        public const string ContentEncoding = "Content-Encoding";

        /// <summary>The value that marks the encoding.</summary>
        public const string AwsChunked = "aws-chunked";

        /// <summary><c>x-amz-decoded-content-length</c>: the length of the body before encoding.</summary>
        public const string DecodedContentLength = "x-amz-decoded-content-length";

        /// <summary><c>x-amz-trailer</c>: the name of the trailing checksum header.</summary>
        public const string Trailer = "x-amz-trailer";
    }

    /// <summary>The <c>x-amz-content-sha256</c> value for signed or unsigned chunks, with or without a trailer.</summary>
    /// <exception cref="ArgumentException">Unsigned without a trailer: not an AWS variant.</exception>
    public static string PayloadHashFor(bool signed, bool trailer) => (signed, trailer) switch
    {
        (true, false) => SigV4Signer.StreamingPayload,
        (true, true) => SigV4Signer.StreamingPayloadTrailer,
        (false, true) => SigV4Signer.StreamingUnsignedPayloadTrailer,
        _ => throw new ArgumentException("An aws-chunked body is either signed or has a checksum trailer (or both)."),
    };

    /// <summary>
    /// The length of the encoded body for a source of <paramref name="decodedLength"/> bytes: the
    /// <c>Content-Length</c> to send when the source's length is known.
    /// </summary>
    public static long EncodedLength(long decodedLength, int chunkSize, bool signed, ChecksumAlgorithm? trailerChecksum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decodedLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var fullChunks = decodedLength / chunkSize;
        var lastChunk = (int)(decodedLength % chunkSize);
        var length = fullChunks * ChunkLength(chunkSize, signed);
        if (lastChunk > 0)
        {
            length += ChunkLength(lastChunk, signed);
        }

        length += 1 + (signed ? ChunkSignaturePrefix.Length + SignatureLength : 0) + 2; // "0[;chunk-signature=...]\r\n"
        if (trailerChecksum is { } algorithm)
        {
            using var calculator = new ChecksumCalculator(algorithm);
            var base64Length = (calculator.DigestLength + 2) / 3 * 4;
            length += ChecksumAlgorithms.HeaderName(algorithm).Length + 1 + base64Length + 2;
            if (signed)
            {
                length += TrailerSignaturePrefix.Length + SignatureLength + 2;
            }
        }

        return length + 2; // the blank line that ends the body

        static long ChunkLength(int size, bool signed) =>
            size.ToString("x").Length + (signed ? ChunkSignaturePrefix.Length + SignatureLength : 0) + 2 + size + 2;
    }

    /// <summary>
    /// The base64 checksum of the whole source, as sent in the trailer; known once the trailer has been read.
    /// <see langword="null"/> without a trailer checksum or before the end.
    /// </summary>
    public string? TrailerChecksumValue { get; private set; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_windowStart == _windowEnd)
        {
            if (_finalWritten)
            {
                return 0;
            }

            var buf = Buffer();
            Produce(Fill(buf.AsSpan(HeaderRoom, _options.ChunkSize)));
        }

        return Drain(buffer);
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_windowStart == _windowEnd)
        {
            if (_finalWritten)
            {
                return 0;
            }

            var buf = Buffer();
            Produce(await FillAsync(buf.AsMemory(HeaderRoom, _options.ChunkSize), cancellationToken).ConfigureAwait(false));
        }

        return Drain(buffer.Span);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            if (!_options.LeaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        Release();
        if (!_options.LeaveOpen)
        {
            await _source.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private byte[] Buffer() => _buffer ?? throw new ObjectDisposedException(nameof(AwsChunkedStream));

    private void Release()
    {
        _checksum?.Dispose();
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int Drain(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _windowEnd - _windowStart);
        _buffer.AsSpan(_windowStart, count).CopyTo(destination);
        _windowStart += count;
        return count;
    }

    // Reads until the chunk is full or the source ends: every chunk but the last has the full size.
    private int Fill(Span<byte> chunk)
    {
        var filled = 0;
        while (filled < chunk.Length)
        {
            var read = _source.Read(chunk.Slice(filled));
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private async ValueTask<int> FillAsync(Memory<byte> chunk, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < chunk.Length)
        {
            var read = await _source.ReadAsync(chunk.Slice(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    // Frames the chunk of `size` bytes that sits at HeaderRoom (or, for size 0, the final chunk and the trailer).
    private void Produce(int size)
    {
        var buffer = Buffer();
        _decodedRead += size;
        if (_options.DecodedLength is { } declared && _decodedRead > declared)
        {
            throw new IOException("The body stream has more bytes than its declared length of " + declared + ".");
        }

        if (size > 0)
        {
            var data = buffer.AsSpan(HeaderRoom, size);
            _checksum?.Append(data);
            var header = size.ToString("x") + SignatureExtension(data) + "\r\n";
            _windowStart = HeaderRoom - header.Length;
            Encoding.ASCII.GetBytes(header, buffer.AsSpan(_windowStart));
            buffer[HeaderRoom + size] = (byte)'\r';
            buffer[HeaderRoom + size + 1] = (byte)'\n';
            _windowEnd = HeaderRoom + size + 2;
            return;
        }

        if (_options.DecodedLength is { } expected && _decodedRead != expected)
        {
            throw new IOException("The body stream ended after " + _decodedRead + " bytes but its declared length is " + expected + ".");
        }

        var final = new StringBuilder(256);
        final.Append('0').Append(SignatureExtension(ReadOnlySpan<byte>.Empty)).Append("\r\n");
        if (_checksum is not null)
        {
            TrailerChecksumValue = _checksum.GetBase64AndReset();
            var trailer = ChecksumAlgorithms.HeaderName(_checksum.Algorithm) + ":" + TrailerChecksumValue;
            final.Append(trailer).Append("\r\n");
            if (_options.Signer is { } signer)
            {
                final.Append(TrailerSignaturePrefix).Append(signer.SignTrailer(trailer + "\n")).Append("\r\n");
            }
        }

        final.Append("\r\n");
        _windowStart = 0;
        _windowEnd = Encoding.ASCII.GetBytes(final.ToString(), buffer);
        _finalWritten = true;
    }

    private string SignatureExtension(ReadOnlySpan<byte> data) =>
        _options.Signer is { } signer ? ChunkSignaturePrefix + signer.SignChunk(data) : string.Empty;
}

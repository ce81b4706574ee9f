using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Runtime.Streaming;

namespace Codegen.Runtime.Client;

/// <summary>
/// One call's streaming request payload: its length, how it is signed, and whether a retry can send it again.
/// </summary>
/// <remarks>
/// <para>
/// Signing: an operation whose model accepts an unsigned body is signed <c>UNSIGNED-PAYLOAD</c> (with the
/// <c>X-Amz-Content-Sha256</c> header botocore sends) over HTTPS, and over plain HTTP too when the stream cannot
/// seek (botocore would hash it, which needs a second read). Any other operation needs the body's SHA-256 in the
/// signature: a seekable stream is read once to hash it and rewound; a non-seekable one cannot be hashed without
/// holding it in memory, so the call is refused with <see cref="NotSupportedException"/> before anything is sent.
/// </para>
/// <para>Retries: a seekable stream is rewound to where it stood when the call began; a non-seekable one is sent once.</para>
/// </remarks>
internal sealed class StreamingPayload
{
    /// <summary>What a failure of a non-seekable upload says about the missing retry.</summary>
    public const string NotRetried = "Not retried: the request's body stream cannot seek, so it cannot be sent again (give a seekable stream to allow retries).";

    private readonly OperationInfo _info;
    private readonly Stream _stream;
    private readonly long? _start;
    private readonly long? _length;
    private readonly bool _unsigned;
    private string? _sha256;

    private StreamingPayload(OperationInfo info, Stream stream, bool unsigned)
    {
        _info = info;
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : null;
        _length = PayloadStreamContent.RemainingLength(stream);
        _unsigned = unsigned;
    }

    /// <summary>Whether a retry can send the body again (the stream can seek back).</summary>
    public bool CanResend => _start is not null;

    /// <summary>The payload of <paramref name="request"/>, or <see langword="null"/> when its body is buffered.</summary>
    /// <exception cref="ArgumentException">The operation needs the length and the stream cannot tell it.</exception>
    public static StreamingPayload? Prepare(OperationInfo info, AwsHttpRequest request, Uri uri)
    {
        if (request.BodyStream is not { } stream)
        {
            return null;
        }

        if (!stream.CanRead)
        {
            throw new ArgumentException("The body stream of " + info.Name + " cannot be read.", nameof(request));
        }

        if (request.RequiresLength && !stream.CanSeek)
        {
            throw new ArgumentException(
                info.Service.ServiceId + " " + info.Name + " needs the length of its body up front: give a stream that can seek (a file or a MemoryStream).",
                nameof(request));
        }

        var unsigned = info.UnsignedPayload && (uri.Scheme == Uri.UriSchemeHttps || !stream.CanSeek);
        return new StreamingPayload(info, stream, unsigned);
    }

    /// <summary>Rewinds the stream for a retry, and hashes it before the first signed attempt when the signature needs it.</summary>
    public async Task StartAttemptAsync(int attempt, bool signed, CancellationToken cancellationToken)
    {
        if (attempt > 1 && _start is { } start)
        {
            _stream.Position = start;
        }

        if (!signed || _unsigned || _sha256 is not null)
        {
            return;
        }

        if (_start is not { } origin)
        {
            throw new NotSupportedException(
                _info.Service.ServiceId + " " + _info.Name + " signs the hash of its body, and a body stream that cannot seek cannot be hashed before it is sent: give a seekable stream (a file or a MemoryStream).");
        }

        _sha256 = await HexSha256Async(_stream, cancellationToken).ConfigureAwait(false);
        _stream.Position = origin;
    }

    /// <summary>The content of one attempt (the stream from its current position, not disposed with the content).</summary>
    public HttpContent CreateContent() => new PayloadStreamContent(_stream, _length);

    /// <summary>The signing options of an attempt: the client's, with this payload's hash.</summary>
    public SigV4Options SigningOptions(SigV4Options options) => _unsigned
        ? options with { PayloadHash = SigV4Signer.UnsignedPayload, AddContentSha256Header = true }
        : options with { PayloadHash = _sha256 };

    /// <summary>The failure of a non-seekable upload, of the same kind, saying why it was not retried.</summary>
    public static Exception NotRetriedFailure(OperationInfo info, Exception failure)
    {
        var message = info.Service.ServiceId + " " + info.Name + " failed: " + failure.Message + " " + NotRetried;
        return failure is HttpRequestException http
            ? new HttpRequestException(message, failure, http.StatusCode)
            : new IOException(message, failure);
    }

    private static async Task<string> HexSha256Async(Stream stream, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, 64 * 1024), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}

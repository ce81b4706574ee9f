using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Checksums;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;

namespace Codegen.Runtime.Client;

/// <summary>
/// Flexible checksums (<see cref="HttpChecksumInfo"/>): the checksum header a request needs, and the validation of a
/// response's checksum when the request asked for it.
/// </summary>
/// <remarks>
/// <para>
/// Requests: the algorithm the request names (its <c>requestAlgorithmMember</c>, e.g. <c>x-amz-sdk-checksum-algorithm:
/// SHA256</c>), else CRC32 when the operation requires a checksum (what the AWS SDKs send by default), else
/// <c>Content-MD5</c> for the legacy <c>httpChecksumRequired</c> trait (which predates the flexible checksums and is
/// what the services that have only it check). A checksum header the caller set already is kept. An operation that
/// supports but does not require a checksum gets none unless the request names one (the SDKs'
/// <c>when_required</c> setting; their newer default, <c>when_supported</c>, is not applied).
/// The checksum goes in a header, so the body is read before it is sent: a buffered body, or a seekable stream
/// (read once, then rewound). A non-seekable stream would need an <c>aws-chunked</c> trailer, which only S3
/// accepts; that comes with restXml, so until then such a request is refused before it is sent.
/// </para>
/// <para>
/// Responses: when the request's validation mode member is <c>ENABLED</c>, the first checksum header of the
/// response among the operation's <c>responseAlgorithms</c>, in the order the SDKs prefer (CRC32C, CRC32, SHA1,
/// SHA256), is checked: a streaming body while the caller reads it (<see cref="ChecksumValidatingStream"/>), a
/// buffered one at once. A mismatch is a <see cref="ChecksumMismatchException"/>. A value with a <c>-N</c> suffix is
/// a checksum of part checksums (an S3 multipart object), not of these bytes, and is skipped; a response with no
/// checksum the client can compute passes unchecked, as with the SDKs.
/// </para>
/// </remarks>
internal static class HttpChecksums
{
    /// <summary>The value of the validation mode member that turns validation on.</summary>
    public const string ValidationEnabled = "ENABLED";

    /// <summary>The checksum header the request needs (name and base64 value), or <see langword="null"/>.</summary>
    /// <exception cref="NotSupportedException">The request names an algorithm this runtime cannot compute, or its body is a stream that cannot seek.</exception>
    public static async Task<KeyValuePair<string, string>?> RequestChecksumAsync(
        OperationInfo info, AwsHttpRequest request, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        if (info.Checksum is not { } checksum || Algorithm(info, checksum, headers) is not { } algorithm)
        {
            return null;
        }

        var name = ChecksumAlgorithms.HeaderName(algorithm);
        foreach (var header in headers)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return null; // the caller computed it
            }
        }

        if (request.BodyStream is not { } stream)
        {
            return new(name, ChecksumCalculator.ComputeBase64(algorithm, request.Body.Span));
        }

        if (!stream.CanSeek)
        {
            throw new NotSupportedException(
                info.Service.ServiceId + " " + info.Name + " sends a " + ChecksumAlgorithms.WireName(algorithm)
                + " checksum of its body in a header, so the body is read before it is sent: give a seekable stream (a file or a MemoryStream).");
        }

        var start = stream.Position;
        using var calculator = new ChecksumCalculator(algorithm);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, 64 * 1024), cancellationToken).ConfigureAwait(false)) > 0)
            {
                calculator.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        stream.Position = start;
        return new(name, calculator.GetBase64AndReset());
    }

    /// <summary>
    /// <paramref name="response"/>, checked against its checksum when the request asked for validation: a buffered
    /// body at once, a streaming one as it is read (the returned response's stream validates).
    /// </summary>
    /// <exception cref="ChecksumMismatchException">A buffered body does not match its checksum.</exception>
    public static AwsHttpResponse Validate(OperationInfo info, IReadOnlyList<KeyValuePair<string, string>> requestHeaders, AwsHttpResponse response)
    {
        if (info.Checksum is not { ValidationModeHeader: { } modeHeader } checksum
            || !string.Equals(Find(requestHeaders, modeHeader), ValidationEnabled, StringComparison.OrdinalIgnoreCase))
        {
            return response;
        }

        foreach (var algorithm in ChecksumAlgorithms.All)
        {
            if (algorithm == ChecksumAlgorithm.Md5 || !ChecksumCalculator.IsSupported(algorithm) || !Lists(checksum.ResponseAlgorithms, algorithm)
                || response.GetHeader(ChecksumAlgorithms.HeaderName(algorithm)) is not { } expected || expected.Contains('-'))
            {
                continue;
            }

            if (response.BodyStream is { } body)
            {
                return new AwsHttpResponse(response.StatusCode, response.Headers, ReadOnlyMemory<byte>.Empty)
                {
                    BodyStream = new ChecksumValidatingStream(body, algorithm, expected),
                };
            }

            var actual = ChecksumCalculator.ComputeBase64(algorithm, response.Body.Span);
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                throw new ChecksumMismatchException(algorithm, expected, actual);
            }

            return response;
        }

        return response;
    }

    private static ChecksumAlgorithm? Algorithm(OperationInfo info, HttpChecksumInfo checksum, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        if (checksum.RequestAlgorithmHeader is { } header && Find(headers, header) is { Length: > 0 } named)
        {
            if (!ChecksumAlgorithms.TryParse(named, out var parsed) || parsed == ChecksumAlgorithm.Md5 || !ChecksumCalculator.IsSupported(parsed))
            {
                throw new NotSupportedException(
                    info.Service.ServiceId + " " + info.Name + " asks for a '" + named
                    + "' checksum, which this runtime does not compute (it computes CRC32, CRC32C, SHA1 and SHA256).");
            }

            return parsed;
        }

        if (checksum.RequestChecksumRequired)
        {
            return ChecksumAlgorithm.Crc32;
        }

        return checksum.ContentMd5Required ? ChecksumAlgorithm.Md5 : null;
    }

    private static bool Lists(IReadOnlyList<string> names, ChecksumAlgorithm algorithm)
    {
        var wire = ChecksumAlgorithms.WireName(algorithm);
        foreach (var name in names)
        {
            if (string.Equals(name, wire, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var header in headers)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}

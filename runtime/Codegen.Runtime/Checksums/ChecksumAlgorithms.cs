using System;
using System.Diagnostics.CodeAnalysis;

namespace Codegen.Runtime.Checksums;

/// <summary>Names of <see cref="ChecksumAlgorithm"/> values on the wire.</summary>
public static class ChecksumAlgorithms
{
    /// <summary>The <c>Content-MD5</c> header name.</summary>
    public const string ContentMd5Header = "Content-MD5";

    /// <summary>
    /// The name a model's <c>ChecksumAlgorithm</c> enum gives the algorithm (<c>CRC32</c>, <c>CRC32C</c>,
    /// <c>CRC64NVME</c>, <c>SHA1</c>, <c>SHA256</c>, <c>MD5</c>).
    /// </summary>
    public static string WireName(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => "CRC32",
        ChecksumAlgorithm.Crc32C => "CRC32C",
        ChecksumAlgorithm.Crc64Nvme => "CRC64NVME",
        ChecksumAlgorithm.Sha1 => "SHA1",
        ChecksumAlgorithm.Sha256 => "SHA256",
        ChecksumAlgorithm.Md5 => "MD5",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown checksum algorithm."),
    };

    /// <summary>
    /// The header (or trailer) that carries the checksum: <c>x-amz-checksum-crc32</c> and its siblings, and
    /// <c>Content-MD5</c> for <see cref="ChecksumAlgorithm.Md5"/>.
    /// </summary>
    public static string HeaderName(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => "x-amz-checksum-crc32",
        ChecksumAlgorithm.Crc32C => "x-amz-checksum-crc32c",
        ChecksumAlgorithm.Crc64Nvme => "x-amz-checksum-crc64nvme",
        ChecksumAlgorithm.Sha1 => "x-amz-checksum-sha1",
        ChecksumAlgorithm.Sha256 => "x-amz-checksum-sha256",
        ChecksumAlgorithm.Md5 => ContentMd5Header,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown checksum algorithm."),
    };

    /// <summary>
    /// Reads a wire name (<see cref="WireName"/>, case-insensitive). An algorithm this runtime does not know
    /// (a newer service model) returns <see langword="false"/> rather than throwing.
    /// </summary>
    public static bool TryParse(string? wireName, out ChecksumAlgorithm algorithm)
    {
        switch (wireName?.ToUpperInvariant())
        {
            case "CRC32": algorithm = ChecksumAlgorithm.Crc32; return true;
            case "CRC32C": algorithm = ChecksumAlgorithm.Crc32C; return true;
            case "CRC64NVME": algorithm = ChecksumAlgorithm.Crc64Nvme; return true;
            case "SHA1": algorithm = ChecksumAlgorithm.Sha1; return true;
            case "SHA256": algorithm = ChecksumAlgorithm.Sha256; return true;
            case "MD5": algorithm = ChecksumAlgorithm.Md5; return true;
            default: algorithm = default; return false;
        }
    }

    /// <summary>The algorithm whose <see cref="HeaderName"/> is <paramref name="headerName"/> (case-insensitive).</summary>
    public static bool TryFromHeaderName(string? headerName, [NotNullWhen(true)] out ChecksumAlgorithm? algorithm)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(HeaderName(candidate), headerName, StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = null;
        return false;
    }

    /// <summary>
    /// Every algorithm, in the order the AWS SDKs prefer them when validating a response that carries several
    /// (the cheapest first): CRC32C, CRC32, CRC64NVME, SHA1, SHA256, MD5.
    /// </summary>
    public static ReadOnlySpan<ChecksumAlgorithm> All => AllInPreferenceOrder;

    private static readonly ChecksumAlgorithm[] AllInPreferenceOrder =
    {
        ChecksumAlgorithm.Crc32C, ChecksumAlgorithm.Crc32, ChecksumAlgorithm.Crc64Nvme,
        ChecksumAlgorithm.Sha1, ChecksumAlgorithm.Sha256, ChecksumAlgorithm.Md5,
    };
}

namespace Codegen.Runtime.Checksums;

/// <summary>
/// The checksum algorithms AWS services accept for request and response payloads: the flexible checksums of
/// the <c>httpChecksum</c> trait (<c>x-amz-checksum-*</c> headers or trailers) and the legacy <c>Content-MD5</c>.
/// </summary>
public enum ChecksumAlgorithm
{
    /// <summary>CRC-32 (IEEE 802.3), <c>x-amz-checksum-crc32</c>.</summary>
    Crc32,

    /// <summary>CRC-32C (Castagnoli), <c>x-amz-checksum-crc32c</c>.</summary>
    Crc32C,

    /// <summary>CRC-64/NVME, <c>x-amz-checksum-crc64nvme</c>.</summary>
    Crc64Nvme,

    /// <summary>SHA-1, <c>x-amz-checksum-sha1</c>.</summary>
    Sha1,

    /// <summary>SHA-256, <c>x-amz-checksum-sha256</c>.</summary>
    Sha256,

    /// <summary>MD5, sent only as <c>Content-MD5</c> (the <c>httpChecksumRequired</c> trait).</summary>
    Md5,
}

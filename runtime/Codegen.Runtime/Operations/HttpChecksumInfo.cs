using System.Collections.Generic;

namespace Codegen.Runtime.Operations;

/// <summary>
/// What an operation's model says about payload checksums: the <c>httpChecksum</c> trait (botocore operation
/// <c>httpChecksum</c>, Smithy <c>aws.protocols#httpChecksum</c>) and <c>httpChecksumRequired</c>.
/// </summary>
public sealed record HttpChecksumInfo
{
    /// <summary>
    /// The header of the request member that names the algorithm (<c>requestAlgorithmMember</c>, bound to e.g.
    /// <c>x-amz-sdk-checksum-algorithm</c>): when the request sets it, the client computes that checksum.
    /// </summary>
    public string? RequestAlgorithmHeader { get; init; }

    /// <summary>The request must carry a checksum (<c>requestChecksumRequired</c>): CRC32 unless the request names another.</summary>
    public bool RequestChecksumRequired { get; init; }

    /// <summary>
    /// The legacy <c>httpChecksumRequired</c> trait without <c>httpChecksum</c>: the request carries <c>Content-MD5</c>.
    /// </summary>
    public bool ContentMd5Required { get; init; }

    /// <summary>
    /// The header of the request member that turns response validation on (<c>requestValidationModeMember</c>,
    /// e.g. <c>x-amz-checksum-mode</c>, value <c>ENABLED</c>).
    /// </summary>
    public string? ValidationModeHeader { get; init; }

    /// <summary>The algorithms the response may carry (<c>responseAlgorithms</c>), as the model names them.</summary>
    public IReadOnlyList<string> ResponseAlgorithms { get; init; } = System.Array.Empty<string>();
}

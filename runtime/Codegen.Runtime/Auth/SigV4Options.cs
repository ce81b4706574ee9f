namespace Codegen.Runtime.Auth;

/// <summary>
/// Variations of the SigV4 algorithm between services. <see cref="Default"/> is right for every service except
/// Amazon S3, which uses <see cref="S3"/>.
/// </summary>
public sealed record SigV4Options
{
    /// <summary>The rules for generic AWS services: normalised, double-encoded path; session token signed.</summary>
    public static SigV4Options Default { get; } = new();

    /// <summary>
    /// The rules for Amazon S3: the path is neither normalised (<c>a//b/../c</c> names a different key than
    /// <c>a/c</c>) nor encoded a second time, and the payload hash travels in <c>X-Amz-Content-Sha256</c>.
    /// </summary>
    public static SigV4Options S3 { get; } = new() { NormalizePath = false, DoubleEncodePath = false, AddContentSha256Header = true };

    /// <summary>
    /// Whether the canonical URI is normalised: <c>.</c> and <c>..</c> segments resolved and empty segments
    /// (double slashes) removed, keeping a trailing slash. Required by the generic SigV4 rules (and by the AWS
    /// test suite's <c>normalize-path</c> cases); must be <see langword="false"/> for S3. Default <see langword="true"/>.
    /// </summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>
    /// Whether each path segment, taken as it is sent on the wire (already percent-encoded), is URI-encoded once
    /// more, so <c>%20</c> becomes <c>%2520</c>. Required by generic services; <see langword="false"/> for S3,
    /// where the wire path is used as is (only characters that are not allowed unencoded are escaped).
    /// Default <see langword="true"/>.
    /// </summary>
    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>
    /// Whether <c>X-Amz-Security-Token</c> is part of the signed headers. When <see langword="false"/> the token
    /// header is still returned in <see cref="SigV4SigningResult.HeadersToAdd"/>, but is added after the
    /// signature is computed (a few services require that). Default <see langword="true"/>.
    /// </summary>
    public bool SignSessionToken { get; init; } = true;

    /// <summary>Whether the payload hash is also sent (and signed) as <c>X-Amz-Content-Sha256</c>. Default <see langword="false"/>.</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>
    /// A payload hash to use instead of hashing the body, e.g. <see cref="SigV4Signer.UnsignedPayload"/>;
    /// <see langword="null"/> (the default) hashes the body.
    /// </summary>
    public string? PayloadHash { get; init; }
}

using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Auth;

/// <summary>
/// The outcome of <see cref="SigV4Signer.Sign"/>: the intermediate strings of the algorithm (for tests and
/// troubleshooting) and the headers to put on the request. <see cref="ToString"/> prints neither the signature
/// nor the canonical request (which can contain the session token).
/// </summary>
public sealed class SigV4SigningResult
{
    internal SigV4SigningResult(
        string canonicalRequest,
        string stringToSign,
        string signature,
        string signedHeaders,
        string credentialScope,
        string payloadHash,
        string amzDate,
        string authorization,
        IReadOnlyList<KeyValuePair<string, string>> headersToAdd)
    {
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        Signature = signature;
        SignedHeaders = signedHeaders;
        CredentialScope = credentialScope;
        PayloadHash = payloadHash;
        AmzDate = amzDate;
        Authorization = authorization;
        HeadersToAdd = headersToAdd;
    }

    /// <summary>The canonical request (may contain the session token: do not log).</summary>
    public string CanonicalRequest { get; }

    /// <summary>The string to sign: algorithm, request time, credential scope and the canonical request's hash.</summary>
    public string StringToSign { get; }

    /// <summary>The signature, lowercase hex.</summary>
    public string Signature { get; }

    /// <summary>The signed header names, lowercase, sorted and joined with <c>;</c>.</summary>
    public string SignedHeaders { get; }

    /// <summary>The credential scope, <c>yyyyMMdd/region/service/aws4_request</c>.</summary>
    public string CredentialScope { get; }

    /// <summary>The payload hash used in the canonical request (lowercase hex SHA-256 unless overridden).</summary>
    public string PayloadHash { get; }

    /// <summary>The signing time as sent in <c>X-Amz-Date</c>, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public string AmzDate { get; }

    /// <summary>The <c>Authorization</c> header value (a bearer of access while it is valid: do not log).</summary>
    public string Authorization { get; }

    /// <summary>
    /// The headers to set on the request, in order: <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (when the
    /// credentials have a session token), <c>X-Amz-Content-Sha256</c> (when asked for) and <c>Authorization</c>.
    /// Each replaces any header of the same name (case-insensitive) already on the request.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd { get; }

    /// <summary>The scope and signed headers only.</summary>
    public override string ToString() => "SigV4 " + CredentialScope + " SignedHeaders=" + SignedHeaders;
}

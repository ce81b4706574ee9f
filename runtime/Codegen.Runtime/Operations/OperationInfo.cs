namespace Codegen.Runtime.Operations;

/// <summary>What a generated service model says about its service: names, protocol and signing.</summary>
/// <param name="ServiceId">The model's service id, e.g. <c>Cognito Identity Provider</c>.</param>
/// <param name="ApiVersion">The model's API version, e.g. <c>2016-04-18</c>.</param>
/// <param name="Protocol">The wire protocol the generated code speaks (the model's, or the one AWS SDKs prefer among several).</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint, e.g. <c>cognito-idp</c>.</param>
/// <param name="SigningName">The service name used in the SigV4 credential scope.</param>
public sealed record ServiceInfo(
    string ServiceId,
    string ApiVersion,
    AwsProtocol Protocol,
    string EndpointPrefix,
    string SigningName);

/// <summary>What a generated service model says about one operation.</summary>
/// <param name="Service">The service the operation belongs to.</param>
/// <param name="Name">The operation's model name, e.g. <c>VerifySoftwareToken</c>.</param>
/// <param name="HttpMethod">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="RequestUri">The request URI template, e.g. <c>/</c> or <c>/2015-03-31/functions/{FunctionName}</c>.</param>
/// <param name="RequiresSigning">
/// <see langword="false"/> when the model marks the operation as unauthenticated
/// (<c>authtype: none</c>, <c>smithy.api#noAuth</c> or <c>smithy.api#optionalAuth</c>).
/// </param>
public sealed record OperationInfo(
    ServiceInfo Service,
    string Name,
    string HttpMethod,
    string RequestUri,
    bool RequiresSigning)
{
    /// <summary>
    /// The response's payload is a stream (a blob the model marks <c>streaming</c>): the client hands the body to
    /// the response unbuffered instead of reading it into memory.
    /// </summary>
    public bool HasStreamingOutput { get; init; }

    /// <summary>
    /// The service accepts the body unsigned (botocore <c>authtype: v4-unsigned-body</c>, Smithy
    /// <c>aws.auth#unsignedPayload</c>): a streaming payload is signed as <c>UNSIGNED-PAYLOAD</c> rather than hashed.
    /// </summary>
    public bool UnsignedPayload { get; init; }

    /// <summary>The operation's payload checksums (the <c>httpChecksum</c> trait), or <see langword="null"/> for none.</summary>
    public HttpChecksumInfo? Checksum { get; init; }

    /// <summary>
    /// The encoding the client compresses a large enough request body with (the <c>requestCompression</c> trait:
    /// <c>gzip</c>), or <see langword="null"/> when the service accepts no compressed body.
    /// </summary>
    public string? RequestCompression { get; init; }
}

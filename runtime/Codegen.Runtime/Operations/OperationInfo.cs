namespace Codegen.Runtime.Operations;

/// <summary>What a generated service model says about its service: names, protocol and signing.</summary>
/// <param name="ServiceId">The model's service id, e.g. <c>Cognito Identity Provider</c>.</param>
/// <param name="ApiVersion">The model's API version, e.g. <c>2016-04-18</c>.</param>
/// <param name="Protocol">The wire protocol: <c>json</c>, <c>rest-json</c>, <c>rest-xml</c>, <c>query</c>, <c>ec2</c> or <c>smithy-rpc-v2-cbor</c>.</param>
/// <param name="JsonVersion">For the JSON protocols, the <c>application/x-amz-json-{version}</c> version; otherwise <see langword="null"/>.</param>
/// <param name="TargetPrefix">For awsJson, the prefix of the <c>X-Amz-Target</c> header; otherwise <see langword="null"/>.</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint, e.g. <c>cognito-idp</c>.</param>
/// <param name="SigningName">The service name used in the SigV4 credential scope.</param>
public sealed record ServiceInfo(
    string ServiceId,
    string ApiVersion,
    string Protocol,
    string? JsonVersion,
    string? TargetPrefix,
    string EndpointPrefix,
    string SigningName);

/// <summary>What a generated service model says about one operation.</summary>
/// <param name="Service">The service the operation belongs to.</param>
/// <param name="Name">The operation's model name, e.g. <c>VerifySoftwareToken</c>.</param>
/// <param name="HttpMethod">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="RequestUri">The request URI template, e.g. <c>/</c>.</param>
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
    /// <summary>The <c>X-Amz-Target</c> header value for awsJson operations, otherwise <see langword="null"/>.</summary>
    public string? Target => Service.TargetPrefix is null ? null : Service.TargetPrefix + "." + Name;
}

namespace Codegen.Generator.Readers;

/// <summary>The absolute ids of the Smithy traits the reader honours (docs/smithy.md lists what each one becomes).</summary>
internal static class SmithyTraits
{
    public const string Prelude = "smithy.api";

    // Documentation and shape meaning
    public const string Documentation = "smithy.api#documentation";
    public const string Deprecated = "smithy.api#deprecated";
    public const string Sensitive = "smithy.api#sensitive";
    public const string Title = "smithy.api#title";
    public const string Mixin = "smithy.api#mixin";
    public const string Input = "smithy.api#input";
    public const string Output = "smithy.api#output";

    // Nullability
    public const string Required = "smithy.api#required";
    public const string ClientOptional = "smithy.api#clientOptional";
    public const string Default = "smithy.api#default";

    // Constraints
    public const string Length = "smithy.api#length";
    public const string Range = "smithy.api#range";
    public const string Pattern = "smithy.api#pattern";

    // Enums
    public const string EnumValue = "smithy.api#enumValue";
    public const string EnumTrait = "smithy.api#enum";

    // Serialization
    public const string JsonName = "smithy.api#jsonName";
    public const string XmlName = "smithy.api#xmlName";
    public const string TimestampFormat = "smithy.api#timestampFormat";
    public const string IdempotencyToken = "smithy.api#idempotencyToken";
    public const string Sparse = "smithy.api#sparse";
    public const string Streaming = "smithy.api#streaming";
    public const string RequiresLength = "smithy.api#requiresLength";
    public const string UnsignedPayload = "aws.auth#unsignedPayload";

    public const string RequestCompression = "smithy.api#requestCompression";
    public const string HttpChecksum = "aws.protocols#httpChecksum";
    public const string HttpChecksumRequired = "smithy.api#httpChecksumRequired";
    public const string MediaType = "smithy.api#mediaType";
    public const string XmlAttribute = "smithy.api#xmlAttribute";
    public const string XmlFlattened = "smithy.api#xmlFlattened";
    public const string XmlNamespace = "smithy.api#xmlNamespace";
    public const string Ec2QueryName = "aws.protocols#ec2QueryName";

    // Errors
    public const string Error = "smithy.api#error";
    public const string HttpError = "smithy.api#httpError";
    public const string Retryable = "smithy.api#retryable";
    public const string AwsQueryError = "aws.protocols#awsQueryError";

    // HTTP bindings
    public const string Http = "smithy.api#http";
    public const string HttpHeader = "smithy.api#httpHeader";
    public const string HttpPrefixHeaders = "smithy.api#httpPrefixHeaders";
    public const string HttpQuery = "smithy.api#httpQuery";
    public const string HttpQueryParams = "smithy.api#httpQueryParams";
    public const string HttpLabel = "smithy.api#httpLabel";
    public const string HttpPayload = "smithy.api#httpPayload";
    public const string HttpResponseCode = "smithy.api#httpResponseCode";

    // Host prefix
    public const string Endpoint = "smithy.api#endpoint";
    public const string HostLabel = "smithy.api#hostLabel";

    // Service and auth
    public const string AwsService = "aws.api#service";
    public const string SigV4 = "aws.auth#sigv4";
    public const string Auth = "smithy.api#auth";
    public const string OptionalAuth = "smithy.api#optionalAuth";
    public const string NoAuth = "smithy.api#noAuth";
    public const string AwsQueryCompatible = "aws.protocols#awsQueryCompatible";

    // IAM (read for the least-privilege policy the analyzers write)
    public const string IamAction = "aws.iam#iamAction";
    public const string IamRequiredActions = "aws.iam#requiredActions";
    public const string IamResource = "aws.iam#iamResource";
    public const string Arn = "aws.api#arn";

    /// <summary>Auth scheme traits: a service with one of these (and no <c>@auth</c> list) authenticates with it.</summary>
    public static readonly string[] AuthSchemes =
    {
        SigV4, "aws.auth#sigv4a", "smithy.api#httpBasicAuth", "smithy.api#httpDigestAuth", "smithy.api#httpBearerAuth", "smithy.api#httpApiKeyAuth",
    };
}

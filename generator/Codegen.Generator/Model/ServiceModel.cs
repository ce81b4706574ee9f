using Codegen.Generator.Diagnostics;
using Codegen.Generator.Endpoints;

namespace Codegen.Generator.Model;

// The one model both readers (botocore JSON and Smithy JSON AST) produce and every emitter reads.
// Records with value equality only: no Roslyn symbols, syntax or locations, so that the incremental
// pipeline can cache on it.

/// <summary>A whole service as read from one spec file, before naming.</summary>
internal sealed record ServiceModel(
    string SpecPath,
    ServiceMetadata Metadata,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ShapeModel> Shapes)
{
    /// <summary>Client settings the service adds for its endpoint rules (botocore <c>clientContextParams</c>, Smithy <c>@clientContextParams</c>).</summary>
    public EquatableArray<ClientContextParam> ClientContextParams { get; init; } = EquatableArray<ClientContextParam>.Empty;

    /// <summary>
    /// The endpoint rules (botocore's companion file, or the Smithy model's <c>smithy.rules#endpointRuleSet</c> trait);
    /// null when the model has none or the item turns them off.
    /// </summary>
    public EndpointRuleSet? EndpointRules { get; init; }

    /// <summary>The file <see cref="EndpointRules"/> was read from (the model itself for Smithy): where their diagnostics point.</summary>
    public string? EndpointRulesPath { get; init; }

    /// <summary>The paginated operations (botocore's <c>paginators-1.json</c>, or Smithy's <c>smithy.api#paginated</c> traits).</summary>
    public EquatableArray<PaginatorModel> Paginators { get; init; } = EquatableArray<PaginatorModel>.Empty;

    /// <summary>The file <see cref="Paginators"/> were read from (the model itself for Smithy): where their diagnostics point.</summary>
    public string? PaginatorsPath { get; init; }

    /// <summary>The waiters (botocore's <c>waiters-2.json</c>, or Smithy's <c>smithy.waiters#waitable</c> traits).</summary>
    public EquatableArray<WaiterModel> Waiters { get; init; } = EquatableArray<WaiterModel>.Empty;

    /// <summary>The file <see cref="Waiters"/> were read from (the model itself for Smithy): where their diagnostics point.</summary>
    public string? WaitersPath { get; init; }
}

internal sealed record ServiceMetadata(
    string ServiceId,
    string? ServiceFullName,
    string ApiVersion,
    WireProtocol Protocol, // the model's, or the one the AWS SDKs prefer among those it lists (WireProtocols.Choose)
    string? TargetPrefix,
    string EndpointPrefix,
    string SigningName,
    bool AwsQueryCompatible,
    string? Documentation)
{
    /// <summary>The service's XML namespace (botocore <c>metadata.xmlNamespace</c>, Smithy <c>@xmlNamespace</c> on the service).</summary>
    public XmlNamespaceModel? XmlNamespace { get; init; }
    /// <summary>The service's ARN namespace, also its IAM action prefix (Smithy <c>aws.api#service</c>); null when the model does not say.</summary>
    public string? ArnNamespace { get; init; }
}

internal sealed record OperationModel(
    string Name,
    string HttpMethod,
    string RequestUri,
    string? Input,
    string? Output,
    EquatableArray<string> Errors,
    string? Documentation,
    bool Deprecated,
    bool RequiresSigning,
    SourceSpan Position)
{
    /// <summary>The endpoint trait's host prefix, e.g. <c>data.</c> or <c>{AccountId}.</c> (labels name input members).</summary>
    public string? HostPrefix { get; init; }

    /// <summary>Endpoint rules parameters the operation sets to constants (<c>staticContextParams</c>).</summary>
    public EquatableArray<StaticContextParam> StaticContextParams { get; init; } = EquatableArray<StaticContextParam>.Empty;

    /// <summary>Endpoint rules parameters the operation fills from its input by JMESPath (<c>operationContextParams</c>).</summary>
    public EquatableArray<OperationContextParam> OperationContextParams { get; init; } = EquatableArray<OperationContextParam>.Empty;
    /// <summary>IAM details from the model's traits (Smithy only), for the policy the analyzers write.</summary>
    public OperationIam? Iam { get; init; }

    /// <summary>
    /// The operation's key in botocore's <c>operations</c> map when it differs from its <c>name</c>
    /// (CloudFront's <c>ListDistributions</c> is named <c>ListDistributions2020_05_31</c>): companion files use the key.
    /// </summary>
    public string? ModelKey { get; init; }

    /// <summary>The service accepts the body unsigned (botocore <c>authtype: v4-unsigned-body</c>, Smithy <c>@aws.auth#unsignedPayload</c>).</summary>
    public bool UnsignedPayload { get; init; }

    /// <summary>The flexible checksums of the payloads (botocore <c>httpChecksum</c>, Smithy <c>@aws.protocols#httpChecksum</c>).</summary>
    public HttpChecksumModel? HttpChecksum { get; init; }

    /// <summary>The legacy checksum trait (botocore/Smithy <c>httpChecksumRequired</c>): the request carries <c>Content-MD5</c>.</summary>
    public bool HttpChecksumRequired { get; init; }

    /// <summary>
    /// The encodings the service accepts for a compressed request body, in its order of preference (botocore
    /// <c>requestcompression.encodings</c>, Smithy <c>@requestCompression</c>); empty when it accepts none.
    /// </summary>
    public EquatableArray<string> RequestCompression { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>The <c>httpChecksum</c> trait: members name input members.</summary>
internal sealed record HttpChecksumModel(
    string? RequestAlgorithmMember,
    bool RequestChecksumRequired,
    string? RequestValidationModeMember,
    EquatableArray<string> ResponseAlgorithms);

internal enum ShapeKind
{
    Structure,
    Union,
    List,
    Map,
    String,
    Enum,
    IntEnum,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Boolean,
    Timestamp,
    Blob,
    Document,
}

/// <summary>Where a structure member travels in an HTTP message (the REST protocols; elsewhere every member is in the body).</summary>
internal enum HttpLocation
{
    /// <summary>In the body, as a member of the body document (the default).</summary>
    Body,

    /// <summary>The whole body is this member (botocore <c>payload</c>, Smithy <c>@httpPayload</c>).</summary>
    Payload,

    /// <summary>A <c>{label}</c> of the request URI (botocore <c>uri</c>, Smithy <c>@httpLabel</c>).</summary>
    Label,

    /// <summary>A query parameter (botocore <c>querystring</c>, Smithy <c>@httpQuery</c>).</summary>
    Query,

    /// <summary>A map of further query parameters (botocore <c>querystring</c> on a map, Smithy <c>@httpQueryParams</c>).</summary>
    QueryParams,

    /// <summary>A header (botocore <c>header</c>, Smithy <c>@httpHeader</c>).</summary>
    Header,

    /// <summary>A map of the headers with a name prefix (botocore <c>headers</c>, Smithy <c>@httpPrefixHeaders</c>).</summary>
    PrefixHeaders,

    /// <summary>The response's status code (botocore <c>statusCode</c>, Smithy <c>@httpResponseCode</c>).</summary>
    StatusCode,
}

/// <summary>An XML namespace (<c>xmlns</c>, or <c>xmlns:prefix</c>).</summary>
internal sealed record XmlNamespaceModel(string Uri, string? Prefix);

internal enum TimestampFormat
{
    Default,
    EpochSeconds,
    Iso8601,
    HttpDate,
}

/// <summary>One shape. Which fields matter depends on <see cref="Kind"/>.</summary>
internal sealed record ShapeModel(string Name, ShapeKind Kind, SourceSpan Position)
{
    public string? Documentation { get; init; }

    public bool Deprecated { get; init; }

    public bool Sensitive { get; init; }

    /// <summary>Structure and union members, in model order.</summary>
    public EquatableArray<MemberModel> Members { get; init; } = EquatableArray<MemberModel>.Empty;

    /// <summary>The element of a list, or the value of a map.</summary>
    public MemberModel? Element { get; init; }

    /// <summary>The key of a map.</summary>
    public MemberModel? Key { get; init; }

    /// <summary>List or map that may hold nulls.</summary>
    public bool Sparse { get; init; }

    public EquatableArray<EnumValueModel> EnumValues { get; init; } = EquatableArray<EnumValueModel>.Empty;

    public long? Min { get; init; }

    public long? Max { get; init; }

    public string? Pattern { get; init; }

    public TimestampFormat TimestampFormat { get; init; }

    /// <summary>A blob sent or received as a stream (botocore <c>streaming</c>, Smithy <c>@streaming</c>), or an event stream.</summary>
    public bool Streaming { get; init; }

    /// <summary>A streaming blob whose length the service needs up front (botocore <c>requiresLength</c>, Smithy <c>@requiresLength</c>).</summary>
    public bool RequiresLength { get; init; }

    /// <summary>Botocore <c>jsonvalue</c>: a string that holds JSON.</summary>
    public bool JsonValue { get; init; }

    public bool IsError { get; init; }

    /// <summary>The wire error code when it differs from the shape name (botocore <c>error.code</c>).</summary>
    public string? ErrorCode { get; init; }

    public int? ErrorHttpStatus { get; init; }

    public bool IsFault { get; init; }

    public bool IsThrottling { get; init; }

    /// <summary>A list or map written without a wrapping element (XML protocols; botocore/Smithy <c>flattened</c>).</summary>
    public bool Flattened { get; init; }

    /// <summary>The shape's XML namespace (botocore <c>xmlNamespace</c>, Smithy <c>@xmlNamespace</c>).</summary>
    public XmlNamespaceModel? XmlNamespace { get; init; }

    /// <summary>The media type of a blob or string (Smithy <c>@mediaType</c>): a payload's <c>Content-Type</c>.</summary>
    public string? MediaType { get; init; }
}

internal sealed record MemberModel(string Name, string Target, SourceSpan Position)
{
    public bool Required { get; init; }

    public string? Documentation { get; init; }

    public bool Deprecated { get; init; }

    /// <summary>The member itself is marked sensitive (the target shape may be too).</summary>
    public bool Sensitive { get; init; }

    /// <summary>
    /// The name on the wire when it differs from <see cref="Name"/>: where <see cref="Location"/> is a header, query
    /// parameter, label or header prefix, that name; in the body, the name the protocol uses (botocore
    /// <c>locationName</c>; Smithy <c>jsonName</c> for restJson1, <c>xmlName</c> for the XML protocols).
    /// </summary>
    public string? WireName { get; init; }

    /// <summary>Where the member travels in an HTTP message; only the REST protocols bind members outside the body.</summary>
    public HttpLocation Location { get; init; }

    /// <summary>An XML attribute of its structure's element rather than a child element (botocore <c>xmlAttribute</c>, Smithy <c>@xmlAttribute</c>).</summary>
    public bool XmlAttribute { get; init; }

    /// <summary>A list or map member written without a wrapping element (botocore <c>flattened</c>, Smithy <c>@xmlFlattened</c>).</summary>
    public bool Flattened { get; init; }

    /// <summary>The member's XML namespace.</summary>
    public XmlNamespaceModel? XmlNamespace { get; init; }

    /// <summary>The ec2Query name (botocore <c>queryName</c>, Smithy <c>@ec2QueryName</c>).</summary>
    public string? QueryName { get; init; }

    public TimestampFormat TimestampFormat { get; init; }

    public bool IdempotencyToken { get; init; }

    public bool JsonValue { get; init; }

    /// <summary>
    /// The member's blob is sent or received as a stream although its shape is not marked so (botocore puts
    /// <c>streaming</c> on the member reference of S3's <c>Body</c>).
    /// </summary>
    public bool Streaming { get; init; }

    /// <summary>Smithy <c>@default</c>, as JSON text, for documentation.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The member fills a <c>{label}</c> of the operation's host prefix (botocore <c>hostLabel</c>, Smithy <c>@hostLabel</c>).</summary>
    public bool HostLabel { get; init; }

    /// <summary>The endpoint rules parameter this input member fills (botocore <c>contextParam</c>, Smithy <c>@contextParam</c>).</summary>
    public string? ContextParam { get; init; }
}

internal sealed record EnumValueModel(string Name, string Value, int? IntValue, string? Documentation);

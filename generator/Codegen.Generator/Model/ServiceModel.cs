using Codegen.Generator.Diagnostics;

namespace Codegen.Generator.Model;

// The one model both readers (botocore JSON and Smithy JSON AST) produce and every emitter reads.
// Records with value equality only: no Roslyn symbols, syntax or locations, so that the incremental
// pipeline can cache on it.

/// <summary>A whole service as read from one spec file, before naming.</summary>
internal sealed record ServiceModel(
    string SpecPath,
    ServiceMetadata Metadata,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ShapeModel> Shapes);

internal sealed record ServiceMetadata(
    string ServiceId,
    string? ServiceFullName,
    string ApiVersion,
    string Protocol,
    string? JsonVersion,
    string? TargetPrefix,
    string EndpointPrefix,
    string SigningName,
    bool AwsQueryCompatible,
    string? Documentation)
{
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

    /// <summary>IAM details from the model's traits (Smithy only), for the policy the analyzers write.</summary>
    public OperationIam? Iam { get; init; }
}

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

    public bool Streaming { get; init; }

    /// <summary>Botocore <c>jsonvalue</c>: a string that holds JSON.</summary>
    public bool JsonValue { get; init; }

    public bool IsError { get; init; }

    /// <summary>The wire error code when it differs from the shape name (botocore <c>error.code</c>).</summary>
    public string? ErrorCode { get; init; }

    public int? ErrorHttpStatus { get; init; }

    public bool IsFault { get; init; }

    public bool IsThrottling { get; init; }
}

internal sealed record MemberModel(string Name, string Target, SourceSpan Position)
{
    public bool Required { get; init; }

    public string? Documentation { get; init; }

    public bool Deprecated { get; init; }

    /// <summary>The member itself is marked sensitive (the target shape may be too).</summary>
    public bool Sensitive { get; init; }

    /// <summary>The name on the wire when it differs from <see cref="Name"/> (locationName / jsonName).</summary>
    public string? WireName { get; init; }

    /// <summary>rest protocols: header, headers, uri, querystring, statusCode; null for the body.</summary>
    public string? Location { get; init; }

    public TimestampFormat TimestampFormat { get; init; }

    public bool IdempotencyToken { get; init; }

    public bool JsonValue { get; init; }

    /// <summary>Smithy <c>@default</c>, as JSON text, for documentation.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The member fills a <c>{label}</c> of the operation's host prefix (botocore <c>hostLabel</c>, Smithy <c>@hostLabel</c>).</summary>
    public bool HostLabel { get; init; }
}

internal sealed record EnumValueModel(string Name, string Value, int? IntValue, string? Documentation);

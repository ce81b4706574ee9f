using Codegen.Generator.Diagnostics;

namespace Codegen.Generator.Model;

// The named model: the service model after operation filtering, reachability and naming, holding every C#
// name the emitters write. Emitters read only this.

internal enum TypeRole
{
    /// <summary>A structure used as a member or list/map element.</summary>
    Plain,

    /// <summary>An operation's input, named after the operation.</summary>
    Request,

    /// <summary>An operation's output, named <c>{Operation}Response</c>; has <c>HttpStatus</c>.</summary>
    Response,

    /// <summary>An error shape: an exception type.</summary>
    Error,
}

/// <summary>How a member's value is represented in C# and on the wire.</summary>
internal sealed record TypeRef(ShapeKind Kind, string CSharpType, string ShapeName)
{
    /// <summary>List element or map value.</summary>
    public TypeRef? Element { get; init; }

    /// <summary>List or map that may hold nulls.</summary>
    public bool ElementNullable { get; init; }

    /// <summary>Value types need <c>?</c> for nullability and <c>.Value</c> to unwrap.</summary>
    public bool IsValueType { get; init; }

    public TimestampFormat TimestampFormat { get; init; }

    public bool Sensitive { get; init; }

    /// <summary>A string that holds JSON (botocore <c>jsonvalue</c>).</summary>
    public bool JsonValue { get; init; }

    /// <summary>A structure that is an error shape: its C# type is an exception (event streams use them as members).</summary>
    public bool IsError { get; init; }

    public long? Min { get; init; }

    public long? Max { get; init; }

    public string? Pattern { get; init; }

    /// <summary>The media type of a blob or string (Smithy <c>@mediaType</c>): a payload's <c>Content-Type</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>A streaming blob: a <c>System.IO.Stream</c>, sent and received without buffering.</summary>
    public bool Streaming { get; init; }

    /// <summary>A streaming blob whose length the service needs before the body is sent.</summary>
    public bool RequiresLength { get; init; }

    /// <summary>
    /// The XML and query name of a list's elements or a map's values, when the model gives one (botocore
    /// <c>locationName</c> of <c>member</c> / <c>value</c>, Smithy <c>@xmlName</c>).
    /// </summary>
    public string? ElementWireName { get; init; }

    /// <summary>The XML and query name of a map's keys, when the model gives one.</summary>
    public string? KeyWireName { get; init; }

    /// <summary>A list or map shape written without a wrapping element (the XML and query protocols).</summary>
    public bool Flattened { get; init; }
}

internal sealed record CodeMember(MemberModel Member, string PropertyName, string ParameterName, TypeRef Type)
{
    /// <summary>The C# property is nullable: the member is optional.</summary>
    public bool Nullable => !Member.Required;

    /// <summary>The member's value must never be printed: the member or its target (or the elements of a list or map target) is sensitive.</summary>
    public bool Sensitive { get; init; }

    public string WireName => Member.WireName ?? Member.Name;
}

internal sealed record CodeEnumValue(string MemberName, string Value, int? IntValue, string? Documentation);

internal sealed record CodeType(string TypeName, TypeRole Role, ShapeModel Shape)
{
    public EquatableArray<CodeMember> Members { get; init; } = EquatableArray<CodeMember>.Empty;

    public EquatableArray<CodeEnumValue> EnumValues { get; init; } = EquatableArray<CodeEnumValue>.Empty;

    /// <summary>For requests and responses: the operation.</summary>
    public string? OperationName { get; init; }

    /// <summary>For requests: the C# name of the response type.</summary>
    public string? ResponseTypeName { get; init; }

    /// <summary>For errors: the code that selects this error on the wire.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For errors: also used as a member value (an event stream's exception event).</summary>
    public bool IsMemberValue { get; init; }

    /// <summary>File name of the generated type, unique ignoring case.</summary>
    public string FileName { get; init; } = "";
}

internal sealed record CodeOperation(OperationModel Operation, string MethodName, string RequestTypeName, string ResponseTypeName)
{
    public EquatableArray<string> ErrorTypeNames { get; init; } = EquatableArray<string>.Empty;
}

internal sealed record CodeModel(
    string SpecPath,
    string Namespace,
    string ServiceName,
    bool IsPublic,
    ServiceMetadata Metadata,
    EquatableArray<CodeType> Types,
    EquatableArray<CodeOperation> Operations,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public string Accessibility => IsPublic ? "public" : "internal";

    /// <summary>The service's base exception type name, e.g. <c>CognitoIdentityProviderException</c>.</summary>
    public string BaseExceptionName { get; init; } = "";

    /// <summary>The per-service client type name.</summary>
    public string ClientName { get; init; } = "";

    /// <summary>The interface of the client's operations (<c>I{Service}Client</c>), which the client implements.</summary>
    public string ClientInterfaceName { get; init; } = "";

    /// <summary>The static class listing the operations.</summary>
    public string OperationsName { get; init; } = "";

    /// <summary>The endpoint rules to compile (<c>{ServiceName}EndpointParameters</c> and <c>{ServiceName}EndpointResolver</c>), if the model has them.</summary>
    public Endpoints.EndpointRuleSet? EndpointRules { get; init; }

    /// <summary>The file the endpoint rules came from.</summary>
    public string? EndpointRulesPath { get; init; }

    /// <summary>The client settings the service adds to the rules' built-ins (S3's <c>ForcePathStyle</c>, ...).</summary>
    public EquatableArray<ClientContextParam> ClientContextParams { get; init; } = EquatableArray<ClientContextParam>.Empty;

    /// <summary>The paginators of the selected operations, each with the name of its generated type.</summary>
    public EquatableArray<CodePaginator> Paginators { get; init; } = EquatableArray<CodePaginator>.Empty;

    /// <summary>The file the paginators came from: where their diagnostics point.</summary>
    public string? PaginatorsPath { get; init; }

    /// <summary>The waiters of the selected operations, each with the name of its client method.</summary>
    public EquatableArray<CodeWaiter> Waiters { get; init; } = EquatableArray<CodeWaiter>.Empty;

    /// <summary>The file the waiters came from: where their diagnostics point.</summary>
    public string? WaitersPath { get; init; }
}

/// <summary>A waiter and the name of its client method (<c>WaitUntil{Name}Async</c>).</summary>
internal sealed record CodeWaiter(WaiterModel Waiter, string MethodName);

/// <summary>A paginator and the name of its generated type (<c>{Operation}Paginator</c>, numbered if a shape has that name).</summary>
internal sealed record CodePaginator(PaginatorModel Paginator, string TypeName);

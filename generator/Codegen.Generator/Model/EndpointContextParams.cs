using Codegen.Generator.Endpoints;

namespace Codegen.Generator.Model;

// What fills the endpoint rules' parameters besides the client's built-in settings, as the model declares it
// (botocore: contextParam on input members, staticContextParams and operationContextParams on operations,
// clientContextParams at the top; Smithy: the smithy.rules# traits of the same names).

/// <summary>An operation sets a rules parameter to a constant (e.g. S3's <c>UseS3ExpressControlEndpoint = true</c>).</summary>
internal sealed record StaticContextParam(string Name, EndpointLiteral Value);

/// <summary>An operation fills a rules parameter from its input through a JMESPath expression (kept as text), e.g. <c>keys(RequestItems)</c>.</summary>
internal sealed record OperationContextParam(string Name, string Path);

/// <summary>A client setting the service adds to the built-in ones (e.g. S3's <c>ForcePathStyle</c>): its rules parameter, type and documentation.</summary>
internal sealed record ClientContextParam(string Name, string Type, string? Documentation);

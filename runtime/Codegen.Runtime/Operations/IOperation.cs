using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;

namespace Codegen.Runtime.Operations;

/// <summary>
/// One operation of a service: its metadata and how its request and response travel on the wire.
/// Generated per operation; the generated request type points to it.
/// </summary>
/// <typeparam name="TResponse">The operation's response type.</typeparam>
public interface IOperation<TResponse>
    where TResponse : IAwsResponse
{
    /// <summary>The operation's metadata.</summary>
    OperationInfo Info { get; }

    /// <summary>Whether this operation's protocol has a generated serializer.</summary>
    bool IsWireSupported { get; }

    /// <summary>
    /// Checks <paramref name="request"/> against its model's constraints, as botocore does before sending.
    /// </summary>
    /// <exception cref="Validation.RequestValidationException">Every problem found, each with its member path.</exception>
    void ValidateRequest(IAwsRequest<TResponse> request, Validation.ValidationOptions? options = null);

    /// <summary>Serializes <paramref name="request"/> into an HTTP request description.</summary>
    /// <exception cref="System.NotSupportedException">The protocol has no serializer (<see cref="IsWireSupported"/> is false).</exception>
    /// <exception cref="System.ArgumentException">The request is not this operation's request type.</exception>
    AwsHttpRequest SerializeRequest(IAwsRequest<TResponse> request, SerializationOptions? options = null);

    /// <summary>Reads a successful (2xx) HTTP response into the response type.</summary>
    /// <param name="response">The response.</param>
    /// <param name="options">How to read it; <see langword="null"/> means <see cref="DeserializationOptions.Default"/>.</param>
    /// <exception cref="Serialization.AwsDeserializationException">
    /// The body is malformed, a value has the wrong type, or (with strict options) a required member is missing.
    /// </exception>
    TResponse DeserializeResponse(AwsHttpResponse response, DeserializationOptions? options = null);

    /// <summary>
    /// Reads an unsuccessful HTTP response into the matching typed exception. A member of the error that cannot be
    /// read is left unset: the error itself is never lost.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="options">How to read it; <see langword="null"/> means <see cref="DeserializationOptions.Default"/>.</param>
    AwsServiceException DeserializeError(AwsHttpResponse response, DeserializationOptions? options = null);
}

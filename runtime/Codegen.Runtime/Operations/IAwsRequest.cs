namespace Codegen.Runtime.Operations;

/// <summary>A generated request type. <see cref="OperationInfo"/> describes the operation it is the input of.</summary>
public interface IAwsRequest
{
    /// <summary>The operation this request is the input of.</summary>
    OperationInfo OperationInfo { get; }
}

/// <summary>
/// A generated request type paired with its response type, so that a generic
/// <c>SendAsync(request)</c> infers <typeparamref name="TResponse"/> from the request.
/// </summary>
/// <typeparam name="TResponse">The operation's response type.</typeparam>
public interface IAwsRequest<TResponse> : IAwsRequest
    where TResponse : IAwsResponse
{
    /// <summary>The operation: its metadata and its wire codec.</summary>
    IOperation<TResponse> Operation { get; }
}

/// <summary>A generated response type.</summary>
public interface IAwsResponse
{
    /// <summary>The HTTP status code the response arrived with.</summary>
    int HttpStatus { get; }

    /// <summary>
    /// What the client saw of the exchange (request id, status, headers, attempts); generated responses implement it,
    /// and the default, for other implementations, is <see cref="Client.ResponseMetadata.None"/>.
    /// </summary>
    Client.ResponseMetadata ResponseMetadata => Client.ResponseMetadata.None;

    /// <summary>
    /// A copy of the response that carries <paramref name="metadata"/>: how the client attaches it after a call.
    /// Generated responses implement it; the default, for other implementations, returns the response itself.
    /// </summary>
    /// <param name="metadata">The metadata of the exchange.</param>
    IAwsResponse WithResponseMetadata(Client.ResponseMetadata metadata) => this;
}

using System;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Waiters;

/// <summary>A waiter stopped without reaching success: <see cref="WaiterTimeoutException"/> or <see cref="WaiterFailureException"/>.</summary>
/// <remarks>The message names the waiter, the operation and the acceptor, never a value of the response.</remarks>
public abstract class WaiterException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected WaiterException(string message, string waiter, string operation, int attempts, object? lastResponse, AwsServiceException? lastError, Exception? inner)
        : base(message, inner)
    {
        Waiter = waiter;
        Operation = operation;
        Attempts = attempts;
        LastResponse = lastResponse;
        LastError = lastError;
    }

    /// <summary>The waiter, e.g. <c>TableExists</c>.</summary>
    public string Waiter { get; }

    /// <summary>The operation it polled, e.g. <c>DescribeTable</c>.</summary>
    public string Operation { get; }

    /// <summary>How many times the operation was called.</summary>
    public int Attempts { get; }

    /// <summary>The response of the last attempt (of the operation's response type), or null when it failed with <see cref="LastError"/>.</summary>
    public object? LastResponse { get; }

    /// <summary>The service error of the last attempt, or null when it had a response.</summary>
    public AwsServiceException? LastError { get; }

    /// <summary>The last response as the operation's response type, or null.</summary>
    /// <typeparam name="TResponse">The operation's response type.</typeparam>
    public TResponse? LastResponseAs<TResponse>()
        where TResponse : class => LastResponse as TResponse;
}

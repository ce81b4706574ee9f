using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// A waiter stopped in failure: an acceptor with the failure state matched (<see cref="Acceptor"/>), or the operation
/// failed with a service error no acceptor matched (<see cref="Acceptor"/> is null, the error is the inner exception).
/// </summary>
public sealed class WaiterFailureException : WaiterException
{
    /// <summary>Creates the exception.</summary>
    public WaiterFailureException(string waiter, string operation, int attempts, WaiterAcceptor? acceptor, object? lastResponse, AwsServiceException? lastError)
        : base(Describe(waiter, operation, attempts, acceptor, lastError), waiter, operation, attempts, lastResponse, lastError, lastError)
    {
        Acceptor = acceptor;
    }

    /// <summary>The failure acceptor that matched, or null when an error matched none.</summary>
    public WaiterAcceptor? Acceptor { get; }

    private static string Describe(string waiter, string operation, int attempts, WaiterAcceptor? acceptor, AwsServiceException? error) =>
        acceptor is not null
            ? $"The waiter {waiter} stopped in failure at call {attempts} of {operation}: {acceptor} matched."
            : $"The waiter {waiter} stopped at call {attempts} of {operation}: the service answered {error?.ErrorCode}, which no acceptor matches.";
}

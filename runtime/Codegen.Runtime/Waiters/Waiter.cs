using System;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Waiters;

/// <summary>
/// The loop behind every generated waiter (<c>client.WaitUntilTableExistsAsync(request, maxWait)</c>): call the
/// operation, match the acceptors in order, and stop on success or failure, or wait (<see cref="WaiterBackoff"/>) and
/// call again. The generated code supplies the acceptors' matching (compiled from the model's JMESPath).
/// </summary>
public static class Waiter
{
    /// <summary>
    /// Polls <paramref name="request"/> until an acceptor says success (the response, or null when an error acceptor
    /// did) or failure (<see cref="WaiterFailureException"/>), or the time or attempts run out
    /// (<see cref="WaiterTimeoutException"/>). An attempt that fails with a service error no acceptor matches is a
    /// failure; other exceptions (a network failure after the client's own retries, cancellation) pass through.
    /// </summary>
    /// <param name="waiter">The waiter.</param>
    /// <param name="request">The request sent at every attempt.</param>
    /// <param name="send">Sends one request.</param>
    /// <param name="options">The maximum wait, and what to change from the model.</param>
    /// <param name="clock">The clock when <paramref name="options"/> names none (the client's).</param>
    /// <param name="cancellationToken">Stops waiting; also passed to every request.</param>
    public static async Task<TResponse?> WaitAsync<TRequest, TResponse>(
        WaiterDefinition<TResponse> waiter,
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> send,
        WaiterOptions options,
        TimeProvider? clock,
        CancellationToken cancellationToken = default)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(waiter);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxWait <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The maximum wait must be positive.");
        }

        var minDelay = options.MinDelay ?? waiter.MinDelay;
        var maxDelay = options.MaxDelay ?? (options.MinDelay is { } min && min > waiter.MaxDelay ? min : waiter.MaxDelay);
        if (minDelay <= TimeSpan.Zero || maxDelay < minDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The delays must be positive, the longest no shorter than the shortest.");
        }

        var maxAttempts = options.MaxAttempts ?? waiter.MaxAttempts;
        var time = options.TimeProvider ?? clock ?? TimeProvider.System;
        var jitter = options.Jitter ?? WaiterBackoff.UniformJitter;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TResponse? response = null;
            AwsServiceException? error = null;
            try
            {
                response = await send(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e)
            {
                error = e;
            }

            var index = waiter.Match(response, error);
            var acceptor = index >= 0 && index < waiter.Acceptors.Count ? waiter.Acceptors[index] : null;
            switch (acceptor?.State)
            {
                case WaiterState.Success:
                    return response;
                case WaiterState.Failure:
                    throw new WaiterFailureException(waiter.Name, waiter.Operation, attempt, acceptor, response, error);
                case null when error is not null:
                    throw new WaiterFailureException(waiter.Name, waiter.Operation, attempt, null, null, error);
            }

            if (attempt >= maxAttempts)
            {
                throw new WaiterTimeoutException(waiter.Name, waiter.Operation, attempt, time.GetElapsedTime(started), attemptsExhausted: true, response, error);
            }

            var elapsed = time.GetElapsedTime(started);
            if (WaiterBackoff.Delay(attempt, minDelay, maxDelay, options.MaxWait - elapsed, jitter) is not { } delay)
            {
                throw new WaiterTimeoutException(waiter.Name, waiter.Operation, attempt, elapsed, attemptsExhausted: false, response, error);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}

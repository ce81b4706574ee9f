using System;
using System.Collections.Generic;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Client;

/// <summary>The AWS "standard" retry mode's rules: what is retryable and how long to wait.</summary>
internal static class StandardRetry
{
    /// <summary>Error codes the standard mode treats as throttling or transient, whatever the status code.</summary>
    internal static readonly HashSet<string> RetryableErrorCodes = new(StringComparer.Ordinal)
    {
        // throttling
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        // transient
        "RequestTimeout", "RequestTimeoutException",
    };

    /// <summary>Whether a response with this status code is retried whatever its error code.</summary>
    internal static bool IsRetryableStatus(int statusCode) => statusCode is 429 or 500 or 502 or 503 or 504;

    /// <summary>Whether a service error is retried.</summary>
    internal static bool IsRetryable(AwsServiceException error, int statusCode) =>
        IsRetryableStatus(statusCode)
        || IsRetryableStatus(error.StatusCode)
        || error.IsThrottling
        || RetryableErrorCodes.Contains(error.ErrorCode);

    /// <summary>
    /// The delay before retry <paramref name="retryIndex"/> (0 for the first retry):
    /// <c>random01 * min(maxBackoff, baseDelay * 2^retryIndex)</c>.
    /// </summary>
    internal static TimeSpan Backoff(int retryIndex, TimeSpan baseDelay, TimeSpan maxBackoff, double random01)
    {
        if (baseDelay <= TimeSpan.Zero || maxBackoff <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var ceilingTicks = Math.Min((double)maxBackoff.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(retryIndex, 62)));
        return TimeSpan.FromTicks((long)(Math.Clamp(random01, 0, 1) * ceilingTicks));
    }
}

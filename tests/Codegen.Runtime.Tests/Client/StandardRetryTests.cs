using System;
using Codegen.Runtime.Client;
using Codegen.Runtime.Errors;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

public sealed class StandardRetryTests
{
    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottlingException")]
    [InlineData("ThrottledException")]
    [InlineData("RequestThrottledException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("TransactionInProgressException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("BandwidthLimitExceeded")]
    [InlineData("LimitExceededException")]
    [InlineData("RequestThrottled")]
    [InlineData("SlowDown")]
    [InlineData("PriorRequestNotComplete")]
    [InlineData("EC2ThrottledException")]
    [InlineData("RequestTimeout")]
    [InlineData("RequestTimeoutException")]
    public void ThrottlingAndTransientCodes_AreRetryable_WhateverTheStatus(string code) =>
        Assert.True(StandardRetry.IsRetryable(new AwsServiceException(code, null, 400, null), 400));

    [Theory]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(501, false)]
    public void StatusCodes(int status, bool retryable) =>
        Assert.Equal(retryable, StandardRetry.IsRetryable(new AwsServiceException("SomethingElse", null, status, null), status));

    [Fact]
    public void Backoff_IsFullJitterUnderACappedExponential()
    {
        var baseDelay = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(20);
        Assert.Equal(TimeSpan.FromSeconds(1), StandardRetry.Backoff(0, baseDelay, cap, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(2), StandardRetry.Backoff(1, baseDelay, cap, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(8), StandardRetry.Backoff(3, baseDelay, cap, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(4), StandardRetry.Backoff(3, baseDelay, cap, 0.5));
        Assert.Equal(cap, StandardRetry.Backoff(5, baseDelay, cap, 1.0));
        Assert.Equal(cap, StandardRetry.Backoff(int.MaxValue, baseDelay, cap, 1.0));
        Assert.Equal(TimeSpan.Zero, StandardRetry.Backoff(4, baseDelay, cap, 0.0));
        Assert.Equal(TimeSpan.Zero, StandardRetry.Backoff(4, TimeSpan.Zero, cap, 0.9));

        var random = new Random(42);
        for (var i = 0; i < 1000; i++)
        {
            var delay = StandardRetry.Backoff(i % 8, baseDelay, cap, random.NextDouble());
            Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Min(20, Math.Pow(2, i % 8))));
        }
    }
}

using System.Linq;
using Codegen.Runtime.Client;
using Xunit;

namespace Codegen.Runtime.Tests.Client;

/// <summary>The standard mode's retry quota: 500 tokens, 5 per retry, 10 per retry after a timeout, refilled on success.</summary>
public class RetryQuotaTests
{
    [Fact]
    public void AFullQuotaPaysForOneHundredRetriesAfterErrors()
    {
        var quota = new RetryQuota(500);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(quota.TryAcquire(afterTimeout: false, out var cost) && cost == 5));
        Assert.False(quota.TryAcquire(afterTimeout: false, out var refused));
        Assert.Equal(0, refused);
        Assert.Equal(0, quota.Available);
    }

    [Fact]
    public void ARetryAfterATimeoutCostsTen()
    {
        var quota = new RetryQuota(15);

        Assert.True(quota.TryAcquire(afterTimeout: true, out var cost));
        Assert.Equal(10, cost);
        Assert.False(quota.TryAcquire(afterTimeout: true, out _));
        Assert.True(quota.TryAcquire(afterTimeout: false, out _)); // 5 left: enough for an error retry
        Assert.Equal(0, quota.Available);
    }

    [Fact]
    public void SuccessGivesBackTheLastRetrysCost_OrOneToken_UpToTheCapacity()
    {
        var quota = new RetryQuota(500);
        quota.TryAcquire(afterTimeout: true, out var cost);
        Assert.Equal(490, quota.Available);

        quota.OnSuccess(cost);
        Assert.Equal(500, quota.Available);
        quota.OnSuccess(0);
        Assert.Equal(500, quota.Available); // never above the capacity

        quota.TryAcquire(afterTimeout: false, out _);
        quota.OnSuccess(0);
        Assert.Equal(496, quota.Available);
    }

    [Fact]
    public void ACapacityOfZeroTurnsTheQuotaOff()
    {
        var quota = new RetryQuota(0);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(quota.TryAcquire(afterTimeout: true, out _)));
    }
}

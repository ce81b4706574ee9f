#if CODEGEN_SHARED_MODELS
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Codegen.EndToEnd.Tests.Infrastructure;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Waiters;
using Generated.DynamoDB;
using Xunit;
using Tables = Generated.Tables;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// The waiters generated from botocore's DynamoDB <c>waiters-2.json</c> (TableExists, TableNotExists), and from the
/// Smithy waitable trait of a small model written for these tests (<c>models/dynamodb-tables.smithy.json</c>), against
/// dynalite with its create-table and delete-table delays set (<see cref="SlowTablesDynaliteFixture"/>): a new
/// table is CREATING and a deleted one DELETING for a while, so the waiters poll more than once. Also a waiter that
/// times out (with the last error), and one that stops at a failure acceptor (which it names). The model's delays
/// (20 s) are shortened through <see cref="WaiterOptions"/>; the acceptors are the model's.
/// </summary>
public sealed class DynamoDBWaiterTests : IClassFixture<SlowTablesDynaliteFixture>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    private readonly SlowTablesDynaliteFixture dynalite;

    public DynamoDBWaiterTests(SlowTablesDynaliteFixture dynalite)
    {
        this.dynalite = dynalite;
    }

    private static WaiterOptions Quick(TimeSpan maxWait) => new(maxWait) { MinDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(200) };

    [SkippableFact]
    public async Task TableExistsWaitsUntilTheTableIsActive()
    {
        var (client, calls) = await CreateClientAsync();
        using var _ = client;
        using var timeout = new CancellationTokenSource(TestTimeout);
        var table = "exists-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CreateTableAsync(client, table, timeout.Token);
        Assert.Equal(TableStatus.Creating, created.TableDescription?.TableStatus);

        calls.Reset();
        var result = await client.WaitUntilTableExistsAsync(new DescribeTable(table), Quick(TimeSpan.FromSeconds(30)), timeout.Token);

        Assert.Equal(TableStatus.Active, result?.Table?.TableStatus);
        Assert.Equal(table, result?.Table?.TableName);
        // dynalite keeps the table CREATING for 2.5 s: the waiter polled while it was, then saw it ACTIVE.
        Assert.True(calls.Count >= 2, $"the waiter should have polled DescribeTable more than once, not {calls.Count} time(s)");
    }

    [SkippableFact]
    public async Task TableNotExistsWaitsUntilTheTableIsDeleted()
    {
        var (client, calls) = await CreateClientAsync();
        using var _ = client;
        using var timeout = new CancellationTokenSource(TestTimeout);
        var table = "gone-" + Guid.NewGuid().ToString("N")[..8];
        await CreateTableAsync(client, table, timeout.Token);
        await client.WaitUntilTableExistsAsync(new DescribeTable(table), Quick(TimeSpan.FromSeconds(30)), timeout.Token);

        var deleted = await client.DeleteTableAsync(new DeleteTable(table), timeout.Token);
        Assert.Equal(TableStatus.Deleting, deleted.TableDescription?.TableStatus);

        calls.Reset();
        var result = await client.WaitUntilTableNotExistsAsync(new DescribeTable(table), Quick(TimeSpan.FromSeconds(30)), timeout.Token);

        Assert.Null(result); // success came from the error acceptor (ResourceNotFoundException): there is no response
        Assert.True(calls.Count >= 2, $"the waiter should have polled DescribeTable more than once, not {calls.Count} time(s)");
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeTableAsync(new DescribeTable(table), timeout.Token));
    }

    [SkippableFact]
    public async Task AWaiterThatNeverSucceedsTimesOutWithTheLastError()
    {
        var (client, calls) = await CreateClientAsync();
        using var _ = client;
        using var timeout = new CancellationTokenSource(TestTimeout);
        var table = "never-" + Guid.NewGuid().ToString("N")[..8]; // never created: every poll is ResourceNotFoundException, a retry

        var e = await Assert.ThrowsAsync<WaiterTimeoutException>(
            () => client.WaitUntilTableExistsAsync(new DescribeTable(table), Quick(TimeSpan.FromSeconds(1.5)), timeout.Token));

        Assert.Equal("TableExists", e.Waiter);
        Assert.Equal("DescribeTable", e.Operation);
        Assert.False(e.AttemptsExhausted);
        Assert.IsType<ResourceNotFoundException>(e.LastError);
        Assert.Null(e.LastResponse);
        Assert.Equal(calls.Count, e.Attempts);
    }

    [SkippableFact]
    public async Task AnAttemptLimitEndsTheWaiter()
    {
        var (client, calls) = await CreateClientAsync();
        using var _ = client;
        using var timeout = new CancellationTokenSource(TestTimeout);
        var table = "limit-" + Guid.NewGuid().ToString("N")[..8];

        var e = await Assert.ThrowsAsync<WaiterTimeoutException>(
            () => client.WaitUntilTableExistsAsync(new DescribeTable(table), Quick(TimeSpan.FromSeconds(30)) with { MaxAttempts = 3 }, timeout.Token));

        Assert.True(e.AttemptsExhausted);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, calls.Count);
    }

    [SkippableFact]
    public async Task AFailureAcceptorStopsTheWaiterAndIsNamed()
    {
        var (client, _) = await CreateClientAsync();
        using var __ = client;
        using var tables = await CreateTablesClientAsync();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var table = "failure-" + Guid.NewGuid().ToString("N")[..8];
        await CreateTableAsync(client, table, timeout.Token);
        await client.WaitUntilTableExistsAsync(new DescribeTable(table), Quick(TimeSpan.FromSeconds(30)), timeout.Token);

        // TableGone (Smithy): an ACTIVE table is not being deleted, which its second acceptor calls a failure.
        var e = await Assert.ThrowsAsync<WaiterFailureException>(
            () => tables.WaitUntilTableGoneAsync(new Tables.DescribeTable(table), TimeSpan.FromSeconds(30), timeout.Token));

        Assert.Equal("TableGone", e.Waiter);
        Assert.Equal(2, e.Acceptor?.Index);
        Assert.Equal(WaiterState.Failure, e.Acceptor?.State);
        Assert.Contains("path(Table.TableStatus) == \"ACTIVE\"", e.Message, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", e.LastResponseAs<Tables.DescribeTableResponse>()?.Table?.TableStatus);
        Assert.Equal(1, e.Attempts);
    }

    [SkippableFact]
    public async Task ASmithyWaiterWaitsThroughDeletingUntilTheTableIsGone()
    {
        var (client, _) = await CreateClientAsync();
        using var __ = client;
        using var tables = await CreateTablesClientAsync();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var table = "smithy-" + Guid.NewGuid().ToString("N")[..8];
        await CreateTableAsync(client, table, timeout.Token);
        await client.WaitUntilTableExistsAsync(new DescribeTable(table), Quick(TimeSpan.FromSeconds(30)), timeout.Token);

        // allStringEquals over the key schema: every key attribute is Id.
        var keyed = await tables.WaitUntilKeyedOnIdAsync(new Tables.DescribeTable(table), TimeSpan.FromSeconds(30), timeout.Token);
        Assert.Equal("Id", Assert.Single(keyed!.Table!.KeySchema!).AttributeName);

        var deleted = await tables.DeleteTableAsync(new Tables.DeleteTable(table), timeout.Token);
        Assert.Equal("DELETING", deleted.TableDescription?.TableStatus);

        // DELETING is a retry; ResourceNotFoundException the success (minDelay 1 s, maxDelay 4 s, from the trait).
        var result = await tables.WaitUntilTableGoneAsync(new Tables.DescribeTable(table), TimeSpan.FromSeconds(40), timeout.Token);
        Assert.Null(result);
    }

    private static async Task<CreateTableResponse> CreateTableAsync(DynamoDBClient client, string name, CancellationToken ct) =>
        await client.CreateTableAsync(
            new CreateTable(name)
                .WithAttributeDefinitions([new AttributeDefinition("Id", ScalarAttributeType.S)])
                .WithKeySchema([new KeySchemaElement("Id", KeyType.Hash)])
                .WithBillingMode(BillingMode.PayPerRequest),
            ct);

    private static AwsClientOptions Options(Uri endpoint) => new()
    {
        Region = "us-east-1",
        ServiceUrl = endpoint,
        Credentials = new StaticCredentialsSource("AKIDEXAMPLE", "dummy-secret-for-dynalite"),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
    };

    private async Task<(DynamoDBClient Client, DescribeTableCounter Calls)> CreateClientAsync()
    {
        var endpoint = await dynalite.GetEndpointAsync();
        var counter = new DescribeTableCounter { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
        return (new DynamoDBClient(Options(endpoint), new HttpClient(counter)), counter);
    }

    private async Task<Tables.TablesClient> CreateTablesClientAsync() => new(Options(await dynalite.GetEndpointAsync()));

    /// <summary>Counts the DescribeTable requests that pass through it (by their <c>X-Amz-Target</c>).</summary>
    private sealed class DescribeTableCounter : DelegatingHandler
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Volatile.Write(ref count, 0);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && string.Join(",", targets).EndsWith(".DescribeTable", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref count);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
#endif

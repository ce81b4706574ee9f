#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Codegen.EndToEnd.Tests.Infrastructure;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Generated.DynamoDB;
using Xunit;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// The paginators generated from botocore's DynamoDB <c>paginators-1.json</c>, against dynalite (4.0.0): ListTables
/// (a string token, ExclusiveStartTableName ← LastEvaluatedTableName) over 23 tables with Limit 5, and Scan (a map
/// token, ExclusiveStartKey ← LastEvaluatedKey) over 1,000 items with Limit 37: every table and every item exactly
/// once, in pages no larger than the limit, and cancellation between pages.
/// </summary>
public sealed class DynamoDBPagingTests : IClassFixture<DynaliteFixture>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(60);

    private readonly DynaliteFixture dynalite;

    public DynamoDBPagingTests(DynaliteFixture dynalite)
    {
        this.dynalite = dynalite;
    }

    [SkippableFact]
    public async Task ListTablesPagesThroughEveryTableOnce()
    {
        using var client = await CreateClientAsync();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        var prefix = "list-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var created = Enumerable.Range(0, 23).Select(i => prefix + i.ToString("D2", CultureInfo.InvariantCulture)).ToList();
        foreach (var name in created)
        {
            await CreateTableAsync(client, name, ct);
        }

        var paginator = client.ListTablesPaginator(new ListTables().WithLimit(5));
        var pages = new List<IReadOnlyList<string>>();
        await foreach (var page in paginator.Pages.WithCancellation(ct))
        {
            pages.Add(page.TableNames ?? []);
        }

        var names = await paginator.TableNames.ToListAsync(ct);

        // Other tests' tables may be listed too: ours appear once each, in DynamoDB's (name) order.
        Assert.All(pages, page => Assert.InRange(page.Count, 1, 5));
        Assert.Equal(names, pages.SelectMany(p => p));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(created, names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.True(pages.Count >= 5, $"23 tables in pages of at most 5 take at least 5 pages, not {pages.Count}");
    }

    [SkippableFact]
    public async Task ScanFollowsTheMapTokenOverEveryItemOnce()
    {
        using var client = await CreateClientAsync();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var ct = timeout.Token;
        var table = "scan-" + Guid.NewGuid().ToString("N")[..8];
        await CreateTableAsync(client, table, ct);
        var ids = Enumerable.Range(0, 1000).Select(i => "item-" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        foreach (var batch in ids.Chunk(25))
        {
            var writes = batch.Select(id => new WriteRequest().WithPutRequest(new PutRequest(new Dictionary<string, AttributeValue>
            {
                ["Id"] = new AttributeValue().WithS(id),
                ["Size"] = new AttributeValue().WithN(id.Length.ToString(CultureInfo.InvariantCulture)),
            }))).ToList();
            var written = await client.BatchWriteItemAsync(new BatchWriteItem(new Dictionary<string, IReadOnlyList<WriteRequest>> { [table] = writes }), ct);
            Assert.True(written.UnprocessedItems is null or { Count: 0 }, "dynalite left items unprocessed");
        }

        var paginator = client.ScanPaginator(new Scan(table).WithLimit(37));
        var pageSizes = new List<int>();
        var tokens = 0;
        await foreach (var page in paginator.Pages.WithCancellation(ct))
        {
            pageSizes.Add(page.Items?.Count ?? 0);
            tokens += page.LastEvaluatedKey is { Count: > 0 } ? 1 : 0;
        }

        var seen = new List<string>();
        await foreach (var item in paginator.Items.WithCancellation(ct))
        {
            seen.Add(Assert.IsType<string>(item["Id"].S));
        }

        Assert.Equal(ids, seen.Order(StringComparer.Ordinal));
        Assert.All(pageSizes, size => Assert.InRange(size, 0, 37));
        Assert.Equal(1000, pageSizes.Sum());
        Assert.True(pageSizes.Count >= 28, $"1,000 items in pages of at most 37 take at least 28 pages, not {pageSizes.Count}");
        Assert.True(tokens >= pageSizes.Count - 1, "every page but the last carries a LastEvaluatedKey");
        Assert.Equal(1000, await paginator.Count.SumAsync(ct));
    }

    [SkippableFact]
    public async Task CancellingBetweenPagesStopsThePaging()
    {
        using var client = await CreateClientAsync();
        using var timeout = new CancellationTokenSource(TestTimeout);
        var prefix = "cancel-" + Guid.NewGuid().ToString("N")[..8] + "-";
        for (var i = 0; i < 4; i++)
        {
            await CreateTableAsync(client, prefix + i.ToString(CultureInfo.InvariantCulture), timeout.Token);
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var pages = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in client.ListTablesPaginator(new ListTables().WithLimit(1)).Pages.WithCancellation(cancel.Token))
            {
                if (++pages == 2)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(2, pages);
    }

    private static async Task CreateTableAsync(DynamoDBClient client, string name, CancellationToken ct)
    {
        var created = await client.CreateTableAsync(
            new CreateTable(name)
                .WithAttributeDefinitions([new AttributeDefinition("Id", ScalarAttributeType.S)])
                .WithKeySchema([new KeySchemaElement("Id", KeyType.Hash)])
                .WithBillingMode(BillingMode.PayPerRequest),
            ct);
        Assert.Equal(name, created.TableDescription?.TableName);
    }

    private async Task<DynamoDBClient> CreateClientAsync()
    {
        var endpoint = await dynalite.GetEndpointAsync();
        return new DynamoDBClient(new AwsClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = endpoint,
            Credentials = new StaticCredentialsSource("AKIDEXAMPLE", "dummy-secret-for-dynalite"),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        });
    }
}
#endif

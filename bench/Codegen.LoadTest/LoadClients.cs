#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Codegen.Runtime.Client;
using Codegen.Runtime.Auth;
using LoadTest.DynamoDB;
using Sdk = Amazon.DynamoDBv2.Model;

namespace Codegen.LoadTest;

/// <summary>The two calls of the load, the same for every library: put an item, get it back.</summary>
internal interface ILoadClient : IDisposable
{
    string Name { get; }

    Task PutAsync(string key, string payload);

    Task<(string? Key, string? Payload)> GetAsync(string key);
}

/// <summary>The generated DynamoDB client with its defaults (3 attempts, 10 s connect, 30 s attempt timeout).</summary>
internal sealed class CodegenDynamoDb : ILoadClient
{
    private readonly DynamoDBClient client;
    private readonly string table;

    public CodegenDynamoDb(Uri endpoint, string table)
    {
        this.table = table;
        client = new DynamoDBClient(new AwsClientOptions
        {
            Region = "us-east-1",
            ServiceUrl = endpoint,
            Credentials = new StaticCredentialsSource("AKIDEXAMPLE", "dummy-secret-for-dynalite"),
        });
    }

    public string Name => "Codegen";

    public async Task CreateTableAsync()
    {
        await client.CreateTableAsync(
            new CreateTable(table)
                .WithAttributeDefinitions([new AttributeDefinition("Id", ScalarAttributeType.S)])
                .WithKeySchema([new KeySchemaElement("Id", KeyType.Hash)])
                .WithBillingMode(BillingMode.PayPerRequest)).ConfigureAwait(false);
    }

    public Task PutAsync(string key, string payload) => client.PutItemAsync(new PutItem(table, new Dictionary<string, AttributeValue>
    {
        ["Id"] = new AttributeValue().WithS(key),
        ["Payload"] = new AttributeValue().WithS(payload),
    }));

    public async Task<(string? Key, string? Payload)> GetAsync(string key)
    {
        var got = await client.GetItemAsync(new GetItem(table, new Dictionary<string, AttributeValue> { ["Id"] = new AttributeValue().WithS(key) })
            .WithConsistentRead(true)).ConfigureAwait(false);
        return got.Item is { } item ? (item["Id"].S, item["Payload"].S) : (null, null);
    }

    public void Dispose() => client.Dispose();
}

/// <summary>The AWS SDK for .NET's DynamoDB client (v4) with its defaults, pointed at the same endpoint.</summary>
internal sealed class AwsSdkDynamoDb : ILoadClient
{
    private readonly Amazon.DynamoDBv2.AmazonDynamoDBClient client;
    private readonly string table;

    public AwsSdkDynamoDb(Uri endpoint, string table)
    {
        this.table = table;
        client = new Amazon.DynamoDBv2.AmazonDynamoDBClient(
            new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "dummy-secret-for-dynalite"),
            new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    public string Name => "AWS SDK for .NET";

    public Task PutAsync(string key, string payload) => client.PutItemAsync(new Sdk.PutItemRequest
    {
        TableName = table,
        Item = new Dictionary<string, Sdk.AttributeValue>
        {
            ["Id"] = new Sdk.AttributeValue { S = key },
            ["Payload"] = new Sdk.AttributeValue { S = payload },
        },
    });

    public async Task<(string? Key, string? Payload)> GetAsync(string key)
    {
        var got = await client.GetItemAsync(new Sdk.GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, Sdk.AttributeValue> { ["Id"] = new Sdk.AttributeValue { S = key } },
            ConsistentRead = true,
        }).ConfigureAwait(false);
        return got.Item is { Count: > 0 } item ? (item["Id"].S, item["Payload"].S) : (null, null);
    }

    public void Dispose() => client.Dispose();
}
#endif

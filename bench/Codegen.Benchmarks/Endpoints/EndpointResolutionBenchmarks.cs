#if CODEGEN_SHARED_MODELS
using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Amazon.Runtime.Endpoints;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Generator.Endpoints;
using Codegen.Runtime.Endpoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Endpoints;

/// <summary>
/// Resolving one endpoint: S3 GetObject on a virtual-hosted bucket (the largest rule set: bucket checks, partition,
/// auth schemes) and DynamoDB in a region (account-id endpoint rules, no account id), with the rule sets compiled by
/// Codegen against the AWS SDK for .NET v4's endpoint providers (AWSSDK.S3 / AWSSDK.DynamoDBv2 4.1.0) with the same
/// parameters. Both give the same URL (checked in the setup).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EndpointResolutionBenchmarks
{
    private Func<ResolvedEndpoint> _s3 = null!;
    private Func<ResolvedEndpoint> _dynamoDb = null!;
    private Amazon.S3.Internal.AmazonS3EndpointProvider _sdkS3 = null!;
    private Amazon.S3.Endpoints.S3EndpointParameters _sdkS3Parameters = null!;
    private Amazon.DynamoDBv2.Internal.AmazonDynamoDBEndpointProvider _sdkDynamoDb = null!;
    private Amazon.DynamoDBv2.Endpoints.DynamoDBEndpointParameters _sdkDynamoDbParameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        var assembly = CompiledResolvers.Load();
        var entry = assembly.GetType("Bench.Entry")!;
        _s3 = entry.GetMethod("S3")!.CreateDelegate<Func<ResolvedEndpoint>>();
        _dynamoDb = entry.GetMethod("DynamoDb")!.CreateDelegate<Func<ResolvedEndpoint>>();

        _sdkS3 = new Amazon.S3.Internal.AmazonS3EndpointProvider();
        _sdkS3Parameters = new Amazon.S3.Endpoints.S3EndpointParameters
        {
            Bucket = "amzn-s3-demo-bucket",
            Region = "us-west-2",
            UseFIPS = false,
            UseDualStack = false,
            Accelerate = false,
            ForcePathStyle = false,
            UseArnRegion = true,
            DisableMultiRegionAccessPoints = false,
            UseGlobalEndpoint = false,
            Key = "photos/2024/01/cat.jpg",
        };
        _sdkDynamoDb = new Amazon.DynamoDBv2.Internal.AmazonDynamoDBEndpointProvider();
        _sdkDynamoDbParameters = new Amazon.DynamoDBv2.Endpoints.DynamoDBEndpointParameters
        {
            Region = "us-east-1",
            UseFIPS = false,
            UseDualStack = false,
            AccountIdEndpointMode = "preferred",
        };

        Same(_s3().Url, S3_AwsSdk().URL);
        Same(_dynamoDb().Url, DynamoDb_AwsSdk().URL);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("S3 GetObject")]
    public ResolvedEndpoint S3_Generated() => _s3();

    [Benchmark]
    [BenchmarkCategory("S3 GetObject")]
    public Endpoint S3_AwsSdk() => _sdkS3.ResolveEndpoint(_sdkS3Parameters);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("DynamoDB")]
    public ResolvedEndpoint DynamoDb_Generated() => _dynamoDb();

    [Benchmark]
    [BenchmarkCategory("DynamoDB")]
    public Endpoint DynamoDb_AwsSdk() => _sdkDynamoDb.ResolveEndpoint(_sdkDynamoDbParameters);

    private static void Same(string ours, string sdk)
    {
        if (!string.Equals(ours, sdk, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the resolvers disagree: {ours} (generated) and {sdk} (AWS SDK)");
        }
    }
}

/// <summary>
/// The S3 and DynamoDB rule sets of the shared models compiled by <see cref="EndpointRulesEmitter"/> (the generator
/// does not yet add them to a project, so the benchmark compiles them itself, in Release, and calls them through a
/// static entry compiled alongside).
/// </summary>
internal static class CompiledResolvers
{
    private const string Entry = """
        namespace Bench
        {
            public static class Entry
            {
                private static readonly global::Bench.S3.S3EndpointParameters S3Parameters = new()
                {
                    Bucket = "amzn-s3-demo-bucket",
                    Region = "us-west-2",
                    UseArnRegion = true,
                    Key = "photos/2024/01/cat.jpg",
                };

                private static readonly global::Bench.DynamoDb.DynamoDbEndpointParameters DynamoDbParameters = new()
                {
                    Region = "us-east-1",
                    AccountIdEndpointMode = "preferred",
                };

                public static global::Codegen.Runtime.Endpoints.ResolvedEndpoint S3() => global::Bench.S3.S3EndpointResolver.Resolve(S3Parameters);

                public static global::Codegen.Runtime.Endpoints.ResolvedEndpoint DynamoDb() => global::Bench.DynamoDb.DynamoDbEndpointResolver.Resolve(DynamoDbParameters);
            }
        }
        """;

    public static Assembly Load()
    {
        var sources = new[] { ("s3", "S3"), ("dynamodb", "DynamoDb") }
            .SelectMany(s => Emit(s.Item1, s.Item2))
            .Append(CSharpSyntaxTree.ParseText(Entry))
            .ToList();
        var references = Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(ResolvedEndpoint).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "BenchEndpointResolvers_" + Guid.NewGuid().ToString("N"),
            sources,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("the resolvers do not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        stream.Position = 0;
        // A context of its own: BenchmarkDotNet may run the setup more than once in one process.
        return new AssemblyLoadContext("BenchEndpointResolvers", isCollectible: false).LoadFromStream(stream);
    }

    private static SyntaxTree[] Emit(string service, string name)
    {
        var model = Infrastructure.SharedData.BotocoreModel(service);
        var ruleSet = Path.Combine(Path.GetDirectoryName(model)!, "endpoint-rule-set-1.json");
        var output = EndpointRulesEmitter.Emit(new EndpointRulesInput(ruleSet, File.ReadAllText(ruleSet), "Bench." + name, name));
        if (output.Files.Count == 0)
        {
            throw new InvalidOperationException("the rule set did not compile: " + string.Join("; ", output.Diagnostics.Select(d => d.Message)));
        }

        return output.Files.Select(f => CSharpSyntaxTree.ParseText(f.Source, path: f.HintName)).ToArray();
    }
}
#endif

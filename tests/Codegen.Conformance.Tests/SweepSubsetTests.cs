using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Cli;
using Codegen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Conformance.Tests;

/// <summary>
/// The CI part of the sweep (issue D): a fixed subset of real AWS models — every protocol, both formats, and the
/// largest models — must generate without a diagnostic above info and compile with no error and no warning.
/// The full sweep of both folders is `codegen sweep ../shared/models/botocore ../shared/models/smithy --compile`
/// (docs/sweep.md).
/// </summary>
public class SweepSubsetTests(ITestOutputHelper output)
{
    /// <summary>
    /// Botocore models: the five largest, then a spread over json, rest-json, rest-xml, query, ec2 and cbor (the
    /// models that list cbor and json - backup-gateway to comprehendmedical - are sent as awsJson; only
    /// partnercentral-revenue-measurement is cbor alone).
    /// </summary>
    private static readonly string[] Botocore =
    {
        "ec2", "sagemaker", "quicksight", "glue", "connect",
        "cognito-idp", "dynamodb", "kms", "sqs", "kinesis", "logs", "secretsmanager", "ssm", "acm", "keyspaces",
        "lambda", "apigateway", "bedrock", "appsync", "application-signals", "securityhub",
        "s3", "route53", "cloudfront", "s3control",
        "sts", "iam", "sns", "rds", "cloudformation", "autoscaling",
        "backup-gateway", "cloudwatch", "appstream", "arc-region-switch", "comprehendmedical", "partnercentral-revenue-measurement",
    };

    /// <summary>Smithy JSON AST models (file names in models/smithy).</summary>
    private static readonly string[] Smithy =
    {
        "cognito-identity-provider", "dynamodb", "s3", "sts", "cloudwatch-logs", "lambda", "bedrock", "appsync", "cloudfront", "sqs",
    };

    [SkippableFact]
    public void RealModelsGenerateAndCompileCleanly()
    {
        var root = SharedData.RequireRoot();
        var models = SweepCommand.FindModels(Path.Combine(root, "models", "botocore"))
            .Where(m => Botocore.Contains(m.Name["botocore/".Length..], StringComparer.Ordinal))
            .Concat(Smithy.Select(name => new SweepCommand.ModelFile("smithy/" + name, Path.Combine(root, "models", "smithy", name + ".json"))))
            .ToList();
        Assert.Equal(Botocore.Length + Smithy.Length, models.Count);

        var rows = new ConcurrentBag<SweepRow>();
        Parallel.ForEach(models.OrderByDescending(m => new FileInfo(m.Path).Length), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, model =>
            rows.Add(SweepCommand.Sweep(model, compile: true)));

        output.WriteLine(SweepRow.Header);
        foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            output.WriteLine(row.Format());
        }

        var protocols = rows.Select(r => r.Protocol).Distinct().ToList();
        Assert.Subset(protocols.ToHashSet(), new[] { "awsJson1_0", "awsJson1_1", "restJson1", "restXml", "awsQuery", "ec2Query", "rpcv2Cbor" }.ToHashSet());

        // Every model of a protocol Codegen implements can send; the others say which protocol is missing (CG0008).
        Assert.All(rows.Where(r => r.Protocol is "awsJson1_0" or "awsJson1_1" or "restJson1" or "rpcv2Cbor" or "awsQuery" or "ec2Query"), r => Assert.True(r.CanSend, r.Name + " cannot send"));
        var failed = rows.Where(r => !r.Passed).Select(r => $"{r.Name}: {r.FirstProblem}").ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        Assert.All(rows, r => Assert.True(r.Files > 0 && r.Operations > 0, r.Name + " generated nothing"));

        // Every paginator and waiter the models define is generated (one that does not fit is an error above), and
        // the subset has some of both, so the counts cannot pass by counting nothing.
        Assert.All(rows, r => Assert.True(r.PaginatorsGenerated == r.PaginatorsDefined && r.WaitersGenerated == r.WaitersDefined,
            $"{r.Name}: paginators {r.PaginatorsGenerated}/{r.PaginatorsDefined}, waiters {r.WaitersGenerated}/{r.WaitersDefined}"));
        Assert.True(rows.Sum(r => r.PaginatorsDefined) > 100 && rows.Sum(r => r.WaitersDefined) > 30,
            $"the subset defines {rows.Sum(r => r.PaginatorsDefined)} paginators and {rows.Sum(r => r.WaitersDefined)} waiters");
    }
}

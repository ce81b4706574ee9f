using System;
using System.IO;
using System.Linq;
using Codegen.Cli;
using Codegen.Testing;
using Xunit;

namespace Codegen.Conformance.Tests;

/// <summary>
/// Botocore's protocol tests for the protocols Codegen sends (awsJson 1.0 and 1.1, restJson1, rpcv2Cbor, awsQuery, ec2Query;
/// <c>conformance/botocore-protocols</c> in the shared data), run through the generator, the compiler and the runtime
/// by the CLI's conformance engine: every case passes or is skipped for a listed reason (botocore's own ignore list,
/// or <c>conformance/known-failures.json</c>).
/// </summary>
public sealed class BotocoreProtocolSuiteTests
{
    /// <summary>Each file with the number of cases that pass today: fewer means a regression or a runner that skips.</summary>
    public static TheoryData<string, int> Files => new()
    {
        { "input/json.json", 50 },
        { "output/json.json", 52 },
        { "input/json_1_0.json", 18 },
        { "output/json_1_0.json", 26 },
        { "input/json_1_0-query-compatible.json", 1 },
        { "output/json_1_0-query-compatible.json", 2 },
        { "input/rest-json.json", 101 },
        { "output/rest-json.json", 82 },
        { "input/smithy-rpc-v2-cbor.json", 15 },
        { "output/smithy-rpc-v2-cbor.json", 33 },
        { "input/smithy-rpc-v2-cbor-query-compatible.json", 1 },
        { "output/smithy-rpc-v2-cbor-query-compatible.json", 2 },
        { "input/smithy-rpc-v2-cbor-non-query-compatible.json", 1 },
        { "input/query.json", 32 },
        { "output/query.json", 36 },
        { "input/ec2.json", 21 },
        { "output/ec2.json", 27 },
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void EveryCasePassesOrIsSkippedForAListedReason(string file, int expectedPasses)
    {
        var root = SharedData.RequirePath("conformance", "botocore-protocols");
        var path = Path.Combine(root, file.Replace('/', Path.DirectorySeparatorChar));
        var report = ConformanceEngine.Run(new ConformanceOptions { Paths = new[] { path } });

        var failures = report.Results.Where(r => r.Outcome == ConformanceOutcome.Fail).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Select(f => $"FAIL {f.Id}{Environment.NewLine}    {f.Detail}")));

        // Skips come only from the two lists, never from the runner giving up on a suite.
        var unexpectedSkips = report.Results.Where(r => r.Outcome == ConformanceOutcome.Skip && r.SkipList is null).ToList();
        Assert.True(unexpectedSkips.Count == 0, string.Join(Environment.NewLine, unexpectedSkips.Select(s => $"SKIP {s.Id}: {s.Detail}")));

        Assert.True(report.Passed >= expectedPasses, $"{file}: {report.Summary}; expected at least {expectedPasses} to pass");
    }
}

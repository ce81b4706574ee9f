using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using Codegen.Build;
using Codegen.Testing;
using Microsoft.Build.Framework;
using Xunit;

namespace Codegen.Analyzers.Tests;

/// <summary>The build side of the IAM policy: the task that copies CG1010's policy out of the compiler's error log, and the sample's real build.</summary>
public sealed class IamPolicyBuildTests : IDisposable
{
    private const string Policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("codegen-iam-").FullName;

    // SARIF 2.1 as Roslyn writes it (ErrorLog=file,version=2.1, seen in the sample's build): custom properties under
    // the result's properties.customProperties, other rules' results around it. The 1.0 fixture has 1.0's run and
    // message layout; the task looks for the property anywhere under the CG1010 result, so the property's place
    // within the result does not matter.
    private static readonly string Sarif21 = """
        {"$schema":"http://json.schemastore.org/sarif-2.1.0","version":"2.1.0","runs":[{"results":[
          {"ruleId":"CS8618","level":"warning","message":{"text":"x"}},
          {"ruleId":"CG1010","ruleIndex":3,"level":"note","message":{"text":"this code calls no AWS operation"},
           "properties":{"warningLevel":1,"customProperties":{"Policy":"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n"}}}],
          "tool":{"driver":{"name":"Microsoft (R) Visual C# Compiler"}}}]}
        """;

    private static readonly string Sarif10 = """
        {"$schema":"http://json.schemastore.org/sarif-1.0.0","version":"1.0.0","runs":[{"tool":{"name":"Microsoft (R) Visual C# Compiler"},
          "results":[{"ruleId":"CG1010","level":"note","message":"this code calls no AWS operation",
          "properties":{"warningLevel":1,"customProperties":{"Policy":"{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}\n"}}}]}]}
        """;

    [Theory]
    [InlineData("2.1")]
    [InlineData("1.0")]
    public void ThePolicyIsCopiedFromEitherSarifVersion(string version)
    {
        var log = Path.Combine(_folder, "log.sarif");
        File.WriteAllText(log, version == "2.1" ? Sarif21 : Sarif10);
        var output = Path.Combine(_folder, "out", "iam-policy.json");
        var engine = new Engine();

        Assert.True(new WriteIamPolicy { BuildEngine = engine, ErrorLog = log + ",version=" + version, OutputPath = output }.Execute(), string.Join("\n", engine.Errors));
        Assert.Equal(Policy, File.ReadAllText(output));
    }

    [Fact]
    public void AMissingLogOrRuleIsAnErrorThatSaysWhy()
    {
        var engine = new Engine();
        Assert.False(new WriteIamPolicy { BuildEngine = engine, ErrorLog = Path.Combine(_folder, "none.sarif"), OutputPath = Path.Combine(_folder, "p.json") }.Execute());

        var log = Path.Combine(_folder, "other.sarif");
        File.WriteAllText(log, """{"version":"2.1.0","runs":[{"results":[{"ruleId":"CS0168","message":{"text":"x"}}]}]}""");
        Assert.False(new WriteIamPolicy { BuildEngine = engine, ErrorLog = log, OutputPath = Path.Combine(_folder, "p.json") }.Execute());

        File.WriteAllText(log, "{ not json");
        Assert.False(new WriteIamPolicy { BuildEngine = engine, ErrorLog = log, OutputPath = Path.Combine(_folder, "p.json") }.Execute());

        Assert.Collection(
            engine.Errors,
            e => Assert.Contains("the compiler wrote no error log", e, StringComparison.Ordinal),
            e => Assert.Contains("the compiler reported no CG1010", e, StringComparison.Ordinal),
            e => Assert.Contains("is not valid JSON", e, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_folder, "p.json")));
    }

    /// <summary>The sample's real build (this project references it, so it is built first) writes the policy README.md shows.</summary>
    [SkippableFact]
    public void TheSampleBuildWritesThePolicyOfItsEndpointMode()
    {
        SharedData.RequireRoot(); // the endpoint mode, and so its operations, exist only with the full Cognito model
        var written = Path.Combine(SharedData.RepositoryRoot, "samples", "VerifySoftwareToken.Sample", "obj", "iam-policy.json");

        Assert.True(File.Exists(written), "the sample's build did not write " + written);
        Assert.Equal(ConsumerCodeTests.SampleEndpointPolicy.Replace("\r\n", "\n"), File.ReadAllText(written));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Engine : IBuildEngine
    {
        public List<string> Errors { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Code + ": " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }
    }
}

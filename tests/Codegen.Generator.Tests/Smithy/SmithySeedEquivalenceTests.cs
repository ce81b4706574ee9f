using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>
/// The seed service written in both formats — specs/cognito-idp/VerifySoftwareToken.json (botocore) and
/// specs/cognito-idp/VerifySoftwareToken.smithy.json (Smithy JSON AST) — must generate the same files, byte for
/// byte, under the same namespace. The Smithy file states the same facts with the same documentation text; where
/// the two AWS source models disagree (the Smithy model anchors patterns as <c>^[0-9]+$</c> and lists 13 errors,
/// the botocore model writes <c>[0-9]+</c> and lists 14) the Smithy seed follows the botocore seed, so that any
/// difference here is the reader's. There are no accepted differences.
/// </summary>
public class SmithySeedEquivalenceTests(ITestOutputHelper output)
{
    private const string Namespace = "Aws.CognitoIdentityProvider";

    [Fact]
    public void SmithySeedGeneratesTheSameFilesAsTheBotocoreSeed()
    {
        var botocore = Generate("cognito-idp/VerifySoftwareToken.json");
        var smithy = Generate("cognito-idp/VerifySoftwareToken.smithy.json");

        var differences = new List<string>();
        foreach (var hint in botocore.Keys.Union(smithy.Keys).OrderBy(h => h, System.StringComparer.Ordinal))
        {
            if (!smithy.TryGetValue(hint, out var smithyText))
            {
                differences.Add("only from botocore: " + hint);
            }
            else if (!botocore.TryGetValue(hint, out var botocoreText))
            {
                differences.Add("only from Smithy: " + hint);
            }
            else if (botocoreText != smithyText)
            {
                differences.Add("text differs: " + hint + "\n" + FirstDifference(botocoreText, smithyText));
            }
        }

        output.WriteLine($"{botocore.Count} files from botocore, {smithy.Count} from Smithy, {differences.Count} differences");
        foreach (var difference in differences)
        {
            output.WriteLine(difference);
        }

        Assert.NotEmpty(botocore);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void SmithySeedCompilesWithoutDiagnostics()
    {
        var (run, compilation, generatorDiagnostics) = GeneratorHarness.Run(new[] { Spec.FromRepository("cognito-idp/VerifySoftwareToken.smithy.json") });
        Assert.Empty(generatorDiagnostics);
        Assert.NotEmpty(run.GeneratedTrees);
        var problems = GeneratorHarness.Problems(compilation);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
    }

    private static Dictionary<string, string> Generate(string relativePath)
    {
        var spec = Spec.FromRepository(relativePath) with { Namespace = Namespace };
        var (run, _, generatorDiagnostics) = GeneratorHarness.Run(new[] { spec });
        Assert.True(generatorDiagnostics.IsEmpty, relativePath + ": " + GeneratorHarness.Format(generatorDiagnostics));
        return run.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < System.Math.Max(left.Length, right.Length); i++)
        {
            var a = i < left.Length ? left[i] : "<end>";
            var b = i < right.Length ? right[i] : "<end>";
            if (a != b)
            {
                return $"  line {i + 1}\n  botocore: {a.Trim()}\n  smithy:   {b.Trim()}";
            }
        }

        return "  (line endings differ)";
    }
}

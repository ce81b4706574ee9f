using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Generation;

/// <summary>Every file generated for the seed operation, as reviewed.</summary>
public class SeedSnapshotTests
{
    [Fact]
    public void VerifySoftwareToken()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { Spec.FromRepository("cognito-idp/VerifySoftwareToken.json") });

        Snapshot.Verify(
            nameof(SeedSnapshotTests),
            run.Results.Single().GeneratedSources.Select(s => new System.Collections.Generic.KeyValuePair<string, string>(s.HintName, s.SourceText.ToString())),
            diagnostics.Select(d => d.ToString()));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void VerifySoftwareTokenAsInternalInOwnNamespace()
    {
        var spec = Spec.FromRepository("cognito-idp/VerifySoftwareToken.json") with { Namespace = "MyApp.Cognito", Accessibility = "internal" };
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { spec });

        var files = run.Results.Single().GeneratedSources;
        Assert.All(files, f => Assert.StartsWith("MyApp.Cognito/", f.HintName));
        Assert.All(files, f => Assert.DoesNotContain("public sealed partial class", f.SourceText.ToString()));
        Assert.Contains(files, f => f.SourceText.ToString().Contains("internal sealed partial class VerifySoftwareToken "));
        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
    }
}

using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Xunit;

namespace Codegen.Generator.Tests.Generation;

public class SmokeTests
{
    [Fact]
    public void SeedSpecGeneratesCodeThatCompilesWithoutDiagnostics()
    {
        var (run, output, generatorDiagnostics) = GeneratorHarness.Run(new[] { Spec.FromRepository("cognito-idp/VerifySoftwareToken.json") });
        Assert.Empty(generatorDiagnostics);
        Assert.NotEmpty(run.GeneratedTrees);
        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
    }
}

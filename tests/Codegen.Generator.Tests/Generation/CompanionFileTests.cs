using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Incremental;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Generator.Tests.Smithy;
using Xunit;

namespace Codegen.Generator.Tests.Generation;

/// <summary>
/// Companion files (a botocore model's endpoint rules, paginators and waiters) and the Smithy traits that carry the
/// same facts reach the generator with their model: what they add is generated and compiles, the item's switch turns
/// them off for both sources, and a broken companion costs only what it would have added.
/// </summary>
public class CompanionFileTests
{
    private const string ModelPath = "/project/specs/library.json";
    private const string RulesPath = "/project/specs/library.endpoint-rule-set-1.json";

    private static Spec Library(string rules) => new(ModelPath, CachingTests.SmallService("Library", "Lib_2024", "GetShelf"))
    {
        Companions = [new Companion("EndpointRules", RulesPath, rules)],
    };

    [Fact]
    public void EndpointRulesCompanionIsCompiledWithTheModel()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run([Library(CachingTests.RuleSet("library"))],
            """
            class Use
            {
                static string Url() => Aws.Library.LibraryEndpointResolver.Resolve(new Aws.Library.LibraryEndpointParameters { Region = "eu-west-1" }).Url;
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Aws.Library/LibraryEndpointParameters.g.cs", hints);
        Assert.Contains("Aws.Library/LibraryEndpointResolver.g.cs", hints);
        Assert.Contains("Aws.Library/GetShelf.g.cs", hints);
    }

    [Fact]
    public void SwitchedOffEndpointRulesAreNotRead()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run([Library("{ not even JSON") with { Switches = new Dictionary<string, string> { ["EndpointRules"] = "false" } }]);

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.DoesNotContain(hints, h => h.Contains("Endpoint", StringComparison.Ordinal));
        Assert.Contains("Aws.Library/GetShelf.g.cs", hints);
    }

    [Fact]
    public void BrokenCompanionIsADiagnosticOnItsFileAndTheModelIsStillGenerated()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run([Library("{\n  \"version\": \"1.0\",\n  \"parameters\": [\n}")]);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CG0001", diagnostic.Id);
        Assert.Equal(RulesPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Aws.Library/GetShelf.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.Contains("Endpoint", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void InvalidRulesAreReportedInTheCompanionAndCostOnlyTheResolver()
    {
        var rules = """
            {
              "version": "1.0",
              "parameters": { "Region": { "type": "string", "builtIn": "AWS::Region", "required": true } },
              "rules": [ { "conditions": [ { "fn": "noSuchFunction", "argv": [] } ], "endpoint": { "url": "https://x" }, "type": "endpoint" } ]
            }
            """;
        var (run, output, diagnostics) = GeneratorHarness.Run([Library(rules)]);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(RulesPath, d.Location.GetLineSpan().Path));
        Assert.Contains(diagnostics, d => d.Id == "CG0021");
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Aws.Library/LibraryClient.g.cs", hints);
        Assert.DoesNotContain(hints, h => h.Contains("Endpoint", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void CompanionOfAnotherModelIsIgnored()
    {
        var spec = new Spec(ModelPath, CachingTests.SmallService("Library", "Lib_2024", "GetShelf"))
        {
            Companions = [new Companion("EndpointRules", RulesPath, CachingTests.RuleSet("library"), Owner: "/project/specs/other.json")],
        };

        var (run, _, diagnostics) = GeneratorHarness.Run([spec]);

        Assert.Empty(diagnostics);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Aws.Library/GetShelf.g.cs");
        Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.HintName.Contains("Endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void ShapeNamedLikeTheResolverIsNumbered()
    {
        var text = CachingTests.SmallService("Library", "Lib_2024", "GetShelf", extraMember: "Resolver")
            .Replace("\"Resolver\": { \"shape\": \"Text\" }", "\"Resolver\": { \"shape\": \"LibraryEndpointResolver\" }", StringComparison.Ordinal)
            .Replace("\"Text\": { \"type\": \"string\" }", "\"Text\": { \"type\": \"string\" }, \"LibraryEndpointResolver\": { \"type\": \"structure\", \"members\": { \"Name\": { \"shape\": \"Text\" } } }", StringComparison.Ordinal);
        var spec = new Spec(ModelPath, text) { Companions = [new Companion("EndpointRules", RulesPath, CachingTests.RuleSet("library"))] };

        var (run, output, diagnostics) = GeneratorHarness.Run([spec]);

        Assert.Contains(diagnostics, d => d.Id == "CG0006" && d.GetMessage().Contains("LibraryEndpointResolver2", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.Problems(output));
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("Aws.Library/LibraryEndpointResolver.g.cs", hints);
        Assert.Contains("Aws.Library/LibraryEndpointResolver2.g.cs", hints);
    }

    [Fact]
    public void SmithyEndpointRuleSetTraitIsCompiledUnlessSwitchedOff()
    {
        var traits = SmithySnippets.AwsJsonTraits + ", \"smithy.rules#endpointRuleSet\": " + CachingTests.RuleSet("weather");
        var model = SmithySnippets.OneOperation("\"ex.weather#Input\": { \"type\": \"structure\", \"members\": {}, \"traits\": { \"smithy.api#input\": {} } }", traits);
        var spec = new Spec("/project/specs/weather.smithy.json", model);

        var on = GeneratorHarness.Run([spec]);
        var off = GeneratorHarness.Run([spec with { Switches = new Dictionary<string, string> { ["EndpointRules"] = "false" } }]);

        Assert.Empty(on.GeneratorDiagnostics);
        Assert.Empty(GeneratorHarness.Problems(on.Output));
        Assert.Contains(on.Run.Results.Single().GeneratedSources, s => s.HintName == "Aws.Weather/WeatherEndpointResolver.g.cs");
        Assert.Contains("https://weather.", on.Run.Results.Single().GeneratedSources.Single(s => s.HintName == "Aws.Weather/WeatherEndpointResolver.g.cs").SourceText.ToString());
        Assert.Empty(off.GeneratorDiagnostics);
        Assert.DoesNotContain(off.Run.Results.Single().GeneratedSources, s => s.HintName.Contains("Endpoint", StringComparison.Ordinal));
    }
}

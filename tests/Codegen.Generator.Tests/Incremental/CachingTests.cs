using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Codegen.Generator.Tests.Incremental;

/// <summary>
/// The pipeline caches as an IDE needs: nothing re-runs without a change, an unrelated C# edit regenerates
/// nothing, and editing one spec re-runs only that spec's steps. Step outputs hold no Roslyn symbols or syntax.
/// </summary>
public class CachingTests
{
    private static readonly string[] OurSteps =
    {
        TrackingNames.CompanionFiles, TrackingNames.SpecFiles, TrackingNames.Models, TrackingNames.CodeModels, TrackingNames.Files, TrackingNames.HintOwners,
    };

    private static Spec Seed => Spec.FromRepository("cognito-idp/VerifySoftwareToken.json");

    private static Spec Other => new("/project/specs/library.json", SmallService("Library", "Lib_2024", "GetShelf"))
    {
        Companions = [new Companion("EndpointRules", "/project/specs/library.endpoint-rule-set-1.json", RuleSet("library"))],
    };

    [Fact]
    public void SecondRunWithoutChangesIsFullyCached()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(new[] { Seed, Other }).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        foreach (var step in OurSteps)
        {
            AssertAllOutputs(result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        AssertOutputsNotRegenerated(result);
    }

    [Fact]
    public void UnrelatedCSharpEditRegeneratesNothing()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Program { }");
        var driver = GeneratorHarness.CreateDriver(new[] { Seed, Other }).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int x; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in OurSteps)
        {
            AssertAllOutputs(result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        AssertOutputsNotRegenerated(result);
    }

    [Fact]
    public void EditingOneSpecRerunsOnlyThatSpec()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Program { }");
        var seed = Seed;
        var other = Other;
        var driver = GeneratorHarness.CreateDriver(new[] { seed, other }, out var texts).RunGenerators(compilation);
        var oldText = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.SpecFiles];
        Assert.Equal(2, oldText.Length);

        var changed = new InMemoryAdditionalText(other.Path, SmallService("Library", "Lib_2024", "GetShelf", extraMember: "Floor"));
        var original = texts.Single(t => t.Path == other.Path);
        var result = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.Models, TrackingNames.CodeModels, TrackingNames.Files })
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(2, outputs.Count);
            Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
            Assert.Single(outputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
            var modified = outputs.Single(o => o.Reason == IncrementalStepRunReason.Modified).Value;
            Assert.Contains("library.json", PathOf(modified));
        }

        // Only the edited model's output is produced again; the other model's files are not re-added.
        var sourceOutputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, sourceOutputs.Count);
        Assert.Single(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(sourceOutputs, o => o.Reason == IncrementalStepRunReason.Cached);

        var generated = result.GeneratedSources.Single(s => s.HintName.EndsWith("/GetShelf.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("WithFloor", generated);
    }

    [Fact]
    public void EditingACompanionFileRerunsOnlyItsSpec()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Program { }");
        var other = Other;
        var driver = GeneratorHarness.CreateDriver(new[] { Seed, other }, out var texts).RunGenerators(compilation);

        var companion = other.Companions.Single();
        var original = texts.Single(t => t.Path == companion.Path);
        var changed = new InMemoryAdditionalText(companion.Path, RuleSet("shelves"));
        var result = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in new[] { TrackingNames.SpecFiles, TrackingNames.Models, TrackingNames.CodeModels, TrackingNames.Files })
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(2, outputs.Count);
            var modified = Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified).Value;
            Assert.Contains("library.json", PathOf(modified));
        }

        var resolver = result.GeneratedSources.Single(s => s.HintName.EndsWith("/LibraryEndpointResolver.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("https://shelves.", resolver);
    }

    [Fact]
    public void StepOutputsHoldNoRoslynSymbolsOrSyntax()
    {
        var compilation = GeneratorHarness.CreateCompilation("class Program { }");
        var result = GeneratorHarness.CreateDriver(new[] { Seed, Other }).RunGenerators(compilation).GetRunResult().Results.Single();

        var banned = new[] { typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location) };
        var checkedObjects = 0;
        foreach (var step in OurSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                checkedObjects += Walk(output.Value, banned, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
            }
        }

        Assert.True(checkedObjects > 100, $"the walk visited only {checkedObjects} objects: it is not looking at the models");
    }

    private static int Walk(object? value, Type[] banned, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum)
        {
            return 0;
        }

        var type = value.GetType();
        Assert.False(banned.Any(b => b.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (!type.IsValueType && !seen.Add(value))
        {
            return 0;
        }

        var count = 1;
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                count += Walk(item, banned, seen, $"{path}[{index++}]");
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
            {
                continue;
            }

            count += Walk(field.GetValue(value), banned, seen, path + "." + field.Name);
        }

        return count;
    }

    private static void AssertAllOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
        foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
        {
            Assert.True(allowed.Contains(output.Reason), $"{step} output was {output.Reason}");
        }
    }

    private static void AssertOutputsNotRegenerated(GeneratorRunResult result)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static string PathOf(object value) =>
        (string)value.GetType().GetProperty("Path")!.GetValue(value)!;

    /// <summary>A one-rule endpoint rule set whose URL starts with <paramref name="host"/>.</summary>
    internal static string RuleSet(string host) => $$"""
        {
          "version": "1.0",
          "parameters": { "Region": { "type": "string", "builtIn": "AWS::Region", "required": true } },
          "rules": [ { "conditions": [], "endpoint": { "url": "https://{{host}}.{Region}.example.com" }, "type": "endpoint" } ]
        }
        """;

    internal static string SmallService(string serviceId, string targetPrefix, string operation, string? extraMember = null)
    {
        var extra = extraMember is null ? "" : $", \"{extraMember}\": {{ \"shape\": \"Text\" }}";
        return $$"""
            {
              "version": "2.0",
              "metadata": { "apiVersion": "2024-01-01", "endpointPrefix": "{{serviceId.ToLowerInvariant()}}", "jsonVersion": "1.0", "protocol": "json", "serviceId": "{{serviceId}}", "targetPrefix": "{{targetPrefix}}" },
              "operations": { "{{operation}}": { "name": "{{operation}}", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "{{operation}}Input" }, "output": { "shape": "{{operation}}Output" } } },
              "shapes": {
                "{{operation}}Input": { "type": "structure", "required": ["Id"], "members": { "Id": { "shape": "Text" }{{extra}} } },
                "{{operation}}Output": { "type": "structure", "members": { "Name": { "shape": "Text" } } },
                "Text": { "type": "string" }
              }
            }
            """;
    }
}

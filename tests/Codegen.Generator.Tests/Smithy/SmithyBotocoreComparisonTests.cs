using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Generator.Json;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>
/// For every service the shared data holds in both formats (the newest botocore version, matched to the Smithy
/// file through botocore <c>serviceId</c> = Smithy <c>aws.api#service</c> <c>sdkId</c>), names both models over the
/// operations both have and compares what the user sees (<see cref="NamedModelComparison"/>), then writes a
/// summary: differences by kind and cause. The two snapshots were taken at different times, so most differences
/// are drift (the sources disagree); what matters is that none is unexplained. Asserted: the seed service,
/// Cognito Identity Provider, has no difference in types, members, enum values or required-ness other than drift,
/// and the two seed spec files (same facts in both formats) have none at all.
/// </summary>
public class SmithyBotocoreComparisonTests(ITestOutputHelper output)
{
    private const string SeedServiceId = "Cognito Identity Provider";

    [Fact]
    public void SeedSpecsInBothFormatsHaveNoDifferences()
    {
        var botocore = Parse(Spec.FromRepository("cognito-idp/VerifySoftwareToken.json"));
        var smithySpec = Spec.FromRepository("cognito-idp/VerifySoftwareToken.smithy.json");
        var smithy = Parse(smithySpec);
        var differences = NamedModelComparison.Compare(
            CodeModelBuilder.Build(botocore, SpecOptions.Default),
            CodeModelBuilder.Build(smithy, SpecOptions.Default),
            botocore,
            (JsonObject)JsonParser.Parse(smithySpec.Text));
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [SkippableFact]
    public void NamedModelsFromBothFormatsDifferOnlyByDriftForTheSeedService()
    {
        var smithyFolder = SharedData.RequirePath("models", "smithy");
        var botocoreFolder = SharedData.RequirePath("models", "botocore");
        var clock = Stopwatch.StartNew();

        var smithy = Load(Directory.GetFiles(smithyFolder, "*.json"));
        var botocore = Load(Directory.GetDirectories(botocoreFolder)
            .Select(service => Directory.GetDirectories(service).OrderBy(v => v, StringComparer.Ordinal).LastOrDefault())
            .Where(version => version is not null && File.Exists(Path.Combine(version, "service-2.json")))
            .Select(version => Path.Combine(version!, "service-2.json")));

        var pairs = smithy.Keys.Where(botocore.ContainsKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var results = new ConcurrentDictionary<string, (List<NamedModelComparison.Difference> Differences, int OnlyBotocore, int OnlySmithy, int Common)>(StringComparer.Ordinal);
        Parallel.ForEach(pairs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, id =>
        {
            var (smithyPath, smithyModel) = smithy[id];
            var (_, botocoreModel) = botocore[id];
            var smithyOperations = new HashSet<string>(smithyModel.Operations.Select(o => o.Name), StringComparer.Ordinal);
            var botocoreOperations = new HashSet<string>(botocoreModel.Operations.Select(o => o.Name), StringComparer.Ordinal);
            var common = smithyOperations.Where(botocoreOperations.Contains).OrderBy(o => o, StringComparer.Ordinal).ToList();
            var options = SpecOptions.Parse(null, string.Join(";", common), null);
            var differences = common.Count == 0
                ? new List<NamedModelComparison.Difference>()
                : NamedModelComparison.Compare(
                    CodeModelBuilder.Build(botocoreModel, options),
                    CodeModelBuilder.Build(smithyModel, options),
                    botocoreModel,
                    JsonParser.Parse(File.ReadAllText(smithyPath)) as JsonObject);
            results[id] = (differences, botocoreOperations.Count - common.Count, smithyOperations.Count - common.Count, common.Count);
        });
        clock.Stop();

        var all = results.SelectMany(r => r.Value.Differences.Select(d => (Service: r.Key, Difference: d))).ToList();
        output.WriteLine($"{smithy.Count} Smithy and {botocore.Count} botocore models read and named, {pairs.Count} services in both, compared in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"only in Smithy: {string.Join(", ", smithy.Keys.Where(k => !botocore.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))}");
        output.WriteLine($"operations compared: {results.Values.Sum(r => r.Common)}; only in botocore (drift): {results.Values.Sum(r => r.OnlyBotocore)} in {results.Values.Count(r => r.OnlyBotocore > 0)} services; only in Smithy (drift): {results.Values.Sum(r => r.OnlySmithy)} in {results.Values.Count(r => r.OnlySmithy > 0)} services");
        output.WriteLine($"services without any difference over their common operations: {results.Values.Count(r => r.Differences.Count == 0)}; without any but drift: {results.Values.Count(r => r.Differences.All(d => NamedModelComparison.IsDrift(d)))}");
        output.WriteLine("");
        output.WriteLine("Differences by cause and kind (count, services, examples):");
        foreach (var group in all.GroupBy(x => (x.Difference.Cause, x.Difference.Kind)).OrderBy(g => g.Key.Cause, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
        {
            output.WriteLine($"  [{group.Key.Cause}] {group.Key.Kind}: {group.Count()} in {group.Select(x => x.Service).Distinct().Count()} services");
            foreach (var example in group.Take(group.Key.Cause == NamedModelComparison.Unexplained ? 50 : 2))
            {
                output.WriteLine($"      {example.Service}: {example.Difference.Where} {example.Difference.Detail}");
            }
        }

        output.WriteLine("");
        output.WriteLine("Per service (cause/kind: count):");
        foreach (var service in results.Where(r => r.Value.Differences.Count > 0).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {service.Key}: " + string.Join(", ", service.Value.Differences.GroupBy(d => d.Cause + "/" + d.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")));
        }

        Assert.True(results.ContainsKey(SeedServiceId), $"{SeedServiceId} is not in both formats");
        var seed = results[SeedServiceId].Differences;
        output.WriteLine("");
        output.WriteLine($"{SeedServiceId}: {seed.Count} differences, all drift:");
        foreach (var difference in seed)
        {
            output.WriteLine($"  {difference.Kind}: {difference.Where} {difference.Detail}");
        }

        var notDrift = seed.Where(d => !NamedModelComparison.IsDrift(d)).ToList();
        Assert.True(notDrift.Count == 0, string.Join("\n", notDrift));
    }

    private static ServiceModel Parse(Spec spec)
    {
        var parsed = SpecPipeline.Parse(new SpecInput(spec.Path, spec.Text, SpecOptions.Default), default);
        Assert.Empty(parsed.Diagnostics);
        return parsed.Model!;
    }

    /// <summary>Reads each model; keyed by service id (the first file by path wins if two name one service).</summary>
    private static Dictionary<string, (string Path, ServiceModel Model)> Load(IEnumerable<string> files)
    {
        var models = new ConcurrentDictionary<string, (string, ServiceModel)>(StringComparer.Ordinal);
        var ordered = files.OrderBy(f => f, StringComparer.Ordinal).ToList();
        Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var parsed = SpecPipeline.Parse(new SpecInput(file, File.ReadAllText(file), SpecOptions.Default), default);
            if (parsed.Model is { } model && !SpecPipeline.HasErrors(parsed.Diagnostics))
            {
                models.AddOrUpdate(model.Metadata.ServiceId, (file, model), (_, existing) => string.CompareOrdinal(existing.Item1, file) <= 0 ? existing : (file, model));
            }
        });
        return new Dictionary<string, (string, ServiceModel)>(models, StringComparer.Ordinal);
    }
}

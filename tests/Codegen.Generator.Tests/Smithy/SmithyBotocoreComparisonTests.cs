using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>
/// For every service that the shared data holds in both formats (the botocore folder's newest version, matched to
/// the Smithy file through botocore <c>serviceId</c> = Smithy <c>aws.api#service</c> <c>sdkId</c>), names both
/// models with the default options and compares what the user would see (<see cref="NamedModelComparison"/>).
/// The two model sets are snapshots taken at different times, so most differences are model drift (operations
/// or members added since); the summary counts them by kind. Only the seed service, Cognito Identity Provider,
/// must match exactly in types, members, enum values and required-ness.
/// </summary>
public class SmithyBotocoreComparisonTests(ITestOutputHelper output)
{
    private const string SeedServiceId = "Cognito Identity Provider";

    [SkippableFact]
    public void NamedModelsFromBothFormatsAgreeForTheSeedServiceAndDifferencesAreCounted()
    {
        var smithyFolder = SharedData.RequirePath("models", "smithy");
        var botocoreFolder = SharedData.RequirePath("models", "botocore");
        var clock = Stopwatch.StartNew();

        var smithy = Load(Directory.GetFiles(smithyFolder, "*.json"));
        var botocoreFiles = Directory.GetDirectories(botocoreFolder)
            .Select(service => Directory.GetDirectories(service).OrderBy(v => v, StringComparer.Ordinal).LastOrDefault())
            .Where(version => version is not null && File.Exists(Path.Combine(version, "service-2.json")))
            .Select(version => Path.Combine(version!, "service-2.json"))
            .ToList();
        var botocore = Load(botocoreFiles);

        var differences = new Dictionary<string, List<NamedModelComparison.Difference>>(StringComparer.Ordinal);
        foreach (var pair in smithy.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (botocore.TryGetValue(pair.Key, out var other))
            {
                differences[pair.Key] = NamedModelComparison.Compare(other, pair.Value);
            }
        }

        clock.Stop();
        output.WriteLine($"{smithy.Count} Smithy and {botocore.Count} botocore services named in {clock.Elapsed.TotalSeconds:F1} s; {differences.Count} in both");
        output.WriteLine($"only Smithy: {string.Join(", ", smithy.Keys.Where(k => !botocore.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))}");
        output.WriteLine($"identical in types, members, enum values and required-ness: {differences.Count(d => !d.Value.Any(x => NamedModelComparison.ApiKinds.Contains(x.Kind)))}");
        output.WriteLine("");
        output.WriteLine("Differences by kind (count, services):");
        var all = differences.SelectMany(d => d.Value.Select(x => (Service: d.Key, Difference: x))).ToList();
        foreach (var kind in all.GroupBy(x => x.Difference.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind.Key}: {kind.Count()} in {kind.Select(x => x.Service).Distinct().Count()} services");
            foreach (var example in kind.Take(3))
            {
                output.WriteLine($"      e.g. {example.Service}: {example.Difference.Where} {example.Difference.Detail}");
            }
        }

        output.WriteLine("");
        output.WriteLine("Per service (kind: count):");
        foreach (var service in differences.Where(d => d.Value.Count > 0).OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {service.Key}: " + string.Join(", ", service.Value.GroupBy(x => x.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")));
        }

        Assert.True(differences.ContainsKey(SeedServiceId), $"{SeedServiceId} is not in both formats");
        var seed = differences[SeedServiceId].Where(d => NamedModelComparison.ApiKinds.Contains(d.Kind)).ToList();
        Assert.True(seed.Count == 0, string.Join("\n", seed.Select(d => $"{d.Kind}: {d.Where} {d.Detail}")));
    }

    /// <summary>Reads and names each model; keyed by service id (first one wins if two files name one service).</summary>
    private static Dictionary<string, CodeModel> Load(IEnumerable<string> files)
    {
        var models = new ConcurrentDictionary<string, CodeModel>(StringComparer.Ordinal);
        Parallel.ForEach(files.OrderBy(f => f, StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var parsed = SpecPipeline.Parse(new SpecInput(file, File.ReadAllText(file), SpecOptions.Default), default);
            var named = SpecPipeline.Name(parsed, default);
            if (named.Model is { } model)
            {
                models.TryAdd(model.Metadata.ServiceId, model);
            }
        });
        return new Dictionary<string, CodeModel>(models, StringComparer.Ordinal);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Testing;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>
/// Every Smithy model of the shared corpus (models/smithy, about 400 AWS services, 127 MB) goes through the whole
/// pipeline — read, name, emit: the stages <see cref="SpecPipeline.Run"/> chains, called one by one to count what
/// each gives — without an internal error or any error diagnostic, and gives at least one operation and type.
/// Compiling the output is the sweep tool's job, not this test's.
/// </summary>
public class SmithyCorpusTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void EverySmithyModelIsReadNamedAndEmittedWithoutErrors()
    {
        var folder = SharedData.RequirePath("models", "smithy");
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 40, $"expected the Smithy corpus in {folder}, found {files.Count} models");

        var results = new ConcurrentBag<Outcome>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var input = new SpecInput(file, File.ReadAllText(file), SpecOptions.Default);
            var parsed = SpecPipeline.Parse(input, default);
            var named = SpecPipeline.Name(parsed, default);
            var emitted = SpecPipeline.Emit(named, default);
            results.Add(new Outcome(
                Path.GetFileName(file),
                parsed.Model?.Metadata.Protocol.DisplayName() ?? "?",
                named.Model?.Operations.Count ?? 0,
                named.Model?.Types.Count ?? 0,
                emitted.Files.Count,
                emitted.Diagnostics.ToList()));
        });
        clock.Stop();

        var outcomes = results.OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        foreach (var outcome in outcomes)
        {
            var errors = outcome.Diagnostics.Where(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error).ToList();
            foreach (var error in errors.Take(5))
            {
                failures.Add(outcome.File + ": " + error.Format());
            }

            if (errors.Count == 0 && (outcome.Operations == 0 || outcome.Types == 0 || outcome.Files == 0))
            {
                failures.Add($"{outcome.File}: produced {outcome.Operations} operations, {outcome.Types} types, {outcome.Files} files");
            }
        }

        output.WriteLine($"{outcomes.Count} Smithy models in {clock.Elapsed.TotalSeconds:F1} s: {outcomes.Sum(o => o.Operations)} operations, {outcomes.Sum(o => o.Types)} types, {outcomes.Sum(o => o.Files)} files");
        foreach (var protocol in outcomes.GroupBy(o => o.Protocol).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  protocol {protocol.Key}: {protocol.Count()} models");
        }

        foreach (var group in outcomes.SelectMany(o => o.Diagnostics).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key}: {group.Count()} diagnostics in {outcomes.Count(o => o.Diagnostics.Any(d => d.Id == group.Key))} models");
        }

        foreach (var diagnostic in outcomes.SelectMany(o => o.Diagnostics).Where(d => d.Id != DiagnosticDescriptors.ProtocolWithoutSerializer.Id).Take(40))
        {
            output.WriteLine("  " + diagnostic.Format());
        }

        foreach (var failure in failures)
        {
            output.WriteLine("FAILED " + failure);
        }

        Assert.DoesNotContain(outcomes.SelectMany(o => o.Diagnostics), d => d.Id == DiagnosticDescriptors.InternalError.Id);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    private sealed record Outcome(string File, string Protocol, int Operations, int Types, int Files, List<DiagnosticInfo> Diagnostics);
}

#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// A project with three models (the whole Cognito, KMS and DynamoDB models) whose generator has run once; then the
/// next run after nothing changed, after an unrelated C# edit, and after an edit of one model (a documentation
/// sentence of KMS Encrypt). Each invocation starts from the same driver state, so each measures one incremental
/// run. The regeneration columns come from the same scenarios with step tracking on (see <see cref="Counts"/>):
/// models re-emitted (outputs of the Files step that are New or Modified), the reason of the source output step,
/// the files the output step added again (all of them whenever it runs: it adds every model's files), and the
/// files whose text differs from the previous run's.
/// </summary>
[Config(typeof(IncrementalConfig))]
[BenchmarkCategory("Generator incremental")]
public class GeneratorIncremental
{
    public const string EditFrom = "Encrypts plaintext of up to 4,096 bytes";
    public const string EditTo = "Encrypts plaintext of up to 4 KiB";

    private Scenario _scenario = null!;
    private GeneratorDriver _base = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenario.Create();
        _base = GeneratorInputs.Driver(_scenario.Models, trackSteps: false).RunGenerators(_scenario.Compilation);
    }

    [Benchmark]
    public GeneratorDriver NoChange() => _base.RunGenerators(_scenario.SameCompilation);

    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit() => _base.RunGenerators(_scenario.EditedCompilation);

    [Benchmark]
    public GeneratorDriver OneModelEdit() => _base.ReplaceAdditionalText(_scenario.Kms, _scenario.KmsEdited).RunGenerators(_scenario.Compilation);

    [Benchmark]
    public GeneratorDriver ColdRunOfAllThree() => GeneratorInputs.Driver(_scenario.Models, trackSteps: false).RunGenerators(_scenario.Compilation);

    /// <summary>The inputs of every scenario.</summary>
    internal sealed class Scenario
    {
        public required AdditionalText[] Models { get; init; }
        public required AdditionalText Kms { get; init; }
        public required AdditionalText KmsEdited { get; init; }
        public required CSharpCompilation Compilation { get; init; }
        public required CSharpCompilation SameCompilation { get; init; }
        public required CSharpCompilation EditedCompilation { get; init; }

        public static Scenario Create()
        {
            var cognito = GeneratorInputs.Load("cognito-idp");
            var kms = GeneratorInputs.Load("kms");
            var dynamodb = GeneratorInputs.Load("dynamodb");
            var kmsText = kms.GetText().ToString();
            var editedText = kmsText.Replace(EditFrom, EditTo, StringComparison.Ordinal);
            if (editedText == kmsText)
            {
                throw new InvalidOperationException("the KMS model no longer holds the sentence the edit changes");
            }

            var compilation = GeneratorInputs.Compilation("class Program { static void Main() { } }");
            return new Scenario
            {
                Models = new AdditionalText[] { cognito, kms, dynamodb },
                Kms = kms,
                KmsEdited = new ModelText(kms.Path, editedText),
                Compilation = compilation,
                SameCompilation = compilation.Clone(),
                EditedCompilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int _x; public int X => _x; }", GeneratorInputs.ParseOptions)),
            };
        }
    }

    /// <summary>What one run of a scenario regenerated, read from the tracked steps and the generated sources.</summary>
    internal sealed record Regeneration(int ModelsReEmitted, string SourceOutput, int FilesAdded, int FilesChanged, int FilesTotal);

    internal static Regeneration Counts(string scenario) => CountsCache.GetOrAdd(scenario, static name =>
    {
        var inputs = Scenario.Create();
        var driver = GeneratorInputs.Driver(inputs.Models, trackSteps: true).RunGenerators(inputs.Compilation);
        var before = driver.GetRunResult().Results.Single();
        var next = name switch
        {
            nameof(NoChange) => driver.RunGenerators(inputs.SameCompilation),
            nameof(UnrelatedCSharpEdit) => driver.RunGenerators(inputs.EditedCompilation),
            nameof(OneModelEdit) => driver.ReplaceAdditionalText(inputs.Kms, inputs.KmsEdited).RunGenerators(inputs.Compilation),
            nameof(ColdRunOfAllThree) => GeneratorInputs.Driver(inputs.Models, trackSteps: true).RunGenerators(inputs.Compilation),
            _ => throw new ArgumentException(name),
        };
        var after = next.GetRunResult().Results.Single();
        var reEmitted = after.TrackedSteps.TryGetValue("Files", out var files)
            ? files.SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            : 0;
        var outputReasons = after.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).Distinct().ToList();
        var ran = outputReasons.Any(r => r != IncrementalStepRunReason.Cached);
        var old = before.GeneratedSources.ToDictionary(s => s.HintName, StringComparer.Ordinal);
        var changed = after.GeneratedSources.Count(s => !old.TryGetValue(s.HintName, out var o) || !o.SourceText.ContentEquals(s.SourceText));
        return new Regeneration(reEmitted, string.Join("/", outputReasons), ran ? after.GeneratedSources.Length : 0, changed, after.GeneratedSources.Length);
    });

    private static readonly ConcurrentDictionary<string, Regeneration> CountsCache = new();

    private sealed class IncrementalConfig : ManualConfig
    {
        public IncrementalConfig()
        {
            AddColumn(
                new FactColumn("Models re-emitted", b => Counts(Name(b)).ModelsReEmitted.ToString(CultureInfo.InvariantCulture)),
                new FactColumn("Source output", b => Counts(Name(b)).SourceOutput),
                new FactColumn("Files re-added", b => Counts(Name(b)).FilesAdded.ToString(CultureInfo.InvariantCulture)),
                new FactColumn("Files changed", b => Counts(Name(b)).FilesChanged.ToString(CultureInfo.InvariantCulture)),
                new FactColumn("Files total", b => Counts(Name(b)).FilesTotal.ToString(CultureInfo.InvariantCulture)));
        }

        private static string Name(BenchmarkDotNet.Running.BenchmarkCase benchmark) => benchmark.Descriptor.WorkloadMethod.Name;
    }
}
#endif

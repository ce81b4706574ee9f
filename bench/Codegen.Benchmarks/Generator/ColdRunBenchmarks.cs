#if CODEGEN_SHARED_MODELS
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// A cold generator run: a new CSharpGeneratorDriver (and generator instance) per invocation over one whole model,
/// in a warm process; against the floor of parsing the same text with System.Text.Json's JsonDocument.
/// </summary>
[Config(typeof(ColdRunConfig))]
[BenchmarkCategory("Generator cold run")]
public class GeneratorColdRun
{
    private ModelText _model = null!;
    private string _text = null!;
    private CSharpCompilation _compilation = null!;

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    public static string[] Models => GeneratorInputs.Models;

    [GlobalSetup]
    public void Setup()
    {
        _model = GeneratorInputs.Load(Model);
        _text = _model.GetText().ToString();
        _compilation = GeneratorInputs.Compilation("class Program { }");
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_text);
        return document.RootElement.GetProperty("shapes").GetPropertyCount();
    }

    [Benchmark]
    public GeneratorDriver DriverRun() => GeneratorInputs.Driver(new[] { _model }, trackSteps: false).RunGenerators(_compilation);

    /// <summary>What one cold run produces (computed once per model in the process that prints the table).</summary>
    internal static (int Operations, int Shapes, int Files, long Chars, int Diagnostics) Facts(string model) => FactsCache.GetOrAdd(model, static m =>
    {
        var text = GeneratorInputs.Load(m);
        using var document = JsonDocument.Parse(text.GetText().ToString());
        var result = GeneratorInputs.Driver(new[] { text }, trackSteps: false).RunGenerators(GeneratorInputs.Compilation("class Program { }")).GetRunResult();
        var sources = result.Results.Single().GeneratedSources;
        return (document.RootElement.GetProperty("operations").GetPropertyCount(), document.RootElement.GetProperty("shapes").GetPropertyCount(),
            sources.Length, sources.Sum(s => (long)s.SourceText.Length), result.Diagnostics.Length);
    });

    private static readonly ConcurrentDictionary<string, (int, int, int, long, int)> FactsCache = new();

    private sealed class ColdRunConfig : ManualConfig
    {
        public ColdRunConfig()
        {
            AddColumn(
                new FactColumn("Operations", b => Facts(Parameter(b)).Operations.ToString(CultureInfo.InvariantCulture)),
                new FactColumn("Shapes", b => Facts(Parameter(b)).Shapes.ToString(CultureInfo.InvariantCulture)),
                new FactColumn("Files out", b => Facts(Parameter(b)).Files.ToString(CultureInfo.InvariantCulture)),
                new FactColumn("Chars out", b => Facts(Parameter(b)).Chars.ToString(CultureInfo.InvariantCulture)));
        }

        private static string Parameter(BenchmarkDotNet.Running.BenchmarkCase benchmark) => (string)benchmark.Parameters["Model"];
    }
}
#endif

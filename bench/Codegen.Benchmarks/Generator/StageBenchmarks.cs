#if CODEGEN_SHARED_MODELS
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Codegen.Generator.Naming;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// Where a cold run's time goes: the generator's three stages (read the model, name it, emit C#) called directly
/// on each previous stage's output, and Roslyn parsing the emitted files into syntax trees (what the driver does
/// with every added source, lazily: when the compiler binds them, not inside the driver run), and a cold driver run
/// of a stand-in generator that only adds the same files (what Roslyn's driver costs around the generator:
/// AddSource, source texts, the lazy trees).
/// </summary>
[BenchmarkCategory("Generator stages")]
public class GeneratorStages
{
    private SpecInput _input = null!;
    private ParsedSpec _parsed = null!;
    private NamedSpec _named = null!;
    private string[] _files = null!;
    private (string HintName, string Source)[] _outputs = null!;
    private ModelText _model = null!;
    private CSharpCompilation _compilation = null!;

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "";

    public static string[] Models => GeneratorInputs.Models;

    [GlobalSetup]
    public void Setup()
    {
        var model = _model = GeneratorInputs.Load(Model);
        _compilation = GeneratorInputs.Compilation("class Program { }");
        _input = new SpecInput(model.Path, model.GetText().ToString(), SpecOptions.Parse(null, null, null));
        _parsed = SpecPipeline.Parse(_input, CancellationToken.None);
        _named = SpecPipeline.Name(_parsed, CancellationToken.None);
        var emitted = SpecPipeline.Emit(_named, CancellationToken.None).Files;
        _files = emitted.Select(f => f.Source).ToArray();
        _outputs = emitted.Select(f => (f.HintName, f.Source)).ToArray();
    }

    [Benchmark]
    public object Stage1_Read() => SpecPipeline.Parse(_input, CancellationToken.None);

    [Benchmark]
    public object Stage2_Name() => SpecPipeline.Name(_parsed, CancellationToken.None);

    [Benchmark]
    public object Stage3_Emit() => SpecPipeline.Emit(_named, CancellationToken.None);

    [Benchmark]
    public GeneratorDriver Roslyn_DriverAddSourcesOnly() => CSharpGeneratorDriver.Create(
            new[] { new ReplayGenerator(_outputs).AsSourceGenerator() },
            new[] { _model },
            GeneratorInputs.ParseOptions,
            new AwsModelOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false))
        .RunGenerators(_compilation);

    [Benchmark]
    public int Roslyn_ParseOutput()
    {
        var count = 0;
        foreach (var file in _files)
        {
            count += CSharpSyntaxTree.ParseText(file, GeneratorInputs.ParseOptions).Length;
        }

        return count;
    }
}
/// <summary>A generator that adds precomputed files for each AdditionalFile: the driver's cost without our stages.</summary>
internal sealed class ReplayGenerator((string HintName, string Source)[] outputs) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = outputs;
        context.RegisterSourceOutput(context.AdditionalTextsProvider.Collect(), (output, _) =>
        {
            foreach (var (hintName, source) in files)
            {
                output.AddSource(hintName, source);
            }
        });
    }
}
#endif

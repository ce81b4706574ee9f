using System.Diagnostics;
using System.IO;

namespace Codegen.Benchmarks.Generator;

/// <summary><c>generator-facts</c>: one untimed pass over the generator benchmarks, printing what each produces.</summary>
public static class GeneratorFacts
{
    public static int Run(TextWriter output)
    {
#if CODEGEN_SHARED_MODELS
        foreach (var model in GeneratorInputs.Models)
        {
            var watch = Stopwatch.StartNew();
            var facts = GeneratorColdRun.Facts(model);
            output.WriteLine($"{model}: {facts.Operations} operations, {facts.Shapes} shapes -> {facts.Files} files, {facts.Chars} chars, {facts.Diagnostics} diagnostics (first run in this process: {watch.ElapsedMilliseconds} ms)");
            var stages = new GeneratorStages { Model = model };
            stages.Setup();
            stages.Stage1_Read();
            stages.Stage2_Name();
            stages.Stage3_Emit();
            stages.Roslyn_ParseOutput();
        }

        foreach (var scenario in new[] { nameof(GeneratorIncremental.NoChange), nameof(GeneratorIncremental.UnrelatedCSharpEdit), nameof(GeneratorIncremental.OneModelEdit), nameof(GeneratorIncremental.ColdRunOfAllThree) })
        {
            output.WriteLine($"{scenario}: {GeneratorIncremental.Counts(scenario)}");
        }

        var incremental = new GeneratorIncremental();
        incremental.Setup();
        incremental.NoChange();
        incremental.UnrelatedCSharpEdit();
        incremental.OneModelEdit();
        return 0;
#else
        output.WriteLine("the shared models are missing: nothing to run");
        return 1;
#endif
    }
}

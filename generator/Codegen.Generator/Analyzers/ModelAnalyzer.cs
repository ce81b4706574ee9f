using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Generator.Analyzers;

/// <summary>
/// An analyzer of user code against the compilation's models: skips generated code, runs concurrently, and starts
/// its per-compilation work (<see cref="Start"/>) only when the project lists a model without errors.
/// </summary>
public abstract class ModelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!IsEnabled(start.Options))
            {
                return;
            }

            var index = ModelIndex.For(start.Compilation, start.Options, start.CancellationToken);
            if (!index.IsEmpty || RunsWithoutModels)
            {
                Start(start, index);
            }
        });
    }

    /// <summary>Whether the analyzer has anything to do in this project at all (before the models are read).</summary>
    private protected virtual bool IsEnabled(AnalyzerOptions options) => true;

    /// <summary>Whether <see cref="Start"/> runs when the project has no model (to report that nothing is called).</summary>
    private protected virtual bool RunsWithoutModels => false;

    /// <summary>Registers the analyzer's actions for one compilation.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext start, ModelIndex index);
}

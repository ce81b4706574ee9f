using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Generator.Analyzers;

/// <summary>
/// With <c>&lt;AwsIamPolicyOutput&gt;path&lt;/AwsIamPolicyOutput&gt;</c> in the project: collects every operation the
/// code can call (generated client methods, <c>SendAsync</c> with a generated request) and reports them once (CG1010,
/// info) with the least-privilege policy in the diagnostic's <c>Policy</c> property; the package's build target reads
/// it from the compiler's error log and writes the file (an analyzer must not write files). A call whose operation
/// the code does not show is CG1011. Nothing runs without the property.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IamPolicyAnalyzer : ModelAnalyzer
{
    /// <summary>The MSBuild property naming the file the policy is written to (visible to the compiler, see Codegen.props).</summary>
    public const string OutputProperty = "build_property.AwsIamPolicyOutput";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(AnalyzerDescriptors.IamActions, AnalyzerDescriptors.IamUnknownOperation);

    private protected override bool IsEnabled(AnalyzerOptions options) => Output(options) is not null;

    private protected override bool RunsWithoutModels => true;

    private static string? Output(AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(OutputProperty, out var output) && !string.IsNullOrWhiteSpace(output) ? output.Trim() : null;

    private protected override void Start(CompilationStartAnalysisContext start, ModelIndex index)
    {
        var output = Output(start.Options);

        // Keyed by name: comparing whole models (records) for every call would cost too much on a large model.
        var calls = new ConcurrentDictionary<(string Namespace, string Operation), OperationCall>();
        start.RegisterOperationAction(
            c =>
            {
                switch (OperationCalls.Resolve((IInvocationOperation)c.Operation, index))
                {
                    case (OperationCalls.Kind.Operation, { } call):
                        calls.TryAdd((call.Model.Namespace, call.Operation.Operation.Name), call);
                        break;
                    case (OperationCalls.Kind.Unknown, _):
                        c.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.IamUnknownOperation, c.Operation.Syntax.GetLocation(),
                            "the operation this call sends is not known at compile time, so the IAM policy written to AwsIamPolicyOutput does not include it; call the generated client method or pass the generated request type"));
                        break;
                }
            },
            OperationKind.Invocation);
        start.RegisterCompilationEndAction(end =>
        {
            var (actions, document) = IamPolicy.Build(calls.Values);
            var message = actions.Count == 0
                ? $"this code calls no AWS operation; the IAM policy written to {output} allows nothing"
                : $"this code calls {actions.Count} AWS action{(actions.Count == 1 ? "" : "s")}, written as an IAM policy to {output}: {string.Join(", ", actions)}";
            end.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.IamActions, Location.None,
                ImmutableDictionary<string, string?>.Empty.Add(AnalyzerDescriptors.PolicyProperty, document), message));
        });
    }
}

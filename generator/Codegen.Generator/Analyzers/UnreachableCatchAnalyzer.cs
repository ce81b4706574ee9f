using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Generator.Analyzers;

/// <summary>
/// CG1030: a catch clause for a generated error type (<c>catch (CodeMismatchException)</c>) whose try block calls
/// only operations that do not list that error in the model. Calls into methods of the same compilation are
/// followed (their summaries are joined at the end of the compilation); anything the analysis cannot see through
/// (a delegate invoked, a virtual or interface method, a task awaited that was started elsewhere, a request of an
/// unknown operation, a rethrown base exception) makes it stay silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreachableCatchAnalyzer : ModelAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.UnreachableCatch);

    private protected override void Start(CompilationStartAnalysisContext start, ModelIndex index)
    {
        var state = new CompilationState(index);
        start.RegisterOperationBlockAction(block => state.Summarize(block));
        start.RegisterCompilationEndAction(end => state.Report(end));
    }

    /// <summary>What a piece of code can throw: generated error types, the source methods it calls, or anything (unknown).</summary>
    private sealed class Summary
    {
        public HashSet<string> Errors { get; } = new(System.StringComparer.Ordinal);

        public HashSet<IMethodSymbol> Callees { get; } = new(SymbolEqualityComparer.Default);

        public bool Unknown { get; set; }
    }

    private sealed record Candidate(Location Location, string ErrorType, string ErrorName, Summary Body);

    private sealed class CompilationState
    {
        private readonly ModelIndex _index;
        private readonly ConcurrentDictionary<IMethodSymbol, Summary> _methods = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<Candidate> _candidates = new();

        public CompilationState(ModelIndex index) => _index = index;

        public void Summarize(OperationBlockAnalysisContext context)
        {
            var whole = new Summary();
            foreach (var block in context.OperationBlocks)
            {
                Collect(block, whole);
                foreach (var operation in block.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case ITryOperation { Catches.Length: > 0 } attempt:
                            AddCandidates(attempt);
                            break;
                        case ILocalFunctionOperation { Symbol: var function } local:
                            var summary = new Summary();
                            Collect(local.Body ?? local.IgnoredBody, summary);
                            _methods[function.OriginalDefinition] = summary;
                            break;
                    }
                }
            }

            if (context.OwningSymbol is IMethodSymbol method)
            {
                _methods[method.OriginalDefinition] = whole;
            }
        }

        private void AddCandidates(ITryOperation attempt)
        {
            Summary? body = null;
            foreach (var clause in attempt.Catches)
            {
                if (_index.Find(clause.ExceptionType) is { Type: { Role: TypeRole.Error } error } owner)
                {
                    if (body is null)
                    {
                        body = new Summary();
                        Collect(attempt.Body, body);
                    }

                    var location = clause.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CatchClauseSyntax { Declaration: { } declaration }
                        ? declaration.Type.GetLocation()
                        : clause.Syntax.GetLocation();
                    _candidates.Add(new Candidate(location, owner.Model.Namespace + "." + error.TypeName, error.TypeName, body));
                }
            }
        }

        private void Collect(IOperation? root, Summary summary)
        {
            if (root is null)
            {
                return;
            }

            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        Call(invocation, summary);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor }:
                        Callee(constructor, summary);
                        break;
                    case IPropertyReferenceOperation { Property: var property }:
                        if (IsTask(property.Type))
                        {
                            summary.Unknown = true; // a task from elsewhere: awaiting it throws what it threw
                        }

                        if (property.GetMethod is { } getter)
                        {
                            Callee(getter, summary);
                        }

                        break;
                    case IMethodReferenceOperation { Method: var referenced }:
                        Callee(referenced, summary);
                        break;
                    case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation when IsTask(operation.Type):
                        summary.Unknown = true;
                        break;
                    case IThrowOperation { Exception: { } thrown }:
                        var type = thrown is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand.Type : thrown.Type;
                        if (_index.Find(type) is { Type: { Role: TypeRole.Error } error } owner)
                        {
                            summary.Errors.Add(owner.Model.Namespace + "." + error.TypeName);
                        }
                        else if (type is null || !type.IsSealed)
                        {
                            summary.Unknown = true; // a base type: any error may be thrown here
                        }

                        break;
                }
            }
        }

        private void Call(IInvocationOperation invocation, Summary summary)
        {
            var method = invocation.TargetMethod;
            switch (OperationCalls.Resolve(invocation, _index))
            {
                case (OperationCalls.Kind.Operation, { } call):
                    foreach (var error in call.Operation.ErrorTypeNames)
                    {
                        summary.Errors.Add(call.Model.Namespace + "." + error);
                    }

                    return;
                case (OperationCalls.Kind.Unknown, _):
                    summary.Unknown = true;
                    return;
            }

            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                summary.Unknown = true;
                return;
            }

            Callee(method, summary);
        }

        /// <summary>A method of this compilation: followed at the end; one that may be overridden is unknown.</summary>
        private void Callee(IMethodSymbol method, Summary summary)
        {
            if (method.DeclaringSyntaxReferences.IsEmpty || _index.Find(method.ContainingType) is not null)
            {
                return; // metadata (cannot name the generated types) or generated code (does not throw service errors)
            }

            if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType.TypeKind == TypeKind.Interface)
            {
                summary.Unknown = true;
                return;
            }

            summary.Callees.Add((method.PartialImplementationPart ?? method).OriginalDefinition);
        }

        private static bool IsTask(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask" or "IAsyncEnumerable" or "IAsyncEnumerator" } named
            && named.ContainingNamespace?.ToDisplayString() is "System.Threading.Tasks" or "System.Collections.Generic";

        public void Report(CompilationAnalysisContext context)
        {
            foreach (var candidate in _candidates)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var (errors, unknown) = Close(candidate.Body);
                if (!unknown && !errors.Contains(candidate.ErrorType))
                {
                    var called = errors.Count == 0 ? "no operation in the try block lists any error" : "the operations called in the try block do not list it";
                    context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.UnreachableCatch, candidate.Location,
                        $"{candidate.ErrorName} cannot be thrown here: {called} in the model"));
                }
            }
        }

        /// <summary>Everything a summary can throw, through the methods it calls (a cycle adds nothing new).</summary>
        private (HashSet<string> Errors, bool Unknown) Close(Summary start)
        {
            var errors = new HashSet<string>(start.Errors, System.StringComparer.Ordinal);
            var unknown = start.Unknown;
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<IMethodSymbol>(start.Callees);
            while (pending.Count > 0 && !unknown)
            {
                var method = pending.Pop();
                if (!visited.Add(method))
                {
                    continue;
                }

                if (!_methods.TryGetValue(method, out var summary))
                {
                    unknown = true; // no body we analyzed (extern, partial without implementation, another generator's code)
                    break;
                }

                errors.UnionWith(summary.Errors);
                unknown |= summary.Unknown;
                foreach (var callee in summary.Callees)
                {
                    pending.Push(callee);
                }
            }

            return (errors, unknown);
        }
    }
}

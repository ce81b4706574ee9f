using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Generator.Analyzers;

/// <summary>
/// CG1020: within one method (lambdas included), a member the model marks sensitive, or a value read from one,
/// reaches Console output, a logger, an interpolated string or <c>ToString</c> of a type that does not redact it.
/// A value is sensitive when it is read from such a member (a property, a lens <c>Get</c>, a union case's
/// <c>Value</c>), or is a local assigned from one, a string built from one (<c>+</c>, string methods), or an
/// object or array of a type that is not generated holding one. Generated types redact sensitive members in their
/// <c>ToString</c>, so building a request from a secret is fine; so is using a value derived by any other
/// call (<c>secret.Length</c>, <c>Convert.FromBase64String(secret)</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveDataAnalyzer : ModelAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnalyzerDescriptors.SensitiveDataFlow);

    private protected override void Start(CompilationStartAnalysisContext start, ModelIndex index)
    {
        if (HasSensitiveMembers(index))
        {
            start.RegisterOperationBlockAction(block => new Flow(index, block).Run());
        }
    }

    private static bool HasSensitiveMembers(ModelIndex index)
    {
        foreach (var model in index.Models)
        {
            foreach (var type in model.Types)
            {
                foreach (var member in type.Members)
                {
                    if (member.Sensitive)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The analysis of one operation block: sensitive locals first (to a fixed point), then the sinks.</summary>
    private sealed class Flow
    {
        private readonly ModelIndex _index;
        private readonly OperationBlockAnalysisContext _context;
        private readonly Dictionary<ILocalSymbol, string> _sensitiveLocals = new(SymbolEqualityComparer.Default);

        public Flow(ModelIndex index, OperationBlockAnalysisContext context)
        {
            _index = index;
            _context = context;
        }

        public void Run()
        {
            var operations = new List<IOperation>();
            foreach (var block in _context.OperationBlocks)
            {
                operations.AddRange(block.DescendantsAndSelf());
            }

            // Locals: a few rounds reach a fixed point (each round can only add locals).
            for (var round = 0; round < 8 && MarkLocals(operations); round++)
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var operation in operations)
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        CheckCall(invocation);
                        break;
                    case IInterpolationOperation hole when Origin(hole.Expression) is { } origin:
                        Report(hole.Expression, origin, "is written into an interpolated string");
                        break;
                }
            }
        }

        private bool MarkLocals(List<IOperation> operations)
        {
            var changed = false;
            foreach (var operation in operations)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } value, Symbol: var local }:
                        changed |= Mark(local, value);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local }, Value: var value }:
                        changed |= Mark(local, value);
                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } pattern when pattern.Parent is IIsPatternOperation { Value: var value }:
                        changed |= Mark(local, value);
                        break;
                    case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } pattern when pattern.Parent is IIsPatternOperation { Value: var value }:
                        changed |= Mark(local, value);
                        break;
                    case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol: var local }, Collection: var collection }:
                        changed |= Mark(local, collection);
                        break;
                    case IInvocationOperation invocation:
                        changed |= MarkTryGet(invocation);
                        break;
                }
            }

            return changed;
        }

        private bool Mark(ILocalSymbol local, IOperation value)
        {
            if (_sensitiveLocals.ContainsKey(local) || Origin(value) is not { } origin)
            {
                return false;
            }

            _sensitiveLocals[local] = origin;
            return true;
        }

        /// <summary>The sensitive member <paramref name="operation"/>'s value comes from (<c>Type.Member</c>), or null.</summary>
        private string? Origin(IOperation? operation)
        {
            switch (operation)
            {
                case null:
                    return null;
                case IConversionOperation conversion:
                    return Origin(conversion.Operand);
                case ILocalReferenceOperation reference:
                    return _sensitiveLocals.TryGetValue(reference.Local, out var origin) ? origin : null;
                case IPropertyReferenceOperation property:
                    return SensitiveProperty(property) ?? (property.Property.IsIndexer ? Origin(property.Instance) : null);
                case IArrayElementReferenceOperation element:
                    return Origin(element.ArrayReference);
                case IConditionalAccessOperation access:
                    return Origin(access.WhenNotNull);
                case ICoalesceOperation coalesce:
                    return Origin(coalesce.Value) ?? Origin(coalesce.WhenNull);
                case IConditionalOperation conditional:
                    return Origin(conditional.WhenTrue) ?? Origin(conditional.WhenFalse);
                case ISimpleAssignmentOperation assignment:
                    return Origin(assignment.Value);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    return Origin(concatenation.LeftOperand) ?? Origin(concatenation.RightOperand);
                case IInvocationOperation invocation:
                    return InvocationOrigin(invocation);
                case IObjectCreationOperation creation when _index.Find(creation.Type) is null:
                    return FirstOrigin(creation.Arguments) ?? (creation.Initializer is { } initializer ? FirstOrigin(initializer.Initializers) : null);
                case IAnonymousObjectCreationOperation anonymous:
                    return FirstOrigin(anonymous.Initializers);
                case IArrayCreationOperation { Initializer: { } elements }:
                    return FirstOrigin(elements.ElementValues);
                default:
                    return null;
            }
        }

        private string? FirstOrigin<T>(ImmutableArray<T> operations)
            where T : IOperation
        {
            foreach (var operation in operations)
            {
                if (Origin(operation is IArgumentOperation argument ? argument.Value : operation) is { } origin)
                {
                    return origin;
                }
            }

            return null;
        }

        private string? InvocationOrigin(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;

            // A string made from a sensitive one (Trim, Substring, string.Concat, string.Join, ...) is as sensitive.
            if (method.ContainingType.SpecialType == SpecialType.System_String && method.ReturnType.SpecialType == SpecialType.System_String)
            {
                return Origin(invocation.Instance) ?? FirstOrigin(invocation.Arguments);
            }

            if (method.Name == "ToString" && method.Parameters.IsEmpty && invocation.Instance?.Type?.SpecialType == SpecialType.System_String)
            {
                return Origin(invocation.Instance);
            }

            // A generated lens or optional onto a sensitive member: Type.Lenses.Member.Get(value),
            // Type.Optionals.Member.GetOrDefault(value, fallback).
            if (method.Name is "Get" or "GetOrDefault")
            {
                return FocusOrigin(invocation.Instance);
            }

            return null;
        }

        /// <summary>The sensitive member a generated <c>Type.Lenses.Member</c> or <c>Type.Optionals.Member</c> focuses on, or null.</summary>
        private string? FocusOrigin(IOperation? focus)
        {
            if (focus is IPropertyReferenceOperation { Property: { IsStatic: true } lens }
                && lens.ContainingType is { Name: "Lenses" or "Optionals", ContainingType: { } owner } && _index.Find(owner) is { Type: { } type }
                && Member(type, lens.Name) is { Sensitive: true } member)
            {
                return type.TypeName + "." + member.PropertyName;
            }

            return null;
        }

        /// <summary>
        /// The out local of <c>Type.Optionals.Member.TryGet(value, out var local)</c> onto a sensitive member is as
        /// sensitive as the member.
        /// </summary>
        private bool MarkTryGet(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name != "TryGet" || invocation.Arguments.Length != 2 || FocusOrigin(invocation.Instance) is not { } origin)
            {
                return false;
            }

            var target = invocation.Arguments[1].Value is IDeclarationExpressionOperation declaration ? declaration.Expression : invocation.Arguments[1].Value;
            if (target is not ILocalReferenceOperation { Local: var local } || _sensitiveLocals.ContainsKey(local))
            {
                return false;
            }

            _sensitiveLocals[local] = origin;
            return true;
        }

        private string? SensitiveProperty(IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            var generated = _index.Find(property.ContainingType);
            if (generated is { UnionCase: { Sensitive: true } unionCase, Type: { } union } && property.Name == "Value")
            {
                return union.TypeName + "." + unionCase.PropertyName;
            }

            return generated is { Type: { } type, UnionCase: null } && Member(type, property.Name) is { Sensitive: true } member
                ? type.TypeName + "." + member.PropertyName
                : null;
        }

        private static CodeMember? Member(CodeType type, string propertyName)
        {
            foreach (var member in type.Members)
            {
                if (member.PropertyName == propertyName)
                {
                    return member;
                }
            }

            return null;
        }

        private void CheckCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "ToString" && method.Parameters.IsEmpty && invocation.Instance is { } instance
                && instance.Type?.SpecialType != SpecialType.System_String && _index.Find(instance.Type) is null
                && Origin(instance) is { } origin)
            {
                Report(instance, origin, $"is turned into text by {instance.Type?.Name ?? "an object"}.ToString(), which does not redact it");
                return;
            }

            if (SinkName(invocation) is not { } sink)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                // params arrays (logger arguments, Console.WriteLine(format, args)) are checked element by element.
                var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } items }
                    ? items.ElementValues
                    : ImmutableArray.Create(argument.Value);
                foreach (var value in values)
                {
                    if (Origin(value) is { } valueOrigin)
                    {
                        Report(value, valueOrigin, "reaches " + sink);
                    }
                }
            }
        }

        /// <summary><c>Console.WriteLine</c>, <c>Console.Error.Write</c>, <c>ILogger.Log</c>, <c>logger.LogInformation</c> ...; null for other calls.</summary>
        private static string? SinkName(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (method.Name.StartsWith("Write", StringComparison.Ordinal))
            {
                if (IsType(type, "System", "Console"))
                {
                    return "Console." + method.Name;
                }

                if (invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } stream } && IsType(stream.ContainingType, "System", "Console"))
                {
                    return $"Console.{stream.Name}.{method.Name}";
                }
            }

            if (IsLogger(type) || (invocation.Instance?.Type is { } receiver && IsLogger(receiver))
                || (method.IsExtensionMethod || method.IsStatic) && method.Parameters.Length > 0 && IsLogger(method.Parameters[0].Type))
            {
                return "a logger (" + method.Name + ")";
            }

            return null;
        }

        private static bool IsLogger(ITypeSymbol type)
        {
            if (IsLoggerInterface(type) || IsType(type, "Microsoft.Extensions.Logging", "LoggerExtensions"))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsLoggerInterface(implemented))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLoggerInterface(ITypeSymbol type) => IsType(type, "Microsoft.Extensions.Logging", "ILogger");

        private static bool IsType(ITypeSymbol type, string ns, string name) =>
            type.Name == name && type.ContainingNamespace?.ToDisplayString() == ns;

        private void Report(IOperation at, string origin, string what) =>
            _context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.SensitiveDataFlow, at.Syntax.GetLocation(),
                $"{origin} is sensitive in the model and {what}"));
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codegen.Generator.Analyzers;

/// <summary>
/// Checks constants given to generated types against the model: arguments of constructors and <c>With*</c>
/// methods, values in object initializers, and arrays given for lists (their length and constant elements)
/// (CG1001 lengths and ranges, CG1002 patterns, CG1003 null for a required member), and strings turned into
/// enum values (CG1004 a value the model does not list, with a suggestion; CG1005 a known value that has a property).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : ModelAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AnalyzerDescriptors.ConstraintViolated,
        AnalyzerDescriptors.PatternViolated,
        AnalyzerDescriptors.RequiredMemberNull,
        AnalyzerDescriptors.UnknownEnumValue,
        AnalyzerDescriptors.EnumValueAsString);

    private protected override void Start(CompilationStartAnalysisContext start, ModelIndex index)
    {
        start.RegisterOperationAction(c => AnalyzeCreation(c, index, (IObjectCreationOperation)c.Operation), OperationKind.ObjectCreation);
        start.RegisterOperationAction(c => AnalyzeInvocation(c, index, (IInvocationOperation)c.Operation), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeAssignment(c, index, (ISimpleAssignmentOperation)c.Operation), OperationKind.SimpleAssignment);
        start.RegisterOperationAction(c => AnalyzeConversion(c, index, (IConversionOperation)c.Operation), OperationKind.Conversion);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, ModelIndex index, IObjectCreationOperation creation)
    {
        if (creation.Constructor is not { } constructor || index.Find(constructor.ContainingType) is not { } generated)
        {
            return;
        }

        if (generated.UnionCase is { } unionCase)
        {
            foreach (var argument in creation.Arguments)
            {
                CheckValue(context, unionCase, argument.Value, required: true); // a case always holds a value
            }

            return;
        }

        if (generated.Type is not { } type)
        {
            return;
        }

        if (type.Shape.Kind is ShapeKind.Enum or ShapeKind.IntEnum)
        {
            if (creation.Arguments.Length == 1)
            {
                CheckEnum(context, type, creation.Arguments[0].Value);
            }

            return;
        }

        if (type.Role == TypeRole.Error)
        {
            return; // an exception's constructor takes the parts of an error response, not members
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && MemberByParameter(type, parameter.Name) is { } member)
            {
                CheckValue(context, member, argument.Value, required: true);
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ModelIndex index, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Parameters.Length != 1 || !method.Name.StartsWith("With", StringComparison.Ordinal) || method.IsStatic
            || index.Find(method.ContainingType) is not { Type: { Role: not TypeRole.Error } type, UnionCase: null })
        {
            return;
        }

        if (MemberByProperty(type, method.Name.Substring(4)) is { } member && invocation.Arguments.Length == 1)
        {
            CheckValue(context, member, invocation.Arguments[0].Value, !member.Nullable);
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ModelIndex index, ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IPropertyReferenceOperation { Property: var property }
            && index.Find(property.ContainingType) is { Type: { Role: not TypeRole.Error } type, UnionCase: null }
            && MemberByProperty(type, property.Name) is { } member)
        {
            CheckValue(context, member, assignment.Value, !member.Nullable);
        }
    }

    private static void AnalyzeConversion(OperationAnalysisContext context, ModelIndex index, IConversionOperation conversion)
    {
        if (conversion.OperatorMethod is { } method && !conversion.IsImplicit
            && index.Find(conversion.Type) is { Type: { Shape.Kind: ShapeKind.Enum or ShapeKind.IntEnum } type }
            && SymbolEqualityComparer.Default.Equals(method.ReturnType, conversion.Type))
        {
            CheckEnum(context, type, conversion.Operand);
        }
    }

    private static CodeMember? MemberByParameter(CodeType type, string parameterName)
    {
        foreach (var member in type.Members)
        {
            if (!member.Nullable && member.ParameterName.TrimStart('@') == parameterName)
            {
                return member;
            }
        }

        return null;
    }

    private static CodeMember? MemberByProperty(CodeType type, string propertyName)
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

    private static void CheckValue(OperationAnalysisContext context, CodeMember member, IOperation value, bool required)
    {
        var problems = new List<ConstraintProblem>();

        // A conversion to a nullable type (int to int?) has no constant value of its own: look through it.
        if (Unwrap(value).ConstantValue is { HasValue: true, Value: var constant })
        {
            if (constant is null)
            {
                if (required)
                {
                    context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.RequiredMemberNull, value.Syntax.GetLocation(), ConstraintCheck.Missing(member.WireName)));
                }

                return;
            }

            ConstraintCheck.Constant(member.Type, constant, member.WireName, problems);
            Report(context, value, problems);
            return;
        }

        // A list given as an array: its length when constant, and each constant element of its initializer.
        if (member.Type is not { Kind: ShapeKind.List, Element: { } element } list || Unwrap(value) is not IArrayCreationOperation { DimensionSizes.Length: 1 } array)
        {
            return;
        }

        if (array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int length })
        {
            ConstraintCheck.Length(member.WireName, length, list.Min, list.Max, problems);
            Report(context, value, problems);
        }

        if (array.Initializer is { } initializer)
        {
            for (var i = 0; i < initializer.ElementValues.Length; i++)
            {
                var item = initializer.ElementValues[i];
                if (item.ConstantValue is { HasValue: true, Value: { } itemValue })
                {
                    ConstraintCheck.Constant(element, itemValue, ConstraintCheck.Index(member.WireName, i), problems);
                    Report(context, item, problems);
                }
            }
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation at, List<ConstraintProblem> problems)
    {
        foreach (var problem in problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, at.Syntax.GetLocation(), problem.Message));
        }

        problems.Clear();
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static void CheckEnum(OperationAnalysisContext context, CodeType type, IOperation value)
    {
        if (value.ConstantValue is not { HasValue: true, Value: { } constant })
        {
            return;
        }

        var isInt = type.Shape.Kind == ShapeKind.IntEnum;
        var text = Convert.ToString(constant, CultureInfo.InvariantCulture) ?? string.Empty;
        var written = isInt ? text : Emit.CSharp.Literal(text);
        var known = type.EnumValues.FirstOrDefault(v => isInt ? v.IntValue?.ToString(CultureInfo.InvariantCulture) == text : v.Value == text);
        if (known is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.EnumValueAsString, value.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(AnalyzerDescriptors.EnumMemberProperty, known.MemberName),
                $"use {type.TypeName}.{known.MemberName} instead of {written}"));
            return;
        }

        var suggestion = isInt ? null : EnumSuggestion.Closest(text, type.EnumValues);
        var message = $"{written} is not a value of {type.TypeName} in the model";
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (suggestion is not null)
        {
            message += $"; did you mean {suggestion.Value}?";
            properties = properties.Add(AnalyzerDescriptors.EnumMemberProperty, suggestion.MemberName);
        }
        else if (type.EnumValues.Count is > 0 and <= 10)
        {
            message += "; it lists " + string.Join(", ", type.EnumValues.Select(v => isInt ? v.IntValue?.ToString(CultureInfo.InvariantCulture) : v.Value));
        }

        context.ReportDiagnostic(Diagnostic.Create(AnalyzerDescriptors.UnknownEnumValue, value.Syntax.GetLocation(), properties, message));
    }
}

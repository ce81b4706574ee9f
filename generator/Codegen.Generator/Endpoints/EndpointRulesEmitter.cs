using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Generator.Readers;

namespace Codegen.Generator.Endpoints;

/// <summary>A rule set to compile: the file's path and text (botocore rule set JSON, or a Smithy model with the trait) and where the code goes.</summary>
/// <param name="Path">The file, for diagnostics.</param>
/// <param name="Text">Its text.</param>
/// <param name="Namespace">The namespace of the generated types (the service's namespace).</param>
/// <param name="ServiceName">The service's C# name, e.g. <c>CognitoIdentityProvider</c>: the types are <c>{ServiceName}EndpointParameters</c> and <c>{ServiceName}EndpointResolver</c>.</param>
/// <param name="IsPublic">Whether the types are public (else internal).</param>
internal sealed record EndpointRulesInput(string Path, string Text, string Namespace, string ServiceName, bool IsPublic = true);

/// <summary>The generated files (none when there are errors), every diagnostic, and the names the code uses.</summary>
internal sealed record EndpointRulesOutput(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics, EndpointRulesInfo? Info);

/// <summary>The generated types and, for each rule set parameter, its property: what a caller needs to fill the parameters.</summary>
internal sealed record EndpointRulesInfo(string Namespace, string ParametersTypeName, string ResolverTypeName, EquatableArray<EndpointParameterBinding> Parameters);

/// <summary>
/// Compiles an endpoint rule set into two files: <c>{Service}EndpointParameters</c> (a record with one property per
/// rule set parameter: its type, default, whether it is required, the built-in that fills it, its documentation)
/// and <c>{Service}EndpointResolver</c> (a static <c>Resolve</c> method whose body is the rules as straight-line
/// C#, see <see cref="EndpointRulesCompiler"/>). Hint names are <c>{Namespace}/{Type}.g.cs</c>, as for model types.
/// </summary>
internal static class EndpointRulesEmitter
{
    private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone",
    };

    /// <summary>Reads and compiles the rule set in <paramref name="input"/>. Never throws for bad input: problems are diagnostics.</summary>
    public static EndpointRulesOutput Emit(EndpointRulesInput input, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag(input.Path);
        var ruleSet = EndpointRuleSetReader.ReadText(input.Text, diagnostics, cancellationToken);
        if (ruleSet is null || diagnostics.HasErrors)
        {
            return new EndpointRulesOutput(EquatableArray<GeneratedFile>.Empty, diagnostics.Items.ToEquatableArray(), null);
        }

        return Emit(ruleSet, input, diagnostics, cancellationToken);
    }

    /// <summary>Compiles a rule set already read (e.g. from a model's trait); <paramref name="diagnostics"/> collects the problems.</summary>
    public static EndpointRulesOutput Emit(EndpointRuleSet ruleSet, EndpointRulesInput input, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var parametersName = input.ServiceName + "EndpointParameters";
        var resolverName = input.ServiceName + "EndpointResolver";
        var taken = new HashSet<string>(ReservedMembers, StringComparer.Ordinal) { parametersName };
        var bindings = ruleSet.Parameters
            .Select(p => new EndpointParameterBinding(p, Identifiers.Unique(Identifiers.ToPascalCase(p.Name), taken), p.Default is null && !p.Required))
            .ToList();

        var accessibility = input.IsPublic ? "public" : "internal";
        var parametersFile = EmitParameters(input, parametersName, resolverName, accessibility, bindings);
        var resolverFile = EmitResolver(ruleSet, input, parametersName, resolverName, accessibility, bindings, diagnostics, cancellationToken);
        var info = new EndpointRulesInfo(input.Namespace, parametersName, resolverName, bindings.ToEquatableArray());
        var files = diagnostics.HasErrors
            ? EquatableArray<GeneratedFile>.Empty
            : new[]
            {
                new GeneratedFile(input.Namespace + "/" + parametersName + ".g.cs", parametersFile),
                new GeneratedFile(input.Namespace + "/" + resolverName + ".g.cs", resolverFile),
            }.ToEquatableArray();
        return new EndpointRulesOutput(files, diagnostics.Items.ToEquatableArray(), diagnostics.HasErrors ? null : info);
    }

    private static string EmitParameters(EndpointRulesInput input, string name, string resolverName, string accessibility, List<EndpointParameterBinding> bindings)
    {
        var w = SourceWriter.StartFile(input.Namespace);
        w.Line($"/// <summary>The inputs of the endpoint rules that <see cref=\"{resolverName}\"/> evaluates: client settings, request members and constants.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{accessibility} sealed record {name}");
        w.OpenBrace();
        var first = true;
        foreach (var binding in bindings)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var parameter = binding.Parameter;
            DocComments.Summary(w, parameter.Documentation, $"The endpoint rules parameter {DocComments.Escape(parameter.Name)}.");
            var remarks = new List<string>();
            if (parameter.BuiltIn is { } builtIn)
            {
                remarks.Add($"Set from the SDK setting <c>{DocComments.Escape(builtIn)}</c>.");
            }

            if (parameter.Default is { } defaultValue)
            {
                remarks.Add($"Default <c>{DocComments.Escape(DescribeLiteral(defaultValue))}</c>.");
            }
            else if (parameter.Required)
            {
                remarks.Add("Required.");
            }

            if (parameter.Name != binding.PropertyName)
            {
                remarks.Add($"Rule set name: <c>{DocComments.Escape(parameter.Name)}</c>.");
            }

            if (remarks.Count > 0)
            {
                w.Line("/// <remarks>" + string.Join(" ", remarks) + "</remarks>");
            }

            if (parameter.Deprecated is { } deprecated)
            {
                w.Line($"[global::System.Obsolete({CSharp.Literal(deprecated.Length == 0 ? "The endpoint rules mark this parameter as deprecated." : deprecated)})]");
            }

            var type = parameter.Type switch
            {
                EndpointParameterType.String => "string",
                EndpointParameterType.Boolean => "bool",
                _ => "global::System.Collections.Generic.IReadOnlyList<string>",
            } + (binding.IsNullable ? "?" : string.Empty);
            var required = parameter.Required && parameter.Default is null ? "required " : string.Empty;
            var initializer = parameter.Default is { } value && !IsTypeDefault(value) ? " = " + Literal(value) + ";" : string.Empty;
            w.Line($"public {required}{type} {binding.PropertyName} {{ get; init; }}{initializer}");
        }

        w.CloseBrace();
        return w.EndFile();
    }

    private static string EmitResolver(EndpointRuleSet ruleSet, EndpointRulesInput input, string parametersName, string name, string accessibility, List<EndpointParameterBinding> bindings, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var w = SourceWriter.StartFile(input.Namespace);
        w.Line($"/// <summary>");
        w.Line($"/// Finds the endpoint of a request from <see cref=\"{parametersName}\"/>: the service's endpoint rule set (version {DocComments.Escape(ruleSet.Version)}) compiled to C#.");
        w.Line($"/// </summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{accessibility} static class {name}");
        w.OpenBrace();
        w.Line("/// <summary>The endpoint the rules give for <paramref name=\"parameters\"/>: URL, headers and properties (e.g. how to sign).</summary>");
        w.Line("/// <param name=\"parameters\">The rules' inputs.</param>");
        w.Line("/// <exception cref=\"global::Codegen.Runtime.Endpoints.EndpointResolutionException\">An error rule matched (the message is the rule's), or no rule did.</exception>");
        w.Line($"public static global::Codegen.Runtime.Endpoints.ResolvedEndpoint Resolve(global::{input.Namespace}.{parametersName} parameters)");
        w.OpenBrace();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(parameters);");
        w.Line();
        EndpointRulesCompiler.CompileBody(ruleSet, bindings, w, diagnostics, cancellationToken);
        w.CloseBrace();
        w.CloseBrace();
        return w.EndFile();
    }

    private static bool IsTypeDefault(EndpointLiteral value) =>
        value.Type == EndpointParameterType.Boolean && !value.Boolean;

    private static string Literal(EndpointLiteral value) => value.Type switch
    {
        EndpointParameterType.String => CSharp.Literal(value.Text ?? string.Empty),
        EndpointParameterType.Boolean => value.Boolean ? "true" : "false",
        _ => "new string[] { " + string.Join(", ", value.Items.Select(CSharp.Literal)) + " }",
    };

    private static string DescribeLiteral(EndpointLiteral value) => value.Type switch
    {
        EndpointParameterType.String => value.Text ?? string.Empty,
        EndpointParameterType.Boolean => value.Boolean ? "true" : "false",
        _ => "[" + string.Join(", ", value.Items) + "]",
    };
}

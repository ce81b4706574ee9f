using System;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emit;
using Codegen.Generator.Endpoints;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Generator.Readers;

namespace Codegen.Generator;

/// <summary>A spec file the project marked as an AWS model, with its text, options and companion files.</summary>
internal sealed record SpecInput(string Path, string Text, SpecOptions Options)
{
    /// <summary>The companion files the item brings (botocore's endpoint rules, paginators and waiters).</summary>
    public EquatableArray<CompanionFile> Companions { get; init; } = EquatableArray<CompanionFile>.Empty;
}

/// <summary>The result of reading a spec.</summary>
internal sealed record ParsedSpec(string Path, ServiceModel? Model, SpecOptions Options, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The result of naming a spec's model.</summary>
internal sealed record NamedSpec(string Path, CodeModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The files generated for one spec, and every diagnostic about it.</summary>
internal sealed record EmittedSpec(string Path, EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// The stages of the pipeline as plain functions (read → name → emit), each usable alone: by the incremental
/// generator, the CLI and the tests. No stage throws: an unexpected failure becomes diagnostic CG0009.
/// </summary>
internal static class SpecPipeline
{
    public static ParsedSpec Parse(SpecInput input, CancellationToken cancellationToken)
    {
        try
        {
            var result = ModelReader.Read(input, cancellationToken);
            return new ParsedSpec(input.Path, result.Model, input.Options, result.Diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ParsedSpec(input.Path, null, input.Options, Crash(input.Path, "reading", e));
        }
    }

    public static NamedSpec Name(ParsedSpec parsed, CancellationToken cancellationToken)
    {
        if (parsed.Model is null || StopsGeneration(parsed.Path, parsed.Diagnostics))
        {
            return new NamedSpec(parsed.Path, null, parsed.Diagnostics);
        }

        try
        {
            var model = CodeModelBuilder.Build(parsed.Model, parsed.Options, cancellationToken);
            return new NamedSpec(parsed.Path, model, Concat(parsed.Diagnostics, model.Diagnostics));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new NamedSpec(parsed.Path, null, Concat(parsed.Diagnostics, Crash(parsed.Path, "naming", e)));
        }
    }

    public static EmittedSpec Emit(NamedSpec named, CancellationToken cancellationToken)
    {
        if (named.Model is null || StopsGeneration(named.Path, named.Diagnostics))
        {
            return new EmittedSpec(named.Path, EquatableArray<GeneratedFile>.Empty, named.Diagnostics);
        }

        try
        {
            // The endpoint rules first: the client uses what they compile to (nothing when they have errors).
            var endpoints = named.Model.EndpointRules is { } rules ? EmitEndpointRules(named.Model, rules, cancellationToken) : null;
            var context = endpoints?.Info is { } info ? OperationContextBindings.Compile(named.Model, info) : null;
            var files = SpecEmitter.Emit(named.Model, cancellationToken, endpoints?.Info, context?.Bindings ?? default);
            var diagnostics = Concat(named.Diagnostics, ProtocolDiagnostics(named.Model));
            if (context is not null)
            {
                diagnostics = Concat(diagnostics, context.Diagnostics);
            }
            if (endpoints is not null)
            {
                files = System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Concat(files, endpoints.Files), f => f.HintName, StringComparer.Ordinal).ToEquatableArray();
                diagnostics = Concat(diagnostics, endpoints.Diagnostics);
            }

            // Paginators send through the client's SendAsync: for a protocol that cannot send yet (CG0008) they are
            // generated all the same, and enumerating one throws NotSupportedException as SendAsync does.
            if (!named.Model.Paginators.IsEmpty)
            {
                var paginators = Paging.PaginatorEmitter.Emit(named.Model, cancellationToken);
                files = System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Concat(files, paginators.Files), f => f.HintName, StringComparer.Ordinal).ToEquatableArray();
                diagnostics = Concat(diagnostics, paginators.Diagnostics);
            }

            // Waiters too (they send through SendAsync).
            if (!named.Model.Waiters.IsEmpty)
            {
                var waiters = Waiting.WaiterEmitter.Emit(named.Model, cancellationToken);
                files = System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Concat(files, waiters.Files), f => f.HintName, StringComparer.Ordinal).ToEquatableArray();
                diagnostics = Concat(diagnostics, waiters.Diagnostics);
            }

            return new EmittedSpec(named.Path, files, diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new EmittedSpec(named.Path, EquatableArray<GeneratedFile>.Empty, Concat(named.Diagnostics, Crash(named.Path, "writing code for", e)));
        }
    }

    /// <summary>The model's endpoint rules compiled to C# (<see cref="EndpointRulesEmitter"/>); their problems point into the file they came from.</summary>
    private static EndpointRulesOutput EmitEndpointRules(CodeModel model, EndpointRuleSet rules, CancellationToken cancellationToken)
    {
        var path = model.EndpointRulesPath ?? model.SpecPath;
        var input = new EndpointRulesInput(path, string.Empty, model.Namespace, model.ServiceName, model.IsPublic);
        return EndpointRulesEmitter.Emit(rules, input, new DiagnosticBag(path), cancellationToken);
    }

    /// <summary>
    /// Whether the diagnostics stop the model's code: an error in the model itself does. An error in a companion
    /// file, or in the endpoint rules or paginators wherever they come from, costs only what that file would have added (the
    /// build still fails on the error), so types and client stay usable while it is being fixed.
    /// </summary>
    private static bool StopsGeneration(string specPath, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (DiagnosticDescriptors.ById(diagnostic.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error
                && diagnostic.FilePath == specPath
                && diagnostic.Id != DiagnosticDescriptors.InvalidEndpointRuleSet.Id
                && diagnostic.Id != DiagnosticDescriptors.InvalidEndpointRule.Id
                && diagnostic.Id != DiagnosticDescriptors.InvalidPagingDefinition.Id
                && diagnostic.Id != DiagnosticDescriptors.InvalidPagingExpression.Id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CG0008 when the service's protocol has no generator: the code cannot send.</summary>
    private static EquatableArray<DiagnosticInfo> ProtocolDiagnostics(CodeModel model)
    {
        if (Protocols.ProtocolGenerators.For(model.Metadata.Protocol).CanSend)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var protocol = model.Metadata.Protocol.DisplayName();
        return new[]
        {
            DiagnosticInfo.Create(DiagnosticDescriptors.ProtocolWithoutSerializer, model.SpecPath, SourceSpan.None, model.Metadata.ServiceId, protocol),
        }.ToEquatableArray();
    }

    /// <summary>All three stages at once (the CLI and tests).</summary>
    public static EmittedSpec Run(SpecInput input, CancellationToken cancellationToken = default) =>
        Emit(Name(Parse(input, cancellationToken), cancellationToken), cancellationToken);

    public static bool HasErrors(EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (DiagnosticDescriptors.ById(diagnostic.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    internal static EquatableArray<DiagnosticInfo> Crash(string path, string stage, Exception e) =>
        new[]
        {
            DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, path, SourceSpan.None, stage, e.GetType().Name, e.Message),
        }.ToEquatableArray();

    private static EquatableArray<DiagnosticInfo> Concat(EquatableArray<DiagnosticInfo> first, EquatableArray<DiagnosticInfo> second) =>
        second.IsEmpty ? first : System.Linq.Enumerable.Concat(first, second).ToEquatableArray();
}

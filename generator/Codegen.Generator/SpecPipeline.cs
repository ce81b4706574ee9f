using System;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Generator.Readers;

namespace Codegen.Generator;

/// <summary>A spec file the project marked as an AWS model, with its text and options.</summary>
internal sealed record SpecInput(string Path, string Text, SpecOptions Options);

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
            var result = ModelReader.Read(input.Path, input.Text, cancellationToken);
            return new ParsedSpec(input.Path, result.Model, input.Options, result.Diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ParsedSpec(input.Path, null, input.Options, Crash(input.Path, "reading", e));
        }
    }

    public static NamedSpec Name(ParsedSpec parsed, CancellationToken cancellationToken)
    {
        if (parsed.Model is null || HasErrors(parsed.Diagnostics))
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
        if (named.Model is null || HasErrors(named.Diagnostics))
        {
            return new EmittedSpec(named.Path, EquatableArray<GeneratedFile>.Empty, named.Diagnostics);
        }

        try
        {
            return new EmittedSpec(named.Path, SpecEmitter.Emit(named.Model, cancellationToken), Concat(named.Diagnostics, ProtocolDiagnostics(named.Model)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new EmittedSpec(named.Path, EquatableArray<GeneratedFile>.Empty, Concat(named.Diagnostics, Crash(named.Path, "writing code for", e)));
        }
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

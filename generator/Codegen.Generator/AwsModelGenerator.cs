using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Generator;

/// <summary>
/// Generates the typed operation model of every AWS service model (botocore JSON or Smithy JSON AST) that the
/// project lists as an <c>AwsModel</c> item (an AdditionalFile with <c>CodegenAwsModel=true</c>).
/// Pipeline: spec files → parse (one equatable model) → name → emit, one step each, cached per spec.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AwsModelGenerator : IIncrementalGenerator
{
    /// <summary>AdditionalFiles metadata that marks a file as an AWS model.</summary>
    public const string SpecMetadata = "build_metadata.AdditionalFiles.CodegenAwsModel";

    /// <summary>AdditionalFiles metadata overriding the namespace.</summary>
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.CodegenNamespace";

    /// <summary>AdditionalFiles metadata restricting generation to some operations (separated by <c>;</c>).</summary>
    public const string OperationsMetadata = "build_metadata.AdditionalFiles.CodegenOperations";

    /// <summary>AdditionalFiles metadata setting the accessibility of generated types (<c>public</c> or <c>internal</c>).</summary>
    public const string AccessibilityMetadata = "build_metadata.AdditionalFiles.CodegenAccessibility";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ToSpecInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var emitted = specs
            .Select(static (input, cancellationToken) => SpecPipeline.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.Models)
            .Select(static (parsed, cancellationToken) => SpecPipeline.Name(parsed, cancellationToken))
            .WithTrackingName(TrackingNames.CodeModels)
            .Select(static (named, cancellationToken) => SpecPipeline.Emit(named, cancellationToken))
            .WithTrackingName(TrackingNames.Files);

        // Which model owns each hint name is decided over all models, from their hint names only: a change that
        // keeps a model's file names leaves this step, and so every other model's output, untouched.
        var owners = emitted
            .Select(static (spec, _) => new SpecHints(spec.Path, spec.Files.Select(f => f.HintName).ToEquatableArray()))
            .Collect()
            .Select(static (hints, _) => HintOwnership.Decide(hints))
            .WithTrackingName(TrackingNames.HintOwners);

        context.RegisterSourceOutput(emitted.Combine(owners), static (output, pair) => AddSources(output, pair.Left, pair.Right));
    }

    private static SpecInput? ToSpecInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (ReadSpecOptions(options.GetOptions(file)) is not { } specOptions)
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecInput(file.Path, text, specOptions);
    }

    /// <summary>The options of an AdditionalFile the project marked as an AWS model; null for any other file.</summary>
    internal static SpecOptions? ReadSpecOptions(AnalyzerConfigOptions fileOptions)
    {
        if (!fileOptions.TryGetValue(SpecMetadata, out var marked) || !string.Equals(marked?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        fileOptions.TryGetValue(NamespaceMetadata, out var ns);
        fileOptions.TryGetValue(OperationsMetadata, out var operations);
        fileOptions.TryGetValue(AccessibilityMetadata, out var accessibility);
        return SpecOptions.Parse(ns, operations, accessibility);
    }

    private static void AddSources(SourceProductionContext context, EmittedSpec spec, EquatableArray<HintConflict> conflicts)
    {
        foreach (var diagnostic in spec.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        foreach (var conflict in conflicts)
        {
            if (conflict.Path == spec.Path)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOutput, spec.Path, SourceSpan.None, conflict.HintName, conflict.Owner).ToDiagnostic());
                return;
            }
        }

        foreach (var file in spec.Files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource(file.HintName, file.Source);
        }
    }
}

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

    /// <summary>The item's <c>Protocol</c> metadata: which of the protocols the model lists to generate.</summary>
    public const string ProtocolMetadata = "build_metadata.AdditionalFiles.CodegenProtocol";

    /// <summary>
    /// AdditionalFiles metadata of a model naming the key its companion files point to (<see cref="CompanionOfMetadata"/>);
    /// the targets set both to the model's full path. Without it, a model's key is its path.
    /// </summary>
    public const string ModelKeyMetadata = "build_metadata.AdditionalFiles.CodegenModelKey";

    /// <summary>AdditionalFiles metadata that marks a companion file: its kind (<c>EndpointRules</c>, <c>Paginators</c>, <c>Waiters</c>).</summary>
    public const string CompanionMetadata = "build_metadata.AdditionalFiles.CodegenCompanion";

    /// <summary>AdditionalFiles metadata of a companion file: the key of the model it belongs to.</summary>
    public const string CompanionOfMetadata = "build_metadata.AdditionalFiles.CodegenCompanionOf";

    /// <summary>AdditionalFiles metadata of a model turning a kind of companion off (<c>false</c>), also its Smithy traits; suffixed with the kind's name.</summary>
    public const string CompanionSwitchMetadataPrefix = "build_metadata.AdditionalFiles.Codegen";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider.Combine(context.AnalyzerConfigOptionsProvider);

        // Companion files (endpoint rules, paginators, waiters) are collected once; each model then picks its own,
        // so a companion edit changes only the SpecInput of the model it belongs to.
        var companions = files
            .Select(static (pair, cancellationToken) => ToCompanionInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.CompanionFiles)
            .Collect();

        var specs = files
            .Select(static (pair, cancellationToken) => ToSpecInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .Combine(companions)
            .Select(static (pair, _) => pair.Left.WithCompanionsFrom(pair.Right))
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

    private static KeyedSpecInput? ToSpecInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        if (ReadSpecOptions(fileOptions) is not { } specOptions)
        {
            return null;
        }

        var key = fileOptions.TryGetValue(ModelKeyMetadata, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : file.Path;
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new KeyedSpecInput(key, new SpecInput(file.Path, text, specOptions));
    }

    private static KeyedCompanion? ToCompanionInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        if (!fileOptions.TryGetValue(CompanionMetadata, out var kindName) || CompanionKinds.FromMetadataName(kindName) is not { } kind
            || !fileOptions.TryGetValue(CompanionOfMetadata, out var owner) || string.IsNullOrWhiteSpace(owner))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new KeyedCompanion(owner.Trim(), new CompanionFile(kind, file.Path, text));
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
        fileOptions.TryGetValue(ProtocolMetadata, out var protocol);
        return (SpecOptions.Parse(ns, operations, accessibility) with { Protocol = string.IsNullOrWhiteSpace(protocol) ? null : protocol!.Trim() })
            .WithCompanionSwitches(kind => fileOptions.TryGetValue(CompanionSwitchMetadataPrefix + CompanionKinds.MetadataName(kind), out var value) ? value : null);
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

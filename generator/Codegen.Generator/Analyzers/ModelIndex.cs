using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Generator.Analyzers;

/// <summary>What a type of the compilation is in terms of the models: a generated shape type, a union case or a client.</summary>
internal sealed record GeneratedSymbol(CodeModel Model, CodeType? Type, CodeMember? UnionCase, bool IsClient);

/// <summary>
/// The named models of a compilation's <c>AwsModel</c> files, as the generator builds them (the same read and name
/// stages), and the map from the compilation's generated types back to them: the analyzers' one source of truth.
/// Built once per compilation and shared by every analyzer.
/// </summary>
internal sealed class ModelIndex
{
    private static readonly ConditionalWeakTable<Compilation, ModelIndex> PerCompilation = new();

    private readonly Dictionary<string, (CodeModel Model, CodeType? Type, bool IsClient)> _byFullName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<INamedTypeSymbol, GeneratedSymbol?> _symbols = new(SymbolEqualityComparer.Default);

    private ModelIndex(IReadOnlyList<CodeModel> models)
    {
        Models = models;
        foreach (var model in models)
        {
            foreach (var type in model.Types)
            {
                _byFullName[model.Namespace + "." + type.TypeName] = (model, type, false);
            }

            _byFullName[model.Namespace + "." + model.ClientName] = (model, null, true);
            _byFullName[model.Namespace + "." + model.ClientInterfaceName] = (model, null, true);
        }
    }

    /// <summary>The models without errors, in the order of the project's AdditionalFiles.</summary>
    public IReadOnlyList<CodeModel> Models { get; }

    public bool IsEmpty => Models.Count == 0;

    /// <summary>The index of <paramref name="compilation"/>, built on first use from the AdditionalFiles marked as AWS models.</summary>
    public static ModelIndex For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (PerCompilation.TryGetValue(compilation, out var existing))
        {
            return existing;
        }

        var models = new List<CodeModel>();
        foreach (var file in options.AdditionalFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (AwsModelGenerator.ReadSpecOptions(options.AnalyzerConfigOptionsProvider.GetOptions(file)) is { } specOptions
                && NamedSpecCache.Get(file, specOptions, cancellationToken) is { Model: { } model } named
                && !SpecPipeline.HasErrors(named.Diagnostics))
            {
                models.Add(model);
            }
        }

        return PerCompilation.GetValue(compilation, _ => new ModelIndex(models));
    }

    /// <summary>What <paramref name="type"/> is, when the generator made it from one of the models; null otherwise.</summary>
    public GeneratedSymbol? Find(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || IsEmpty)
        {
            return null;
        }

        return _symbols.GetOrAdd(named.OriginalDefinition, Resolve);
    }

    private GeneratedSymbol? Resolve(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } container)
        {
            // A union's case is a nested class named after its member.
            if (Find(container) is { Type: { Shape.Kind: ShapeKind.Union } union } owner)
            {
                foreach (var member in union.Members)
                {
                    if (member.PropertyName == type.Name)
                    {
                        return owner with { UnionCase = member };
                    }
                }
            }

            return null;
        }

        if (!_byFullName.TryGetValue(type.ContainingNamespace.ToDisplayString() + "." + type.Name, out var entry) || !IsGenerated(type))
        {
            return null;
        }

        return new GeneratedSymbol(entry.Model, entry.Type, null, entry.IsClient);
    }

    /// <summary>Whether Codegen generated the type (it carries <c>[GeneratedCode("Codegen", ...)]</c>).</summary>
    public static bool IsGenerated(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" } attributeClass
                && attributeClass.ContainingNamespace.ToDisplayString() == "System.CodeDom.Compiler"
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is "Codegen")
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Named models cached by file, text checksum and options, so that each compilation (every keystroke in an IDE,
/// every build on the compiler server) reads and names a model only when it changed.
/// </summary>
internal static class NamedSpecCache
{
    private const int Capacity = 32;

    private static readonly ConcurrentDictionary<(string Path, string Checksum, Naming.SpecOptions Options), NamedSpec> Cache = new();

    public static NamedSpec? Get(AdditionalText file, Naming.SpecOptions options, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        var key = (file.Path, Convert.ToBase64String(System.Linq.Enumerable.ToArray(text.GetChecksum())), options);
        if (Cache.TryGetValue(key, out var named))
        {
            return named;
        }

        named = SpecPipeline.Name(SpecPipeline.Parse(new SpecInput(file.Path, text.ToString(), options), cancellationToken), cancellationToken);
        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }

        Cache[key] = named;
        return named;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Codegen.Runtime.Lenses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in memory, as the compiler would, and compiles its output against the runtime.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Lens<,>).Assembly.Location))
            // rpcv2Cbor code names CborReader/CborWriter: the package's .NET 8 build, copied beside this assembly by the project.
            .Append(MetadataReference.CreateFromFile(global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, "net8.0", "System.Formats.Cbor.dll")))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<Spec> specs, bool trackSteps = true) => CreateDriver(specs, out _, trackSteps);

    public static GeneratorDriver CreateDriver(IEnumerable<Spec> specs, out IReadOnlyList<AdditionalText> texts, bool trackSteps = true)
    {
        var list = specs.ToList();
        var metadata = list.ToDictionary(s => s.Path, s => s.Metadata());
        foreach (var spec in list)
        {
            foreach (var companion in spec.Companions)
            {
                metadata[companion.Path] = spec.MetadataOf(companion);
            }
        }

        var options = new TestOptionsProvider(metadata);
        texts = list.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))
            .Concat(list.SelectMany(s => s.Companions).Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.Text)))
            .ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new AwsModelGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Runs the generator over <paramref name="specs"/> and returns the run and the compilation with its output.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(IEnumerable<Spec> specs, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The errors and warnings of the compilation (generated code included), formatted for assertion messages.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Take(50).Select(d => d.ToString()));
}

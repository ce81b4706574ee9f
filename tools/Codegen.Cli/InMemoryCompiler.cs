using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Cli;

/// <summary>Compiles generated sources in memory against .NET 8 reference assemblies and the runtime.</summary>
internal static class InMemoryCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        Basic.Reference.Assemblies.Net80.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Codegen.Runtime.Lenses.Lens<,>).Assembly.Location))
            // rpcv2Cbor code names CborReader/CborWriter: the package's .NET 8 build, copied beside this assembly by the project.
            .Append(MetadataReference.CreateFromFile(global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, "net8.0", "System.Formats.Cbor.dll")))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation Create(string assemblyName, IEnumerable<(string Path, string Source)> sources, CancellationToken cancellationToken = default) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, ParseOptions, s.Path, cancellationToken: cancellationToken)),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release,
                concurrentBuild: false));
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Runtime.Client;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Codegen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer (and a code fix) with Roslyn's test frameworks over marked source, in a project that lists the
/// given models as AwsModel items and holds the generator's output for them, as a real build does.
/// </summary>
internal static class Verify
{
    /// <summary>.NET 8, the runtime and the logging abstractions: what the test projects and the generated code reference.</summary>
    public static readonly ImmutableArray<MetadataReference> BaseReferences =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(AwsClient).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(System.IO.Path.Combine(System.AppContext.BaseDirectory, "net8.0-references", "System.Formats.Cbor.dll"))) // rpcv2Cbor code
            .ToImmutableArray();

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task Analyzer<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        Analyzer<TAnalyzer>(source, new[] { TestModel.Seed, TestModel.Gadgets }, null, expected);

    public static async Task Analyzer<TAnalyzer>(string source, IReadOnlyList<TestModel> models, IReadOnlyDictionary<string, string>? properties, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test.TestState, models, properties);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static async Task CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource, DiagnosticResult[] expected, DiagnosticResult[]? remaining = null, int? iterations = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var models = new[] { TestModel.Seed, TestModel.Gadgets };
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        Configure(test.TestState, models, null);
        Configure(test.FixedState, models, null);
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining ?? System.Array.Empty<DiagnosticResult>());
        if (iterations is { } count)
        {
            test.NumberOfFixAllIterations = count;
            test.NumberOfIncrementalIterations = count;
        }

        await test.RunAsync();
    }

    private static void Configure(SolutionState state, IReadOnlyList<TestModel> models, IReadOnlyDictionary<string, string>? properties)
    {
        // No reference package to download: the .NET 8 reference assemblies come with Basic.Reference.Assemblies.
        state.ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        state.AdditionalReferences.AddRange(BaseReferences);
        foreach (var model in models)
        {
            state.AdditionalFiles.Add((model.Path, model.Text));
            state.AdditionalReferences.Add(model.GeneratedAssembly);
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", TestModel.GlobalConfig(models, properties)));
    }
}

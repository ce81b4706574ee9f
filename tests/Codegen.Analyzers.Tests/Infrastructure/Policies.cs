using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Analyzers.Tests.Infrastructure;

/// <summary>Runs analyzers over sources the way the compiler does (models as AdditionalFiles with their metadata) and returns what they report.</summary>
internal static class Policies
{
    /// <summary>The policy document CG1010 carries for <paramref name="source"/> compiled against <paramref name="model"/>.</summary>
    public static async Task<string> Of(string source, TestModel model)
    {
        var diagnostics = await Analyze(new[] { CSharpSyntaxTree.ParseText(source) }, new[] { model }, model.GeneratedAssemblyReferences(),
            new Dictionary<string, string> { ["AwsIamPolicyOutput"] = "iam-policy.json" }, OutputKind.DynamicallyLinkedLibrary, new IamPolicyAnalyzer());
        return diagnostics.Single(d => d.Id == AnalyzerDescriptors.IamActions.Id).Properties[AnalyzerDescriptors.PolicyProperty]!;
    }

    /// <summary>Every diagnostic (suppressed ones included) the analyzers report on a compilation of the given trees.</summary>
    public static async Task<ImmutableArray<Diagnostic>> Analyze(
        IEnumerable<SyntaxTree> trees, IReadOnlyList<TestModel> models, IEnumerable<MetadataReference> references,
        IReadOnlyDictionary<string, string> properties, OutputKind kind, params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = CSharpCompilation.Create("Consumer", trees, Verify.BaseReferences.Concat(references),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        // CS1705: a package built for a newer .NET (the sample's Otp.NET) than the .NET 8 references here; binding is unaffected.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS1705").ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the test code does not compile: " + string.Join(Environment.NewLine, errors.Take(10)));
        }

        var options = new AnalyzerOptions(
            models.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text)).ToImmutableArray(),
            new TestOptionsProvider(models, properties));
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The analyzer config a project gives the compiler: the models' item metadata and the MSBuild properties made visible to it.</summary>
internal sealed class TestOptionsProvider(IReadOnlyList<TestModel> models, IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        var model = models.FirstOrDefault(m => m.Path == textFile.Path);
        if (model is null)
        {
            return Options.Empty;
        }

        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CodegenAwsModel"] = "true" };
        if (model.Namespace is not null)
        {
            values["build_metadata.AdditionalFiles.CodegenNamespace"] = model.Namespace;
        }

        if (model.Operations is not null)
        {
            values["build_metadata.AdditionalFiles.CodegenOperations"] = model.Operations.Replace(';', ',');
        }

        return new Options(values);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

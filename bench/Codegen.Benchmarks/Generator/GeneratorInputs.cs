using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Codegen.Benchmarks.Infrastructure;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Benchmarks.Generator;

/// <summary>An AdditionalFile held in memory (the model text is read from disk once, in the setup).</summary>
internal sealed class ModelText(string path, SourceText text) : AdditionalText
{
    public ModelText(string path, string text)
        : this(path, SourceText.From(text, System.Text.Encoding.UTF8))
    {
    }

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;
}

/// <summary>Marks every AdditionalFile as an AwsModel item with no other metadata, as Codegen.targets does.</summary>
internal sealed class AwsModelOptions : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Marked = new Options(ImmutableDictionary<string, string>.Empty.Add(AwsModelGenerator.SpecMetadata, "true"));
    private static readonly AnalyzerConfigOptions Empty = new Options(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions => Empty;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Marked;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>How the benchmarks drive the generator: as the compiler does, through a CSharpGeneratorDriver.</summary>
internal static class GeneratorInputs
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>The models the generator benchmarks read, by the botocore service name.</summary>
    public static readonly string[] Models = { "cognito-idp", "dynamodb", "s3", "ec2" };

    public static ModelText Load(string service)
    {
        var path = SharedData.BotocoreModel(service);
        return new ModelText("/project/models/" + service + ".json", File.ReadAllText(path));
    }

    /// <summary>A small consumer compilation; the generator reads only AdditionalFiles and their options.</summary>
    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> models, bool trackSteps) => CSharpGeneratorDriver.Create(
        new[] { new AwsModelGenerator().AsSourceGenerator() },
        models,
        ParseOptions,
        new AwsModelOptions(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}

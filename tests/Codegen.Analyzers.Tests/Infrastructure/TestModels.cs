using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Codegen.Generator;
using Codegen.Generator.Naming;

namespace Codegen.Analyzers.Tests.Infrastructure;

/// <summary>A model file as a project lists it: its path, text and the AwsModel item's metadata.</summary>
internal sealed record TestModel(string Path, string Text, string? Namespace = null, string? Operations = null)
{
    /// <summary>The item's <c>Protocol</c> metadata (null: the model's preferred protocol).</summary>
    public string? Protocol { get; init; }

    /// <summary>The seed spec (VerifySoftwareToken), as the sample lists it.</summary>
    public static TestModel Seed { get; } = FromFile("/models/VerifySoftwareToken.json", System.IO.Path.Combine(AppContext.BaseDirectory, "specs", "cognito-idp", "VerifySoftwareToken.json"));

    /// <summary>A small model with one of each constraint, an enum, a union, sensitive members and errors (Models/gadgets.json).</summary>
    public static TestModel Gadgets { get; } = FromFile("/models/gadgets.json", System.IO.Path.Combine(AppContext.BaseDirectory, "Models", "gadgets.json"));

    /// <summary>A Smithy model with IAM traits: an action renamed, required actions, a resource with an ARN (Models/widgets.smithy.json).</summary>
    public static TestModel Widgets { get; } = FromFile("/models/widgets.smithy.json", System.IO.Path.Combine(AppContext.BaseDirectory, "Models", "widgets.smithy.json"));

    public static TestModel FromFile(string path, string file, string? ns = null, string? operations = null) => new(path, File.ReadAllText(file), ns, operations);

    /// <summary>
    /// The generator's output for this model (made by its own pipeline), compiled once into an assembly that the
    /// test projects reference: the analyzers see the same generated types as in a build, and each test compiles
    /// only its own source.
    /// </summary>
    public MetadataReference GeneratedAssembly => Compiled.GetOrAdd(this, static model => model.Compile());

    private static readonly ConcurrentDictionary<TestModel, MetadataReference> Compiled = new();

    public IEnumerable<MetadataReference> GeneratedAssemblyReferences() => new[] { GeneratedAssembly };

    private MetadataReference Compile()
    {
        var emitted = SpecPipeline.Run(new SpecInput(Path, Text, SpecOptions.Parse(Namespace, Operations, null) with { Protocol = Protocol }));
        if (SpecPipeline.HasErrors(emitted.Diagnostics))
        {
            throw new InvalidOperationException("the test model has errors: " + string.Join("; ", emitted.Diagnostics.Select(d => d.Format())));
        }

        var compilation = CSharpCompilation.Create(
            "Generated." + System.IO.Path.GetFileNameWithoutExtension(Path),
            emitted.Files.Select(f => CSharpSyntaxTree.ParseText(f.Source, path: f.HintName)),
            Verify.BaseReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("the generated code does not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>The global analyzer config that marks the models as AwsModel items, as Codegen.targets does.</summary>
    public static string GlobalConfig(IEnumerable<TestModel> models, IReadOnlyDictionary<string, string>? properties = null)
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (var property in properties ?? new Dictionary<string, string>())
        {
            text.Append("build_property.").Append(property.Key).Append(" = ").Append(property.Value).Append('\n');
        }

        foreach (var model in models)
        {
            text.Append('[').Append(model.Path).Append("]\n");
            text.Append("build_metadata.AdditionalFiles.CodegenAwsModel = true\n");
            if (model.Namespace is not null)
            {
                text.Append("build_metadata.AdditionalFiles.CodegenNamespace = ").Append(model.Namespace).Append('\n');
            }

            if (model.Operations is not null)
            {
                text.Append("build_metadata.AdditionalFiles.CodegenOperations = ").Append(model.Operations.Replace(';', ',')).Append('\n');
            }

            if (model.Protocol is not null)
            {
                text.Append("build_metadata.AdditionalFiles.CodegenProtocol = ").Append(model.Protocol).Append('\n');
            }
        }

        return text.ToString();
    }
}

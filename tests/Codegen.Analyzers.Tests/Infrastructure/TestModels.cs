using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Codegen.Generator;
using Codegen.Generator.Naming;

namespace Codegen.Analyzers.Tests.Infrastructure;

/// <summary>A model file as a project lists it: its path, text and the AwsModel item's metadata.</summary>
internal sealed record TestModel(string Path, string Text, string? Namespace = null, string? Operations = null)
{
    /// <summary>The seed spec (VerifySoftwareToken), as the sample lists it.</summary>
    public static TestModel Seed { get; } = FromFile("/models/VerifySoftwareToken.json", System.IO.Path.Combine(AppContext.BaseDirectory, "specs", "cognito-idp", "VerifySoftwareToken.json"));

    /// <summary>A small model with one of each constraint, an enum, a union, sensitive members and errors (Models/gadgets.json).</summary>
    public static TestModel Gadgets { get; } = FromFile("/models/gadgets.json", System.IO.Path.Combine(AppContext.BaseDirectory, "Models", "gadgets.json"));

    public static TestModel FromFile(string path, string file, string? ns = null, string? operations = null) => new(path, File.ReadAllText(file), ns, operations);

    /// <summary>The files the generator adds for this model (hint name and text), produced by the generator's own pipeline.</summary>
    public IReadOnlyList<(string HintName, string Source)> GeneratedSources() => Generated.GetOrAdd(this, static model => model.Generate());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<TestModel, IReadOnlyList<(string, string)>> Generated = new();

    private IReadOnlyList<(string HintName, string Source)> Generate()
    {
        var emitted = SpecPipeline.Run(new SpecInput(Path, Text, SpecOptions.Parse(Namespace, Operations, null)));
        if (SpecPipeline.HasErrors(emitted.Diagnostics))
        {
            throw new InvalidOperationException("the test model has errors: " + string.Join("; ", emitted.Diagnostics.Select(d => d.Format())));
        }

        return emitted.Files.Select(f => ("/generated/" + f.HintName, f.Source)).ToList();
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
        }

        return text.ToString();
    }
}

using System.Collections.Generic;

namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>A spec file for a test run, with the item metadata a project would give it.</summary>
internal sealed record Spec(string Path, string Text, string? Namespace = null, string? Operations = null, string? Accessibility = null, bool Marked = true)
{
    public IReadOnlyDictionary<string, string> Metadata()
    {
        var metadata = new Dictionary<string, string>();
        if (Marked)
        {
            metadata[AwsModelGenerator.SpecMetadata] = "true";
        }

        if (Namespace is not null)
        {
            metadata[AwsModelGenerator.NamespaceMetadata] = Namespace;
        }

        if (Operations is not null)
        {
            metadata[AwsModelGenerator.OperationsMetadata] = Operations;
        }

        if (Accessibility is not null)
        {
            metadata[AwsModelGenerator.AccessibilityMetadata] = Accessibility;
        }

        return metadata;
    }

    /// <summary>A spec from the repository's specs/ folder (copied next to the tests).</summary>
    public static Spec FromRepository(string relativePath) =>
        new("/project/specs/" + relativePath, System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "specs", relativePath)));
}

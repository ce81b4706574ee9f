using System.Collections.Generic;

namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>
/// A companion file of a spec: its kind as the targets name it (<c>EndpointRules</c>, <c>Paginators</c>, <c>Waiters</c>);
/// <paramref name="Owner"/> overrides the model key it names (by default the spec's path).
/// </summary>
internal sealed record Companion(string Kind, string Path, string Text, string? Owner = null);

/// <summary>A spec file for a test run, with the item metadata a project would give it.</summary>
internal sealed record Spec(string Path, string Text, string? Namespace = null, string? Operations = null, string? Accessibility = null, bool Marked = true)
{
    /// <summary>Companion files, with the metadata the targets give them (owned by this spec).</summary>
    public IReadOnlyList<Companion> Companions { get; init; } = [];

    /// <summary>The item's <c>Protocol</c> metadata.</summary>
    public string? Protocol { get; init; }

    /// <summary>Item metadata switching companion kinds (<c>EndpointRules</c> → <c>false</c>).</summary>
    public IReadOnlyDictionary<string, string> Switches { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Metadata()
    {
        var metadata = new Dictionary<string, string>();
        if (Marked)
        {
            metadata[AwsModelGenerator.SpecMetadata] = "true";
            metadata[AwsModelGenerator.ModelKeyMetadata] = Path;
        }

        foreach (var (kind, value) in Switches)
        {
            metadata[AwsModelGenerator.CompanionSwitchMetadataPrefix + kind] = value;
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

        if (Protocol is not null)
        {
            metadata[AwsModelGenerator.ProtocolMetadata] = Protocol;
        }

        return metadata;
    }

    /// <summary>The metadata the targets give <paramref name="companion"/>.</summary>
    public IReadOnlyDictionary<string, string> MetadataOf(Companion companion) => new Dictionary<string, string>
    {
        [AwsModelGenerator.CompanionMetadata] = companion.Kind,
        [AwsModelGenerator.CompanionOfMetadata] = companion.Owner ?? Path,
    };

    /// <summary>A spec from the repository's specs/ folder (copied next to the tests).</summary>
    public static Spec FromRepository(string relativePath) =>
        new("/project/specs/" + relativePath, System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, "specs", relativePath)));
}

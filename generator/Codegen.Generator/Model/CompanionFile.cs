namespace Codegen.Generator.Model;

/// <summary>The files that travel with a botocore model, beside its <c>service-2.json</c>.</summary>
internal enum CompanionKind
{
    /// <summary><c>endpoint-rule-set-1.json</c>: the endpoint rules.</summary>
    EndpointRules,

    /// <summary><c>paginators-1.json</c>: the paginated operations.</summary>
    Paginators,

    /// <summary><c>waiters-2.json</c>: the waiters.</summary>
    Waiters,
}

/// <summary>
/// A companion file of a model: its kind, path (for diagnostics) and text. Smithy models carry the same facts as
/// traits instead (<c>smithy.rules#endpointRuleSet</c>, <c>smithy.api#paginated</c>, <c>smithy.waiters#waitable</c>).
/// </summary>
internal sealed record CompanionFile(CompanionKind Kind, string Path, string Text);

/// <summary>The file names, and the names of the switches that turn each kind off.</summary>
internal static class CompanionKinds
{
    public static readonly CompanionKind[] All = { CompanionKind.EndpointRules, CompanionKind.Paginators, CompanionKind.Waiters };

    /// <summary>The name botocore gives the file beside <c>service-2.json</c>.</summary>
    public static string FileName(CompanionKind kind) => kind switch
    {
        CompanionKind.EndpointRules => "endpoint-rule-set-1.json",
        CompanionKind.Paginators => "paginators-1.json",
        _ => "waiters-2.json",
    };

    /// <summary>The value of the <c>CodegenCompanion</c> metadata for the kind (and the <c>AwsModel</c> metadata's name).</summary>
    public static string MetadataName(CompanionKind kind) => kind switch
    {
        CompanionKind.EndpointRules => "EndpointRules",
        CompanionKind.Paginators => "Paginators",
        _ => "Waiters",
    };

    /// <summary>
    /// The file of <paramref name="kind"/> beside the model at <paramref name="modelPath"/>, as the package's targets
    /// look for it: botocore's name beside a <c>service-2.json</c>, else <c>{model name}.{botocore's name}</c>
    /// (<c>cognito-idp.json</c>: <c>cognito-idp.paginators-1.json</c>). Only the name is computed; nothing is read.
    /// </summary>
    public static string SiblingPath(string modelPath, CompanionKind kind)
    {
        var folder = System.IO.Path.GetDirectoryName(modelPath) ?? string.Empty;
        var file = System.IO.Path.GetFileName(modelPath);
        var name = file == "service-2.json" ? FileName(kind) : System.IO.Path.GetFileNameWithoutExtension(file) + "." + FileName(kind);
        return System.IO.Path.Combine(folder, name);
    }

    public static CompanionKind? FromMetadataName(string? name)
    {
        foreach (var kind in All)
        {
            if (string.Equals(MetadataName(kind), name?.Trim(), System.StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}

namespace Codegen.Generator;

/// <summary>The names of the pipeline steps, for incremental-caching tests and diagnostics.</summary>
internal static class TrackingNames
{
    public const string CompanionFiles = nameof(CompanionFiles);
    public const string SpecFiles = nameof(SpecFiles);
    public const string Models = nameof(Models);
    public const string CodeModels = nameof(CodeModels);
    public const string Files = nameof(Files);
    public const string HintOwners = nameof(HintOwners);
}

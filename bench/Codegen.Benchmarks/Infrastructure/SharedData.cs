using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Codegen.Benchmarks.Infrastructure;

/// <summary>Where the shared AWS models and the repository are: CODEGEN_SHARED_DIR, else what the build recorded.</summary>
public static class SharedData
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("CODEGEN_SHARED_DIR") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Metadata("CodegenSharedDir");

    public static string RepositoryRoot => Metadata("CodegenRepositoryRoot");

    /// <summary>The botocore model of <paramref name="service"/> (its only API version in the shared data).</summary>
    public static string BotocoreModel(string service)
    {
        var folder = Path.Combine(Directory, "models", "botocore", service);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new InvalidOperationException($"the shared models are missing: no {folder} (set CODEGEN_SHARED_DIR)");
        }

        var version = System.IO.Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal).Last();
        return Path.Combine(version, "service-2.json");
    }

    public static string SeedSpec => Path.Combine(RepositoryRoot, "specs", "cognito-idp", "VerifySoftwareToken.json");

    private static string Metadata(string key) =>
        typeof(SharedData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing");
}

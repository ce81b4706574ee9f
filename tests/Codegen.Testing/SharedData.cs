using System;
using System.IO;
using Xunit;

namespace Codegen.Testing;

/// <summary>
/// Finds the shared test data (AWS models and conformance suites) that is read in place and never committed:
/// the folder named by <c>CODEGEN_SHARED_DIR</c>, else <c>../shared</c> beside the repository root.
/// Tests that need it call <see cref="RequireRoot"/>: without the data they are reported as skipped with the
/// reason, except under CI (<c>CI=true</c>), where missing data is a failure.
/// </summary>
public static class SharedData
{
    /// <summary>The environment variable that names the shared data folder.</summary>
    public const string EnvironmentVariable = "CODEGEN_SHARED_DIR";

    private static readonly Lazy<string?> LazyRoot = new(Locate);

    /// <summary>The shared data folder, or <see langword="null"/> when there is none.</summary>
    public static string? Root => LazyRoot.Value;

    /// <summary>The repository root (the folder holding Codegen.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared data folder; skips the calling test (fails it under CI) when it is absent.</summary>
    public static string RequireRoot()
    {
        if (Root is { } root)
        {
            return root;
        }

        var reason = $"shared test data not found: set {EnvironmentVariable} or put it at ../shared beside the repository";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(reason + " (CI requires it)");
        }

        Skip.If(true, reason);
        return null!;
    }

    /// <summary>A path under the shared data folder; skips as <see cref="RequireRoot"/> does.</summary>
    public static string RequirePath(params string[] parts)
    {
        var path = Path.Combine(RequireRoot(), Path.Combine(parts));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException("expected shared test data is missing", path);
        }

        return path;
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        var beside = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(beside, "models")) ? beside : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codegen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Codegen.sln not found above " + AppContext.BaseDirectory);
    }
}

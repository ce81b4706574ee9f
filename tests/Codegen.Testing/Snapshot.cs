using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Codegen.Testing;

/// <summary>
/// Snapshot testing for generator output in Verify.SourceGenerators' file layout (Verify itself is not available
/// here): each generated file is compared with <c>{Class}.{Method}#{HintName}.verified.cs</c> and the diagnostics with
/// <c>{Class}.{Method}.verified.txt</c>, in a <c>Snapshots</c> folder beside the test's source file. A difference
/// writes <c>.received.*</c> (git-ignored) and fails with a line diff. Set <c>CODEGEN_ACCEPT_SNAPSHOTS=1</c> to
/// overwrite the verified files — then review them with <c>git diff</c> before committing: a snapshot is reviewed,
/// never accepted blindly. Verified files of hint names no longer generated fail the test too.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that makes a run accept (overwrite) the snapshots.</summary>
    public const string AcceptVariable = "CODEGEN_ACCEPT_SNAPSHOTS";

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    /// <summary>Verifies generated files and diagnostics for the calling test.</summary>
    public static void Verify(
        string className,
        IEnumerable<KeyValuePair<string, string>> files,
        IEnumerable<string> diagnostics,
        [CallerMemberName] string methodName = "",
        [CallerFilePath] string sourceFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(SourcePath(sourceFile))!, "Snapshots");
        Directory.CreateDirectory(folder);
        var prefix = className + "." + methodName;
        var failures = new List<string>();
        var expectedNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (hintName, source) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var name = prefix + "#" + FlattenHintName(hintName) + ".verified.cs";
            expectedNames.Add(name);
            Compare(folder, name, source, failures);
        }

        var diagnosticsName = prefix + ".verified.txt";
        expectedNames.Add(diagnosticsName);
        var diagnosticsText = string.Join("\n", diagnostics) + "\n";
        Compare(folder, diagnosticsName, diagnosticsText, failures);

        foreach (var stale in Directory.GetFiles(folder, prefix + "#*.verified.cs").Select(Path.GetFileName).Where(f => !expectedNames.Contains(f!)))
        {
            if (Accepting)
            {
                File.Delete(Path.Combine(folder, stale!));
            }
            else
            {
                failures.Add($"{stale}: verified, but the generator no longer produces it (delete it, or run with {AcceptVariable}=1)");
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException($"{failures.Count} snapshot(s) differ in {folder}:\n\n" + string.Join("\n\n", failures));
        }
    }

    /// <summary>
    /// The test's source file on disk. Deterministic CI builds map source paths to <c>/_/</c> (the repository
    /// root), so such a path is resolved against the repository root.
    /// </summary>
    private static string SourcePath(string sourceFile)
    {
        if (File.Exists(sourceFile))
        {
            return sourceFile;
        }

        var normalized = sourceFile.Replace('\\', '/');
        return normalized.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(SharedData.RepositoryRoot, normalized["/_/".Length..])
            : sourceFile;
    }

    /// <summary><c>Aws.X/Serialization/Y.g.cs</c> becomes <c>Aws.X.Serialization.Y.g</c>.</summary>
    public static string FlattenHintName(string hintName)
    {
        var name = hintName.Replace('/', '.').Replace('\\', '.');
        return name.EndsWith(".cs", StringComparison.Ordinal) ? name[..^3] : name;
    }

    private static void Compare(string folder, string verifiedName, string actual, List<string> failures)
    {
        actual = actual.Replace("\r\n", "\n");
        var verifiedPath = Path.Combine(folder, verifiedName);
        var receivedPath = Path.Combine(folder, verifiedName.Replace(".verified.", ".received.", StringComparison.Ordinal));
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (Accepting)
        {
            File.WriteAllText(verifiedPath, actual);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        failures.Add(expected is null
            ? $"{verifiedName}: no verified file yet; see {Path.GetFileName(receivedPath)} (accept with {AcceptVariable}=1 after review)"
            : $"{verifiedName}: differs (received in {Path.GetFileName(receivedPath)}):\n{Diff(expected, actual)}");
    }

    private static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual);
        var builder = new StringBuilder();
        var shown = 0;
        foreach (var line in model.Lines)
        {
            if (line.Type == ChangeType.Unchanged)
            {
                continue;
            }

            builder.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").AppendLine(line.Text);
            if (++shown == 40)
            {
                builder.AppendLine("... (more differences)");
                break;
            }
        }

        return builder.ToString();
    }
}

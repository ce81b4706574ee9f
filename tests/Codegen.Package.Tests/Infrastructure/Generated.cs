using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Sdk;

namespace Codegen.Package.Tests.Infrastructure;

/// <summary>What <c>codegen generate</c> writes, and comparing it with the files the compiler emitted.</summary>
internal static class Generated
{
    /// <summary>Runs the CLI's <c>generate</c> verb in-process into a new folder and returns the files it wrote.</summary>
    public static async Task<SortedDictionary<string, string>> ByCliAsync(string scratch, string spec, params string[] options)
    {
        var output = Path.Combine(scratch, "cli-" + Guid.NewGuid().ToString("N")[..8]);
        var exit = await Codegen.Cli.Program.Main(new[] { "generate", spec, "--out", output }.Concat(options).ToArray());
        Assert.Equal(0, exit);
        var files = ConsumerProject.ReadTree(output);
        Directory.Delete(output, recursive: true);
        return files;
    }

    /// <summary>
    /// The same relative paths and the same text (read as text: the compiler writes a UTF-8 byte order mark, the CLI
    /// does not). Lists every missing, extra (stale) and different file.
    /// </summary>
    public static void AssertSame(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual, string what)
    {
        if (expected.Count == 0)
        {
            throw new XunitException($"{what}: nothing was expected; the comparison would prove nothing");
        }

        var missing = expected.Keys.Except(actual.Keys, StringComparer.Ordinal).ToList();
        var extra = actual.Keys.Except(expected.Keys, StringComparer.Ordinal).ToList();
        var different = expected.Keys.Intersect(actual.Keys, StringComparer.Ordinal).Where(k => expected[k] != actual[k]).ToList();
        if (missing.Count + extra.Count + different.Count == 0)
        {
            return;
        }

        var lines = new List<string> { $"{what}: {expected.Count} files expected, {actual.Count} found" };
        lines.AddRange(missing.Select(f => "  missing: " + f));
        lines.AddRange(extra.Select(f => "  extra (stale?): " + f));
        lines.AddRange(different.Select(f => "  different: " + f + " — " + FirstDifference(expected[f], actual[f])));
        throw new XunitException(string.Join(Environment.NewLine, lines));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}: expected `{left.TrimEnd()}`, found `{right.TrimEnd()}`";
            }
        }

        return "line endings differ";
    }
}

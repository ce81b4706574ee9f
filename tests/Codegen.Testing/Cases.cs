using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Testing;

/// <summary>
/// Runs a family of seeded cases and reports every failure with the seed that reproduces it.
/// </summary>
/// <remarks>
/// Case <c>i</c> of family <c>name</c> gets the seed <c>FNV-1a(base seed, name, i)</c>, so adding a family or a case
/// never changes the others. The base seed is <see cref="DefaultBaseSeed"/>, or <c>CODEGEN_DIFFERENTIAL_SEED</c> to
/// explore new cases, <c>CODEGEN_DIFFERENTIAL_SCALE</c> to run more of them (<see cref="Scale"/>).
/// <c>CODEGEN_DIFFERENTIAL_CASE=name:seed</c> (as printed on failure) runs that one case alone.
/// </remarks>
public static class Cases
{
    public const int DefaultBaseSeed = 20_250_601;

    public const string SeedVariable = "CODEGEN_DIFFERENTIAL_SEED";

    public const string CaseVariable = "CODEGEN_DIFFERENTIAL_CASE";

    public const string ScaleVariable = "CODEGEN_DIFFERENTIAL_SCALE";

    private const int MaxReported = 5;

    public static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultBaseSeed;

    public static int SeedOf(string name, int index)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(BaseSeed.ToString(CultureInfo.InvariantCulture) + "/" + name + "/" + index.ToString(CultureInfo.InvariantCulture)))
            {
                hash = (hash ^ b) * 16777619u;
            }

            return (int)(hash & 0x7fffffff);
        }
    }

    /// <summary>
    /// How many times the usual number of cases each family runs: <c>CODEGEN_DIFFERENTIAL_SCALE</c> (a positive
    /// integer), else 1. <c>CODEGEN_DIFFERENTIAL_SCALE=20</c> runs twenty times as many, all new but the first ones.
    /// </summary>
    public static int Scale =>
        int.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    /// <summary>
    /// The seeds of the cases of family <paramref name="name"/>: <paramref name="count"/> × <see cref="Scale"/> of
    /// them, or the one <c>CODEGEN_DIFFERENTIAL_CASE</c> names (none when it names another family).
    /// </summary>
    public static IReadOnlyList<int> Seeds(string name, int count)
    {
        var only = Environment.GetEnvironmentVariable(CaseVariable);
        if (!string.IsNullOrEmpty(only))
        {
            var colon = only.LastIndexOf(':');
            return colon >= 0 && only.Substring(0, colon) == name
                ? new[] { int.Parse(only.Substring(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture) }
                : Array.Empty<int>();
        }

        var seeds = new List<int>();
        for (var i = 0; i < count * Scale; i++)
        {
            seeds.Add(SeedOf(name, i));
        }

        return seeds;
    }

    /// <summary>
    /// Runs the cases of the family <paramref name="name"/> (<see cref="Seeds"/>); <paramref name="run"/> returns the
    /// differences of one case (empty when both sides agree) or throws. Fails with the first few failures and the
    /// way to re-run each.
    /// </summary>
    public static void Run(ITestOutputHelper output, string name, int count, Func<Gen, IReadOnlyList<string>> run)
    {
        var seeds = Seeds(name, count);
        if (seeds.Count == 0)
        {
            output.WriteLine($"{CaseVariable}={Environment.GetEnvironmentVariable(CaseVariable)}: not this family ({name}), nothing run");
            return;
        }

        var failures = new List<string>();
        foreach (var seed in seeds)
        {
            IReadOnlyList<string> differences;
            try
            {
                differences = run(new Gen(seed));
            }
            catch (Exception exception)
            {
                differences = new[] { "threw " + exception };
            }

            if (differences.Count > 0)
            {
                failures.Add($"{name}:{seed}\n  " + string.Join("\n  ", differences));
            }
        }

        output.WriteLine($"{name}: {seeds.Count} cases, {failures.Count} failed (base seed {BaseSeed})");
        if (failures.Count > 0)
        {
            var report = new StringBuilder();
            report.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {seeds.Count} cases of {name} differ (base seed {BaseSeed}); re-run one with {CaseVariable}=<name:seed>:\n");
            foreach (var failure in failures.GetRange(0, Math.Min(MaxReported, failures.Count)))
            {
                report.Append(failure).Append('\n');
            }

            Assert.Fail(report.ToString());
        }
    }
}

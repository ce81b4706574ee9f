using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>
/// Runs a family of seeded cases and reports every failure with the seed that reproduces it.
/// </summary>
/// <remarks>
/// Case <c>i</c> of family <c>name</c> gets the seed <c>FNV-1a(base seed, name, i)</c>, so adding a family or a case
/// never changes the others. The base seed is <see cref="DefaultBaseSeed"/>, or <c>CODEGEN_DIFFERENTIAL_SEED</c> to
/// explore new cases. <c>CODEGEN_DIFFERENTIAL_CASE=name:seed</c> (as printed on failure) runs that one case alone.
/// </remarks>
internal static class Cases
{
    public const int DefaultBaseSeed = 20_250_601;

    public const string SeedVariable = "CODEGEN_DIFFERENTIAL_SEED";

    public const string CaseVariable = "CODEGEN_DIFFERENTIAL_CASE";

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
    /// Runs <paramref name="count"/> cases of the family <paramref name="name"/>; <paramref name="run"/> returns the
    /// differences of one case (empty when both sides agree) or throws. Fails with the first few failures and the
    /// way to re-run each.
    /// </summary>
    public static void Run(ITestOutputHelper output, string name, int count, Func<Gen, IReadOnlyList<string>> run)
    {
        var seeds = new List<int>();
        var only = Environment.GetEnvironmentVariable(CaseVariable);
        if (!string.IsNullOrEmpty(only))
        {
            var colon = only.LastIndexOf(':');
            if (colon < 0 || only.Substring(0, colon) != name)
            {
                output.WriteLine($"{CaseVariable}={only}: not this family ({name}), nothing run");
                return;
            }

            seeds.Add(int.Parse(only.Substring(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture));
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                seeds.Add(SeedOf(name, i));
            }
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

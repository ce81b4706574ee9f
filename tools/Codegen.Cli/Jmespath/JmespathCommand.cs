using System;
using System.IO;
using System.Linq;

namespace Codegen.Cli.Jmespath;

/// <summary>The <c>jmespath</c> verb: the JMESPath compliance suite through the generator's compiler (docs/paginators.md).</summary>
internal static class JmespathCommand
{
    public static int Run(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (paths.Count == 0)
        {
            throw new UsageException("jmespath needs the compliance folder (e.g. ../shared/conformance/jmespath)");
        }

        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.json") : new[] { p }).ToList();
        var outcomes = JmesComplianceEngine.Run(JmesComplianceEngine.Load(files));
        foreach (var outcome in outcomes.Where(o => verbose || !o.Passed))
        {
            Console.WriteLine($"{(outcome.Passed ? "pass" : "FAIL")} {outcome.Case.Id} {outcome.Case.Expression}: {outcome.Detail}");
        }

        var failed = outcomes.Count(o => !o.Passed);
        Console.WriteLine($"jmespath: {outcomes.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}

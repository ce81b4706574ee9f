using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Codegen.Cli.Endpoints;

/// <summary>
/// <c>endpoints &lt;folder&gt;... [--tests &lt;folder&gt;] [--only a,b,c] [--verbose] [--dump &lt;folder&gt;]</c>: compiles every endpoint rule set
/// under each folder to C# and runs its test cases through the compiled resolvers. A folder of botocore models
/// (<c>&lt;service&gt;/&lt;version&gt;/endpoint-rule-set-1.json</c>) takes its cases from <c>--tests</c> (default: the
/// <c>conformance/endpoint-rules</c> folder beside the models' <c>models</c> folder); a folder of Smithy models
/// takes them from each model's <c>smithy.rules#endpointTests</c> trait. Prints one row per service and ends with
/// <c>N passed, M failed, K skipped</c> over all cases; exits with 0 only when nothing failed. <c>--dump</c> writes
/// the generated C# of each service into a folder.
/// </summary>
internal static class EndpointsCommand
{
    public static int Run(string[] args)
    {
        var folders = new List<string>();
        string? tests = null;
        HashSet<string>? only = null;
        var verbose = false;
        string? dump = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--tests":
                    tests = GenerateCommand.Value(args, ref i);
                    break;
                case "--only":
                    only = new HashSet<string>(GenerateCommand.Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                    break;
                case "--verbose":
                case "-v":
                    verbose = true;
                    break;
                case "--dump":
                    dump = GenerateCommand.Value(args, ref i);
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException($"unexpected argument '{args[i]}'");
                    }

                    folders.Add(args[i]);
                    break;
            }
        }

        if (folders.Count == 0)
        {
            throw new UsageException("endpoints needs a folder of botocore or Smithy models");
        }

        var suites = new List<EndpointSuite>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"'{folder}' is not a folder");
            }

            suites.AddRange(Directory.GetFiles(folder, "*.json").Length > 0
                ? EndpointSuite.FromSmithy(folder)
                : EndpointSuite.FromBotocore(folder, tests ?? DefaultTests(folder)));
        }

        suites = suites.Where(s => only is null || only.Contains(s.Name) || only.Contains(s.Name.Split('/').Last())).ToList();
        var clock = Stopwatch.StartNew();
        Console.WriteLine("| service | cases | passed | failed | skipped | C# lines |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var results = EndpointConformance.Run(suites, dump, result =>
        {
            var suite = result.Suite;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {suite.Name} | {suite.Cases.Count} | {result.Passed} | {result.Failed} | {result.Skipped} | {result.Lines} |"));
            if (result.BuildError is not null)
            {
                Console.WriteLine("    " + result.BuildError.Replace("\n", "\n    ", StringComparison.Ordinal));
            }

            foreach (var failure in result.Failures.Take(verbose ? int.MaxValue : 5))
            {
                Console.WriteLine("    FAIL " + failure);
            }

            if (!verbose && result.Failures.Count > 5)
            {
                Console.WriteLine($"    ... and {result.Failures.Count - 5} more failures (--verbose shows all)");
            }

            foreach (var skip in result.Skips.Where(_ => verbose))
            {
                Console.WriteLine("    SKIP " + skip);
            }
        });

        var passed = results.Sum(r => r.Passed);
        var failed = results.Sum(r => r.Failed);
        var skipped = results.Sum(r => r.Skipped);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {results.Count} services ({results.Count(r => r.Failed == 0)} without failures) in {clock.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed, {skipped} skipped"));
        return failed == 0 ? 0 : 1;
    }

    /// <summary><c>X/models/botocore</c> gives <c>X/conformance/endpoint-rules</c>.</summary>
    private static string DefaultTests(string modelsFolder)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(modelsFolder).TrimEnd(Path.DirectorySeparatorChar)));
        return Path.Combine(root ?? ".", "conformance", "endpoint-rules");
    }
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Codegen.Cli;

/// <summary>
/// <c>conformance &lt;file-or-folder&gt;... [--verbose] [--ignore-list &lt;file&gt;] [--no-ignore-list] [--known-failures &lt;file&gt;] [--dump &lt;folder&gt;]</c>:
/// runs botocore-format protocol test files through generated code and prints <c>PASS</c>, <c>FAIL</c> (with
/// the differences) or <c>SKIP</c> (with the reason) per case, then <c>N passed, M failed, K skipped</c>.
/// Exits with 0 only when nothing failed.
/// </summary>
internal static class ConformanceCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args));

    private static int Run(string[] args)
    {
        var paths = new List<string>();
        string? ignoreList = null;
        string? knownFailures = null;
        var noIgnoreList = false;
        var verbose = false;
        string? dump = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--verbose":
                case "-v":
                    verbose = true;
                    break;
                case "--ignore-list":
                    ignoreList = GenerateCommand.Value(args, ref i);
                    break;
                case "--no-ignore-list":
                    noIgnoreList = true;
                    break;
                case "--known-failures":
                    knownFailures = GenerateCommand.Value(args, ref i);
                    break;
                case "--dump":
                    dump = GenerateCommand.Value(args, ref i);
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException($"unexpected argument '{args[i]}'");
                    }

                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            throw new UsageException("conformance needs a test file or a folder of them");
        }

        var options = new ConformanceOptions
        {
            Paths = paths,
            IgnoreListPath = ignoreList,
            NoIgnoreList = noIgnoreList,
            KnownFailuresPath = knownFailures,
            Verbose = verbose,
            DumpFolder = dump,
        };

        var multipleFiles = paths.Count > 1 || System.IO.Directory.Exists(paths[0]);
        ConformanceReport report;
        try
        {
            report = ConformanceEngine.Run(
                options,
                result => Print(result),
                file =>
                {
                    if (multipleFiles || verbose)
                    {
                        Console.WriteLine("# " + file);
                    }
                });
        }
        catch (Exception e) when (e is System.IO.IOException or System.IO.InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            // An unreadable ignore list or known-failures file: no result would be trustworthy.
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }

        if (verbose)
        {
            foreach (var note in report.Notes)
            {
                Console.WriteLine("# " + note);
            }
        }

        Console.WriteLine(report.Summary);
        return report.Failed == 0 ? 0 : 1;
    }

    private static void Print(ConformanceCaseResult result)
    {
        switch (result.Outcome)
        {
            case ConformanceOutcome.Pass:
                Console.WriteLine("PASS " + result.Id);
                break;
            case ConformanceOutcome.Skip:
                Console.WriteLine($"SKIP {result.Id}: {result.Detail}");
                break;
            default:
                Console.WriteLine("FAIL " + result.Id);
                foreach (var line in (result.Detail ?? "").Split('\n'))
                {
                    Console.WriteLine("    " + line);
                }

                break;
        }
    }
}

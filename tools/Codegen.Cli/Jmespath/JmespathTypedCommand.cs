using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Codegen.Cli.Jmespath;

/// <summary>
/// The <c>jmespath-typed</c> verb: the typed JMESPath differential (<see cref="TypedDifferential"/>) over every
/// botocore model in a folder that has paginators or waiters, or the ones named with <c>--only</c> (docs/paginators.md).
/// </summary>
internal static class JmespathTypedCommand
{
    public static int Run(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var samples = 50;
        var only = new HashSet<string>(StringComparer.Ordinal);
        var folders = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--verbose":
                    break;
                case "--samples" when i + 1 < args.Length:
                    samples = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--only" when i + 1 < args.Length:
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries));
                    break;
                default:
                    folders.Add(args[i]);
                    break;
            }
        }

        if (folders.Count != 1)
        {
            throw new UsageException("jmespath-typed needs the botocore models folder (e.g. ../shared/models/botocore) [--only svc,svc] [--samples N] [--verbose]");
        }

        var watch = Stopwatch.StartNew();
        var outcomes = new List<TypedOutcome>();
        var brokenModels = 0;
        foreach (var (name, path) in Models(folders[0], only))
        {
            List<TypedOutcome> model;
            try
            {
                model = TypedDifferential.Run(name, path, samples);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.WriteLine($"FAIL {name}: {e}");
                brokenModels++;
                continue;
            }

            outcomes.AddRange(model);
            foreach (var outcome in model.Where(o => verbose || !o.Passed))
            {
                Console.WriteLine($"{(outcome.Passed ? "pass" : "FAIL")} {name} {outcome.Expression.Owner}: {outcome.Expression.Expression}" +
                    (outcome.Passed ? $" ({outcome.Agreed} samples{(outcome.Expression.Acceptor is null ? "" : $", matched {outcome.ConditionsTrue}")})" : ": " + outcome.Failure));
            }
        }

        var failed = outcomes.Count(o => !o.Passed);
        var acceptors = outcomes.Where(o => o.Expression.Acceptor is not null && o.Passed).ToList();
        Console.WriteLine($"jmespath-typed: {outcomes.Select(o => o.Model).Distinct().Count()} models, {outcomes.Count} expressions, " +
            $"{outcomes.Count - failed} agree with JmesPath.Net on {samples} samples each, {failed} failed, {brokenModels} models that could not be run; " +
            $"waiter acceptors that matched on some sample and missed on another: {acceptors.Count(a => a.ConditionsTrue > 0 && a.ConditionsTrue < a.Samples)} of {acceptors.Count}; " +
            $"{watch.Elapsed.TotalSeconds:F0} s");
        return failed == 0 && brokenModels == 0 ? 0 : 1;
    }

    /// <summary>Each botocore service's newest service-2.json that has a paginators or waiters file beside it.</summary>
    internal static IEnumerable<(string Name, string Path)> Models(string folder, ISet<string> only)
    {
        foreach (var service in Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(service);
            if (only.Count > 0 && !only.Contains(name))
            {
                continue;
            }

            var version = Directory.GetDirectories(service).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault();
            var model = version is null ? null : Path.Combine(version, "service-2.json");
            if (model is null || !File.Exists(model))
            {
                continue;
            }

            if (File.Exists(Path.Combine(version!, "paginators-1.json")) || File.Exists(Path.Combine(version!, "waiters-2.json")))
            {
                yield return (name, model);
            }
        }
    }
}

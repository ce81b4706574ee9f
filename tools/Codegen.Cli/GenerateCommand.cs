using System;
using System.IO;
using Codegen.Generator;
using Codegen.Generator.Naming;

namespace Codegen.Cli;

/// <summary>
/// <c>generate &lt;spec&gt; --out &lt;folder&gt;</c>: runs the same pipeline as the source generator and writes each
/// generated file under the folder at its hint name, for people who prefer the code on disk.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        string? spec = null;
        string? output = null;
        string? operations = null;
        string? ns = null;
        var accessibility = "public";
        string? protocol = null;
        var companions = new System.Collections.Generic.Dictionary<Generator.Model.CompanionKind, string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--operations":
                    operations = Value(args, ref i);
                    break;
                case "--namespace":
                    ns = Value(args, ref i);
                    break;
                case "--protocol":
                    protocol = Value(args, ref i);
                    break;
                case "--internal":
                    accessibility = "internal";
                    break;
                case "--endpoint-rules":
                    companions[Generator.Model.CompanionKind.EndpointRules] = Value(args, ref i);
                    break;
                case "--paginators":
                    companions[Generator.Model.CompanionKind.Paginators] = Value(args, ref i);
                    break;
                case "--waiters":
                    companions[Generator.Model.CompanionKind.Waiters] = Value(args, ref i);
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || spec is not null)
                    {
                        throw new UsageException($"unexpected argument '{args[i]}'");
                    }

                    spec = args[i];
                    break;
            }
        }

        if (spec is null || output is null)
        {
            throw new UsageException("generate needs a spec file and --out <folder>");
        }

        var path = Path.GetFullPath(spec);
        var options = (SpecOptions.Parse(ns, operations, accessibility) with { Protocol = protocol })
            .WithCompanionSwitches(kind => companions.TryGetValue(kind, out var value) ? value : null);
        var result = SpecPipeline.Run(CompanionFiles.With(new SpecInput(path, File.ReadAllText(path), options), companions));
        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic.Format());
        }

        if (SpecPipeline.HasErrors(result.Diagnostics))
        {
            return 1;
        }

        foreach (var file in result.Files)
        {
            var target = Path.Combine(output, file.HintName.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, file.Source);
        }

        Console.WriteLine($"{result.Files.Count} files written to {Path.GetFullPath(output)}");
        return 0;
    }

    internal static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }
}

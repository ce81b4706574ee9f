using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Generator;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.CodeAnalysis;

namespace Codegen.Cli;

/// <summary>
/// <c>sweep &lt;folder&gt; [--compile] [--jobs N] [--only a,b,c]</c>: runs the generator over every model under the
/// folder (botocore <c>service-2.json</c> files and Smithy JSON AST files), optionally compiles each model's output
/// in memory with nullable enabled, prints a row per model and ends with <c>N passed, M failed</c> and how many can
/// send. A model passes when it generates without an exception or error diagnostic and compiles with no error or
/// warning. CG0008 (the protocol cannot send yet) is not counted as a warning: it is the "send" column.
/// </summary>
internal static class SweepCommand
{
    public static int Run(string[] args)
    {
        var folders = new List<string>();
        var compile = false;
        var jobs = Environment.ProcessorCount;
        HashSet<string>? only = null;
        string? protocol = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--compile":
                    compile = true;
                    break;
                case "--jobs":
                    jobs = int.Parse(GenerateCommand.Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--protocol":
                    // Like an item's Protocol metadata; models that do not list the protocol are left out.
                    protocol = GenerateCommand.Value(args, ref i);
                    break;
                case "--only":
                    only = new HashSet<string>(GenerateCommand.Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
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
            throw new UsageException("sweep needs a folder");
        }

        var models = folders.SelectMany(FindModels).Where(m => only is null || only.Contains(m.Name) || only.Contains(m.Name[(m.Name.IndexOf('/') + 1)..])).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var total = Stopwatch.StartNew();
        var rows = new ConcurrentDictionary<int, SweepRow>();
        Console.WriteLine(SweepRow.Header);
        var next = 0;
        var printLock = new object();
        Parallel.ForEach(
            models.Select((m, i) => (m, i)),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) },
            item =>
            {
                var row = Sweep(item.m, compile, protocol);
                rows[item.i] = row;
                lock (printLock)
                {
                    // Print in order as rows complete, so the output is deterministic.
                    while (rows.TryGetValue(next, out var ready))
                    {
                        if (!ready.LeftOut)
                        {
                            Console.WriteLine(ready.Format());
                        }

                        next++;
                    }
                }
            });

        var leftOut = rows.Values.Count(r => r.LeftOut);
        var swept = models.Count - leftOut;
        if (protocol is not null)
        {
            Console.WriteLine($"protocol {protocol}: {swept} models list it and were generated with it; {leftOut} left out");
            foreach (var key in rows.Where(r => r.Value.LeftOut).Select(r => r.Key).ToList())
            {
                rows.TryRemove(key, out _);
            }
        }

        var failed = rows.Values.Where(r => !r.Passed).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        foreach (var row in failed)
        {
            Console.WriteLine($"FAILED {row.Name}: {row.FirstProblem}");
        }

        Console.WriteLine($"time: {total.Elapsed.TotalSeconds:F1} s for {swept} models ({(compile ? "generate and compile" : "generate only")}, {jobs} jobs)");
        var cannotSend = rows.Values.Where(r => !r.CanSend).GroupBy(r => r.Protocol).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        Console.WriteLine($"can send: {rows.Values.Count(r => r.CanSend)} of {swept} (cannot yet: {string.Join(", ", cannotSend)})");
        Console.WriteLine($"paginators: {rows.Values.Sum(r => r.PaginatorsGenerated)} generated of {rows.Values.Sum(r => r.PaginatorsDefined)} defined");
        Console.WriteLine($"waiters: {rows.Values.Sum(r => r.WaitersGenerated)} generated of {rows.Values.Sum(r => r.WaitersDefined)} defined");
        Console.WriteLine($"{swept - failed.Count} passed, {failed.Count} failed");
        return failed.Count == 0 ? 0 : 1;
    }

    internal sealed record ModelFile(string Name, string Path);

    /// <summary>How each generated waiter's definition starts (one per waiter in <c>{Client}.Waiters.g.cs</c>).</summary>
    private const string WaiterDefinitionMarker = "internal static readonly global::Codegen.Runtime.Waiters.WaiterDefinition<";

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    internal static IEnumerable<ModelFile> FindModels(string folder)
    {
        if (File.Exists(folder))
        {
            yield return new ModelFile(Path.GetFileNameWithoutExtension(folder), folder);
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            var file = Path.GetFileName(path);
            if (file == "service-2.json")
            {
                // models/botocore/<service>/<version>/service-2.json
                var service = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)))!;
                yield return new ModelFile("botocore/" + service, path);
            }
            else if (!IsBotocoreSidecar(file))
            {
                if (LooksLikeSmithy(path))
                {
                    yield return new ModelFile("smithy/" + Path.GetFileNameWithoutExtension(path), path);
                }
            }
        }
    }

    private static bool IsBotocoreSidecar(string file) =>
        file.StartsWith("paginators-", StringComparison.Ordinal) || file.StartsWith("waiters-", StringComparison.Ordinal) ||
        file.StartsWith("endpoint-rule-set", StringComparison.Ordinal) || file.StartsWith("examples-", StringComparison.Ordinal);

    private static bool LooksLikeSmithy(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[256];
        var read = reader.Read(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("\"smithy\"", StringComparison.Ordinal);
    }

    internal static SweepRow Sweep(ModelFile model, bool compile, string? protocol = null)
    {
        var row = new SweepRow { Name = model.Name };
        try
        {
            var text = File.ReadAllText(model.Path);
            var generate = Stopwatch.StartNew();
            var input = CompanionFiles.With(new SpecInput(model.Path, text, SpecOptions.Default with { Protocol = protocol }));
            var parsed = SpecPipeline.Parse(input, default);
            if (protocol is not null && parsed.Model is { } listed
                && !string.Equals(listed.Metadata.Protocol.DisplayName(), protocol, StringComparison.OrdinalIgnoreCase))
            {
                row.LeftOut = true; // the model does not list the protocol (the generator's CG0010)
                return row;
            }

            var named = SpecPipeline.Name(parsed, default);
            var emitted = SpecPipeline.Emit(named, default);
            generate.Stop();
            row.GenerateMs = generate.ElapsedMilliseconds;
            row.Protocol = parsed.Model?.Metadata.Protocol.DisplayName() ?? "?";
            row.CanSend = parsed.Model is { } read && Generator.Protocols.ProtocolGenerators.For(read.Metadata.Protocol).CanSend;
            row.Operations = parsed.Model?.Operations.Count ?? 0;
            row.Shapes = parsed.Model?.Shapes.Count ?? 0;
            row.Lines = emitted.Files.Sum(f => CountLines(f.Source));
            row.Files = emitted.Files.Count;
            row.PaginatorsDefined = parsed.Model?.Paginators.Count ?? 0;
            row.PaginatorsGenerated = emitted.Files.Count(f => named.Model is { } code && code.Paginators.Any(p => f.HintName == code.Namespace + "/" + p.TypeName + ".g.cs"));
            row.WaitersDefined = parsed.Model?.Waiters.Count ?? 0;
            row.WaitersGenerated = named.Model is { } waiting
                ? emitted.Files.Where(f => f.HintName == waiting.Namespace + "/" + waiting.ClientName + ".Waiters.g.cs").Sum(f => CountOccurrences(f.Source, WaiterDefinitionMarker))
                : 0;
            foreach (var diagnostic in emitted.Diagnostics)
            {
                var severity = Generator.Diagnostics.DiagnosticDescriptors.ById(diagnostic.Id).DefaultSeverity;
                if (diagnostic.Id == Generator.Diagnostics.DiagnosticDescriptors.ProtocolWithoutSerializer.Id)
                {
                    continue; // the "send" column
                }

                if (diagnostic.Id == "CG0009")
                {
                    row.GeneratorExceptions++;
                    row.FirstProblem ??= diagnostic.Format();
                }
                else if (severity == DiagnosticSeverity.Error)
                {
                    row.GeneratorErrors++;
                    row.FirstProblem ??= diagnostic.Format();
                }
                else if (severity == DiagnosticSeverity.Warning)
                {
                    row.GeneratorWarnings++;
                    row.FirstProblem ??= diagnostic.Format();
                }
            }

            if (compile && emitted.Files.Count > 0)
            {
                var timer = Stopwatch.StartNew();
                var compilation = InMemoryCompiler.Create("Sweep", emitted.Files.Select(f => (f.HintName, f.Source)));
                var diagnostics = compilation.GetDiagnostics();
                timer.Stop();
                row.CompileMs = timer.ElapsedMilliseconds;
                foreach (var diagnostic in diagnostics)
                {
                    if (diagnostic.Severity == DiagnosticSeverity.Error)
                    {
                        row.CompileErrors++;
                        row.FirstProblem ??= diagnostic.ToString();
                    }
                    else if (diagnostic.Severity == DiagnosticSeverity.Warning)
                    {
                        row.CompileWarnings++;
                        row.FirstProblem ??= diagnostic.ToString();
                    }
                }
            }
        }
        catch (Exception e)
        {
            row.GeneratorExceptions++;
            row.FirstProblem ??= e.GetType().Name + ": " + e.Message;
        }

        return row;
    }

    private static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}

/// <summary>One model's sweep result.</summary>
internal sealed class SweepRow
{
    public const string Header = "model                                        protocol     send   ops  shapes   files     lines  gen ms  compile ms  errors  warnings  exceptions  paginators  waiters";

    public string Name { get; init; } = "";

    public string Protocol { get; set; } = "?";

    /// <summary>Left out of a <c>--protocol</c> sweep: the model does not list that protocol.</summary>
    public bool LeftOut { get; set; }

    /// <summary>Whether the generated client can send (its protocol has a generator).</summary>
    public bool CanSend { get; set; }

    public int Operations { get; set; }

    public int Shapes { get; set; }

    public int Files { get; set; }

    public int Lines { get; set; }

    public long GenerateMs { get; set; }

    public long CompileMs { get; set; }

    public int GeneratorErrors { get; set; }

    public int GeneratorWarnings { get; set; }

    public int CompileErrors { get; set; }

    public int CompileWarnings { get; set; }

    public int GeneratorExceptions { get; set; }

    public string? FirstProblem { get; set; }

    /// <summary>Paginators the model defines (companion file or Smithy traits).</summary>
    public int PaginatorsDefined { get; set; }

    /// <summary>Paginator types generated (a paginator that does not fit its operation is an error diagnostic instead).</summary>
    public int PaginatorsGenerated { get; set; }

    /// <summary>Waiters the model defines (companion file or Smithy traits).</summary>
    public int WaitersDefined { get; set; }

    /// <summary>Waiters generated (one that does not fit its operation is an error diagnostic instead).</summary>
    public int WaitersGenerated { get; set; }

    public bool Passed => GeneratorExceptions == 0 && GeneratorErrors == 0 && GeneratorWarnings == 0 && CompileErrors == 0 && CompileWarnings == 0;

    public string Format() => string.Format(
        CultureInfo.InvariantCulture,
        "{0,-44} {1,-12} {2,-4} {3,5} {4,7} {5,7} {6,9} {7,7} {8,11} {9,7} {10,9} {11,11} {12,11} {13,8}",
        Name, Protocol, CanSend ? "yes" : "no", Operations, Shapes, Files, Lines, GenerateMs, CompileMs, GeneratorErrors + CompileErrors, GeneratorWarnings + CompileWarnings, GeneratorExceptions, PaginatorsGenerated + "/" + PaginatorsDefined, WaitersGenerated + "/" + WaitersDefined);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Generator;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;

namespace Codegen.Cli;

/// <summary>What happened to one case.</summary>
public enum ConformanceOutcome
{
    Pass,
    Fail,
    Skip,
}

/// <summary>The result of one case: for failures the differences, for skips the reason.</summary>
/// <param name="File">The test file, as <c>input/json.json</c>.</param>
/// <param name="Id">The case id (or <c>file#suite.case</c> when it has none).</param>
public sealed record ConformanceCaseResult(string File, string Id, ConformanceOutcome Outcome, string? Detail)
{
    /// <summary>For a skip because the case is listed: which list (<see cref="IgnoreList"/> or <see cref="KnownFailures"/>).</summary>
    public string? SkipList { get; init; }

    public const string IgnoreList = "botocore-ignore-list";

    public const string KnownFailures = "known-failures";
}

/// <summary>Options of a conformance run.</summary>
public sealed record ConformanceOptions
{
    /// <summary>Test files, or folders searched for <c>*.json</c> test files.</summary>
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

    /// <summary>Botocore's ignore list; <see langword="null"/> looks for <c>protocol-tests-ignore-list.json</c> beside the test folders.</summary>
    public string? IgnoreListPath { get; init; }

    /// <summary>Do not use botocore's ignore list at all (to see how its cases fare).</summary>
    public bool NoIgnoreList { get; init; }

    /// <summary>The repository's known failures; <see langword="null"/> uses <c>conformance/known-failures.json</c> of the repository.</summary>
    public string? KnownFailuresPath { get; init; }

    /// <summary>Also run skipped cases and say in the reason whether they pass.</summary>
    public bool Verbose { get; init; }

    /// <summary>When set, each suite's service model and generated files are written under this folder (for debugging).</summary>
    public string? DumpFolder { get; init; }
}

/// <summary>The results of a run.</summary>
public sealed class ConformanceReport
{
    public List<ConformanceCaseResult> Results { get; } = new();

    public List<string> Notes { get; } = new();

    public int Passed => Results.Count(r => r.Outcome == ConformanceOutcome.Pass);

    public int Failed => Results.Count(r => r.Outcome == ConformanceOutcome.Fail);

    public int Skipped => Results.Count(r => r.Outcome == ConformanceOutcome.Skip);

    /// <summary>The closing line: <c>N passed, M failed, K skipped</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}

/// <summary>
/// Runs botocore-format protocol test files (a JSON list of suites, each with <c>metadata</c>, <c>shapes</c> and
/// <c>cases</c> whose <c>given</c> is an operation) through the generator: each suite becomes a service model, its
/// generated code is compiled in memory and loaded, and each case is checked against it. Input cases serialize
/// <c>params</c> and compare with <c>serialized</c>; output cases read <c>response</c> and compare with
/// <c>result</c> or <c>error</c>.
/// </summary>
public static class ConformanceEngine
{
    public const string IgnoreListFileName = "protocol-tests-ignore-list.json";

    /// <summary>Runs every case of every test file under <see cref="ConformanceOptions.Paths"/>.</summary>
    /// <param name="onResult">Called as each case finishes (for printing as the run goes).</param>
    /// <param name="onFile">Called before each file is run.</param>
    public static ConformanceReport Run(ConformanceOptions options, Action<ConformanceCaseResult>? onResult = null, Action<string>? onFile = null)
    {
        var report = new ConformanceReport();
        var files = new List<string>();
        foreach (var path in options.Paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .Where(f => !string.Equals(Path.GetFileName(f), IgnoreListFileName, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new UsageException($"conformance: '{path}' is neither a file nor a folder");
            }
        }

        var ignoreList = ConformanceSkipList.Empty;
        if (!options.NoIgnoreList)
        {
            var ignorePath = options.IgnoreListPath ?? options.Paths.Select(DefaultIgnoreList).FirstOrDefault(p => p is not null);
            if (ignorePath is not null)
            {
                ignoreList = ConformanceSkipList.ReadIgnoreList(ignorePath);
                report.Notes.Add($"ignore list: {ignorePath} ({ignoreList.Count} entries)");
            }
        }

        var knownFailures = ConformanceSkipList.Empty;
        var knownPath = options.KnownFailuresPath ?? DefaultKnownFailures();
        if (knownPath is not null && File.Exists(knownPath))
        {
            knownFailures = ConformanceSkipList.ReadKnownFailures(knownPath);
            report.Notes.Add($"known failures: {knownPath} ({knownFailures.Count} entries)");
        }

        var fileIndex = 0;
        foreach (var file in files)
        {
            var display = DisplayName(file);
            JsonElement root;
            try
            {
                root = ConformanceJson.Parse(File.ReadAllText(file));
            }
            catch (JsonException e)
            {
                Add(report, onResult, new ConformanceCaseResult(display, display, ConformanceOutcome.Fail, "not JSON: " + e.Message));
                continue;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                if (files.Count == 1 || options.Paths.Contains(file))
                {
                    Add(report, onResult, new ConformanceCaseResult(display, display, ConformanceOutcome.Fail, "not a botocore protocol test file (a JSON list of suites)"));
                }

                continue; // a folder may hold other JSON files
            }

            onFile?.Invoke(display);
            var run = new FileRun(display, Path.GetFileNameWithoutExtension(file), fileIndex++, root, options, ignoreList, knownFailures);
            foreach (var result in run.Execute())
            {
                Add(report, onResult, result);
            }
        }

        return report;
    }

    private static void Add(ConformanceReport report, Action<ConformanceCaseResult>? onResult, ConformanceCaseResult result)
    {
        report.Results.Add(result);
        onResult?.Invoke(result);
    }

    /// <summary><c>input/json.json</c>: the file and the folder holding it.</summary>
    private static string DisplayName(string file)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)));
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(file) : folder + "/" + Path.GetFileName(file);
    }

    private static string? DefaultIgnoreList(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        foreach (var candidate in new[] { folder, Path.GetDirectoryName(folder) })
        {
            if (candidate is not null && File.Exists(Path.Combine(candidate, IgnoreListFileName)))
            {
                return Path.Combine(candidate, IgnoreListFileName);
            }
        }

        return null;
    }

    /// <summary><c>conformance/known-failures.json</c> in the repository holding the current folder or this tool.</summary>
    public static string? DefaultKnownFailures()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Codegen.sln")))
                {
                    return Path.Combine(dir.FullName, "conformance", "known-failures.json");
                }
            }
        }

        return null;
    }

    /// <summary>One test file: its suites split into models, compiled together, and its cases run.</summary>
    private sealed class FileRun(
        string display,
        string protocolKey,
        int fileIndex,
        JsonElement root,
        ConformanceOptions options,
        ConformanceSkipList ignoreList,
        ConformanceSkipList knownFailures)
    {
        public IEnumerable<ConformanceCaseResult> Execute()
        {
            var groups = new List<ModelGroup>();
            var suiteIndex = 0;
            foreach (var suite in root.EnumerateArray())
            {
                groups.AddRange(Split(suite, suiteIndex++));
            }

            // Generate each model; those the generator cannot write fail or skip as a whole.
            var compilable = new List<ModelGroup>();
            var early = new Dictionary<ModelGroup, (ConformanceOutcome Outcome, string Detail)>();
            foreach (var group in groups)
            {
                var problem = group.Generate();
                if (options.DumpFolder is { } dump)
                {
                    group.Dump(Path.Combine(dump, Path.GetFileNameWithoutExtension(display.Replace('/', '_'))));
                }

                if (problem is not null)
                {
                    early[group] = problem.Value;
                }
                else
                {
                    compilable.Add(group);
                }
            }

            var compileFailures = ConformanceCompiler.CompileAndLoad(compilable, $"Conformance.File{fileIndex}");
            foreach (var group in groups)
            {
                foreach (var testCase in group.Cases)
                {
                    yield return RunCase(group, testCase, early, compileFailures);
                }
            }
        }

        private ConformanceCaseResult RunCase(
            ModelGroup group,
            TestCase testCase,
            Dictionary<ModelGroup, (ConformanceOutcome Outcome, string Detail)> early,
            Dictionary<ModelGroup, string> compileFailures)
        {
            var skipReason = ignoreList.Find(protocolKey, testCase.Type, group.Description, testCase.Id);
            var skipList = skipReason is null ? null : ConformanceCaseResult.IgnoreList;
            if (skipReason is null && knownFailures.Find(protocolKey, testCase.Type, group.Description, testCase.Id) is { } known)
            {
                skipReason = known;
                skipList = ConformanceCaseResult.KnownFailures;
            }

            if (skipReason is not null && (!options.Verbose || early.ContainsKey(group) || compileFailures.ContainsKey(group)))
            {
                return new ConformanceCaseResult(display, testCase.Id, ConformanceOutcome.Skip, skipReason) { SkipList = skipList };
            }

            if (early.TryGetValue(group, out var problem))
            {
                return new ConformanceCaseResult(display, testCase.Id, problem.Outcome, problem.Detail);
            }

            if (compileFailures.TryGetValue(group, out var compileError))
            {
                return new ConformanceCaseResult(display, testCase.Id, ConformanceOutcome.Fail, compileError);
            }

            string? failure;
            try
            {
                failure = testCase.Type == "input"
                    ? ConformanceCases.RunInput(group, testCase)
                    : ConformanceCases.RunOutput(group, testCase);
            }
            catch (ConformanceException e)
            {
                failure = e.Message;
            }
            catch (Exception e)
            {
                failure = $"the runner failed: {e.GetType().Name}: {e.Message}";
            }

            if (skipReason is not null)
            {
                return new ConformanceCaseResult(display, testCase.Id, ConformanceOutcome.Skip,
                    skipReason + (failure is null ? " (it passes here)" : " (it fails here: " + failure.Split('\n')[0] + ")"))
                {
                    SkipList = skipList,
                };
            }

            return new ConformanceCaseResult(display, testCase.Id, failure is null ? ConformanceOutcome.Pass : ConformanceOutcome.Fail, failure);
        }

        /// <summary>
        /// A suite's cases, split so that each model holds one definition per operation name (cases of one suite
        /// may define the same operation differently).
        /// </summary>
        private IEnumerable<ModelGroup> Split(JsonElement suite, int suiteIndex)
        {
            if (suite.ValueKind != JsonValueKind.Object)
            {
                return Array.Empty<ModelGroup>();
            }

            var description = suite.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : $"suite {suiteIndex}";
            var groups = new List<ModelGroup>();
            if (!suite.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            {
                return groups;
            }

            var caseIndex = 0;
            foreach (var item in cases.EnumerateArray())
            {
                var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String
                    ? idValue.GetString()!
                    : $"{display}#{suiteIndex}.{caseIndex}";
                caseIndex++;
                var type = item.TryGetProperty("response", out _) ? "output" : "input";
                var given = item.TryGetProperty("given", out var g) && g.ValueKind == JsonValueKind.Object ? JsonNode.Parse(g.GetRawText())!.AsObject() : new JsonObject();
                var name = given["name"]?.GetValue<string>() ?? "OperationName";
                given["name"] = name;
                var canonical = given.ToJsonString();
                var group = groups.FirstOrDefault(x => !x.Operations.TryGetValue(name, out var existing) || existing == canonical);
                if (group is null)
                {
                    group = new ModelGroup(display, description, suite, $"Conformance.File{fileIndex}.Suite{suiteIndex}" + (groups.Count == 0 ? "" : "_" + groups.Count));
                    groups.Add(group);
                }

                group.Operations[name] = canonical;
                group.Cases.Add(new TestCase(id, type, name, item));
            }

            return groups;
        }
    }
}

internal sealed record TestCase(string Id, string Type, string OperationName, JsonElement Json);

/// <summary>The cases of one suite that share one service model, and what was generated and loaded for it.</summary>
internal sealed class ModelGroup(string file, string description, JsonElement suite, string ns)
{
    public string File { get; } = file;

    public string Description { get; } = description;

    public string Namespace { get; } = ns;

    /// <summary>Operation name to its <c>given</c> definition (canonical JSON).</summary>
    public Dictionary<string, string> Operations { get; } = new(StringComparer.Ordinal);

    public List<TestCase> Cases { get; } = new();

    public JsonElement Suite { get; } = suite;

    public string ModelText { get; private set; } = "";

    public CodeModel? Model { get; private set; }

    public IReadOnlyList<(string HintName, string Source)> Files { get; private set; } = Array.Empty<(string, string)>();

    public string Diagnostics { get; private set; } = "";

    public System.Reflection.Assembly? Assembly { get; set; }

    public ConformanceValues? Values { get; set; }

    /// <summary>Writes the model, the generator's diagnostics and the generated files under <paramref name="folder"/>/<see cref="Namespace"/>.</summary>
    public void Dump(string folder)
    {
        var target = Path.Combine(folder, Namespace);
        Directory.CreateDirectory(target);
        System.IO.File.WriteAllText(Path.Combine(target, "model.json"), ModelText);
        System.IO.File.WriteAllText(Path.Combine(target, "diagnostics.txt"), Diagnostics);
        foreach (var (hintName, source) in Files)
        {
            var path = Path.Combine(target, hintName.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, source);
        }
    }

    /// <summary>Writes the botocore service model of this group and runs the generator on it; a problem fails or skips every case.</summary>
    public (ConformanceOutcome Outcome, string Detail)? Generate()
    {
        var metadata = Suite.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(m.GetRawText())!.AsObject()
            : new JsonObject();
        if (metadata["serviceId"] is null && metadata["serviceFullName"] is null && metadata["endpointPrefix"] is null)
        {
            metadata["serviceId"] = metadata["targetPrefix"]?.GetValue<string>() ?? "ProtocolTest";
        }

        var operations = new JsonObject();
        foreach (var pair in Operations)
        {
            operations[pair.Key] = JsonNode.Parse(pair.Value);
        }

        var model = new JsonObject
        {
            ["version"] = "2.0",
            ["metadata"] = metadata,
            ["operations"] = operations,
            ["shapes"] = Suite.TryGetProperty("shapes", out var s) ? JsonNode.Parse(s.GetRawText()) : new JsonObject(),
        };
        ModelText = model.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        var input = new SpecInput($"{File}#{Namespace}.json", ModelText, SpecOptions.Parse(Namespace, null, "public"));
        var named = SpecPipeline.Name(SpecPipeline.Parse(input, default), default);
        var emitted = SpecPipeline.Emit(named, default);
        Diagnostics = string.Join("\n", emitted.Diagnostics.Select(x => x.Format()));
        if (SpecPipeline.HasErrors(emitted.Diagnostics) || named.Model is null)
        {
            return (ConformanceOutcome.Fail, "the generator reported errors:\n" + Diagnostics);
        }

        Model = named.Model;
        if (!Codegen.Generator.Protocols.ProtocolGenerators.For(Model.Metadata.Protocol).CanSend)
        {
            return (ConformanceOutcome.Skip, $"protocol {Model.Metadata.Protocol.DisplayName()} has no generator yet");
        }

        Files = emitted.Files.Select(f => (f.HintName, f.Source)).ToList();
        return null;
    }
}

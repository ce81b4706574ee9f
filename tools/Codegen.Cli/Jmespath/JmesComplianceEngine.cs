using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Generator.Jmespath;
using Codegen.Testing;
using Codegen.Runtime.Jmespath;
using Microsoft.CodeAnalysis;

namespace Codegen.Cli.Jmespath;

/// <summary>One case of the JMESPath compliance suite: the document, the expression and the result or error kind it must give.</summary>
internal sealed record JmesComplianceCase(string Id, string Given, string Expression, string? Result, string? Error);

/// <summary>What one case gave.</summary>
internal sealed record JmesCaseOutcome(JmesComplianceCase Case, bool Passed, string Detail);

/// <summary>
/// Runs the JMESPath compliance suite (<c>{given, cases: [{expression, result | error}]}</c> files) through the
/// generator's JMESPath compiler: every expression is parsed, typed and emitted as C# over a root of unknown type
/// (a <c>JsonNode</c>), all of them are compiled into one in-memory assembly, and each is run on its document. A case
/// passes when the result equals the expected one as JSON, or when the expected error kind is the one the compiler
/// reported (syntax, invalid-arity, unknown-function, and invalid-type or invalid-value where the compiler can see
/// it) or the one the compiled code threw (<see cref="JmesPathException"/>).
/// </summary>
internal static class JmesComplianceEngine
{
    public static List<JmesComplianceCase> Load(IEnumerable<string> files)
    {
        var cases = new List<JmesComplianceCase>();
        foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var suite = 0;
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var given = group.GetProperty("given").GetRawText();
                var index = 0;
                foreach (var item in group.GetProperty("cases").EnumerateArray())
                {
                    var id = $"{Path.GetFileNameWithoutExtension(file)}#{suite}#{index++}";
                    cases.Add(new JmesComplianceCase(
                        id,
                        given,
                        item.GetProperty("expression").GetString()!,
                        item.TryGetProperty("result", out var result) ? result.GetRawText() : null,
                        item.TryGetProperty("error", out var error) ? error.GetString() : null));
                }

                suite++;
            }
        }

        return cases;
    }

    public static List<JmesCaseOutcome> Run(IReadOnlyList<JmesComplianceCase> cases)
    {
        var outcomes = new JmesCaseOutcome?[cases.Count];
        var methods = new Dictionary<int, string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var root = new JmesValue("input", JmesAny.Instance, false);
            var (value, error) = JmesCompiler.Compile(cases[i].Expression, root, NoShapes.Instance);
            if (value is null)
            {
                outcomes[i] = ErrorOutcome(cases[i], error!.KindName, "compile time: " + error.Message + " (at " + error.Offset + ")");
                continue;
            }

            methods[i] = value.Code;
        }

        var (assembly, broken) = Compile(methods);
        foreach (var (index, message) in broken)
        {
            outcomes[index] = new JmesCaseOutcome(cases[index], false, "the generated C# does not compile: " + message);
        }

        var type = assembly?.GetType("JmesCompliance.Cases");
        foreach (var index in methods.Keys.Where(i => outcomes[i] is null))
        {
            var method = type!.GetMethod("Case" + index, BindingFlags.Public | BindingFlags.Static)!;
            outcomes[index] = Execute(cases[index], method);
        }

        return outcomes.Select(o => o!).ToList();
    }

    private static JmesCaseOutcome Execute(JmesComplianceCase @case, MethodInfo method)
    {
        JsonNode? result;
        try
        {
            result = (JsonNode?)method.Invoke(null, new object?[] { JsonNode.Parse(@case.Given) });
        }
        catch (TargetInvocationException e) when (e.InnerException is JmesPathException failure)
        {
            return ErrorOutcome(@case, failure.Kind, "run time: " + failure.Message);
        }
        catch (TargetInvocationException e)
        {
            return new JmesCaseOutcome(@case, false, "threw " + e.InnerException);
        }

        var actual = result?.ToJsonString() ?? "null";
        if (@case.Error is not null)
        {
            return new JmesCaseOutcome(@case, false, $"expected error {@case.Error}, got {actual}");
        }

        if (@case.Result is null)
        {
            // The benchmark cases name no result: they pass when they compile and run.
            return new JmesCaseOutcome(@case, true, actual);
        }

        var differences = JsonSemantics.Differences(@case.Result, actual);
        return differences.Count == 0
            ? new JmesCaseOutcome(@case, true, actual)
            : new JmesCaseOutcome(@case, false, $"expected {@case.Result}, got {actual}: {string.Join("; ", differences)}");
    }

    private static JmesCaseOutcome ErrorOutcome(JmesComplianceCase @case, string kind, string detail)
    {
        if (@case.Error is null)
        {
            return new JmesCaseOutcome(@case, false, $"expected {@case.Result}, got error {kind} ({detail})");
        }

        return new JmesCaseOutcome(@case, @case.Error == kind, $"error {kind} ({detail})");
    }

    /// <summary>Compiles every case's method (one syntax tree each); a case whose code does not compile is left out and reported.</summary>
    private static (Assembly? Assembly, Dictionary<int, string> Broken) Compile(Dictionary<int, string> methods)
    {
        var broken = new Dictionary<int, string>();
        var remaining = new Dictionary<int, string>(methods);
        while (true)
        {
            var sources = remaining.Select(pair => ($"Case{pair.Key}.cs", Source(pair.Key, pair.Value))).ToList();
            var compilation = InMemoryCompiler.Create("JmesCompliance", sources);
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream);
            if (emitted.Success)
            {
                stream.Position = 0;
                return (new AssemblyLoadContext("JmesCompliance", isCollectible: true).LoadFromStream(stream), broken);
            }

            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var culprits = errors
                .Select(d => d.Location.SourceTree?.FilePath)
                .Where(p => p is not null && p.StartsWith("Case", StringComparison.Ordinal))
                .Select(p => int.Parse(p!.Substring(4, p.Length - 7), System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .ToList();
            if (culprits.Count == 0)
            {
                throw new InvalidOperationException("the compliance cases do not compile: " + string.Join("\n", errors.Take(5)));
            }

            foreach (var culprit in culprits)
            {
                broken[culprit] = string.Join("; ", errors.Where(d => d.Location.SourceTree?.FilePath == $"Case{culprit}.cs").Take(3).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                remaining.Remove(culprit);
            }
        }
    }

    private static string Source(int index, string code) => $$"""
        #nullable enable
        namespace JmesCompliance
        {
            public static partial class Cases
            {
                public static global::System.Text.Json.Nodes.JsonNode? Case{{index}}(global::System.Text.Json.Nodes.JsonNode? input) =>
                    {{code}};
            }
        }
        """;

    /// <summary>No generated structures: every value of the compliance suite is a JSON value.</summary>
    private sealed class NoShapes : IJmesShapes
    {
        public static readonly NoShapes Instance = new();

        public Generator.Model.CodeType? Find(string shapeName) => null;
    }
}

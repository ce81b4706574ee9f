using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using System.Threading;
using Codegen.Generator.Endpoints;
using Codegen.Generator.Naming;
using Codegen.Runtime.Endpoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Cli.Endpoints;

/// <summary>How one service's cases went.</summary>
internal sealed class EndpointSuiteResult
{
    public EndpointSuiteResult(EndpointSuite suite) => Suite = suite;

    public EndpointSuite Suite { get; }

    public int Passed { get; set; }

    public List<string> Failures { get; } = new();

    public List<string> Skips { get; } = new();

    /// <summary>Why the rule set gave no runnable resolver (diagnostics or compiler errors), if it did not.</summary>
    public string? BuildError { get; set; }

    public int Failed => Failures.Count + (BuildError is null ? 0 : Math.Max(1, Suite.Cases.Count - Skips.Count));

    public int Skipped => Skips.Count;

    public int Lines { get; set; }
}

/// <summary>
/// Compiles rule sets with <see cref="EndpointRulesEmitter"/>, compiles the C# in memory (several services per
/// compilation, each in its own namespace; warnings count as failures, as they would in a project with
/// warnings as errors), loads it and runs every test case through the compiled <c>Resolve</c>: the URL is compared
/// as text, headers and properties by JSON meaning, an expected error by its message.
/// </summary>
internal static class EndpointConformance
{
    private const int BatchSize = 48;

    public static List<EndpointSuiteResult> Run(IReadOnlyList<EndpointSuite> suites, string? dumpFolder = null, Action<EndpointSuiteResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        var results = new List<EndpointSuiteResult>();
        foreach (var batch in suites.Chunk(BatchSize))
        {
            var generated = new List<(EndpointSuite Suite, EndpointSuiteResult Result, EndpointRulesOutput Output)>();
            foreach (var suite in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = new EndpointSuiteResult(suite);
                var output = EndpointRulesEmitter.Emit(new EndpointRulesInput(suite.RuleSetPath, File.ReadAllText(suite.RuleSetPath), Namespace(suite), ServiceName(suite)), cancellationToken);
                var problems = output.Diagnostics.Where(d => d.Id != "CG0006").ToList();
                if (output.Info is null || problems.Count > 0)
                {
                    result.BuildError = "the rule set does not compile to C#:\n" + string.Join("\n", problems.Select(d => d.Format()));
                }
                else
                {
                    result.Lines = output.Files.Sum(f => f.Source.Count(c => c == '\n'));
                    foreach (var file in dumpFolder is null ? Enumerable.Empty<Generator.Emit.GeneratedFile>() : output.Files)
                    {
                        var path = Path.Combine(dumpFolder!, file.HintName);
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        File.WriteAllText(path, file.Source);
                    }

                    generated.Add((suite, result, output));
                }

                results.Add(result);
            }

            var assembly = CompileAndLoad(generated.Select(g => (g.Result, g.Output)).ToList(), cancellationToken);
            foreach (var (suite, result, output) in generated)
            {
                if (result.BuildError is null && assembly is not null)
                {
                    RunCases(suite, result, output.Info!, assembly);
                }
            }

            foreach (var suite in batch)
            {
                onResult?.Invoke(results.First(r => r.Suite == suite));
            }
        }

        return results;
    }

    public static string Namespace(EndpointSuite suite) =>
        "EndpointTests." + string.Join(".", suite.Name.Split('/').Select(Identifiers.ToPascalCase));

    public static string ServiceName(EndpointSuite suite) => Identifiers.ToPascalCase(suite.Name.Split('/').Last());

    /// <summary>Compiles every output into one assembly; a service whose code has errors or warnings gets a build error and is left out.</summary>
    private static Assembly? CompileAndLoad(List<(EndpointSuiteResult Result, EndpointRulesOutput Output)> items, CancellationToken cancellationToken)
    {
        var remaining = items;
        for (var attempt = 0; remaining.Count > 0 && attempt < 3; attempt++)
        {
            var owners = new Dictionary<SyntaxTree, EndpointSuiteResult>();
            foreach (var (result, output) in remaining)
            {
                foreach (var file in output.Files)
                {
                    owners[CSharpSyntaxTree.ParseText(file.Source, InMemoryCompiler.ParseOptions, file.HintName, cancellationToken: cancellationToken)] = result;
                }
            }

            var compilation = CSharpCompilation.Create(
                "EndpointRules_" + Guid.NewGuid().ToString("N"),
                owners.Keys,
                InMemoryCompiler.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release, concurrentBuild: true));
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream, cancellationToken: cancellationToken);
            var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).ToList();
            if (emit.Success && problems.Count == 0)
            {
                stream.Position = 0;
                return new AssemblyLoadContext("EndpointRules", isCollectible: true).LoadFromStream(stream);
            }

            var broken = new HashSet<EndpointSuiteResult>();
            foreach (var group in problems.GroupBy(d => d.Location.SourceTree is { } tree && owners.TryGetValue(tree, out var owner) ? owner : null))
            {
                if (group.Key is null)
                {
                    foreach (var (result, _) in remaining)
                    {
                        result.BuildError = "the generated C# does not compile:\n" + string.Join("\n", group.Take(10));
                    }

                    return null;
                }

                group.Key.BuildError = "the generated C# does not compile cleanly:\n" + string.Join("\n", group.Take(10)) + (group.Count() > 10 ? $"\n... and {group.Count() - 10} more" : "");
                broken.Add(group.Key);
            }

            remaining = remaining.Where(r => !broken.Contains(r.Result)).ToList();
        }

        return null;
    }

    private static void RunCases(EndpointSuite suite, EndpointSuiteResult result, EndpointRulesInfo info, Assembly assembly)
    {
        var parametersType = assembly.GetType(info.Namespace + "." + info.ParametersTypeName, throwOnError: true)!;
        var resolve = assembly.GetType(info.Namespace + "." + info.ResolverTypeName, throwOnError: true)!.GetMethod("Resolve")!;
        var bindings = info.Parameters.ToDictionary(b => b.Parameter.Name, StringComparer.Ordinal);
        foreach (var testCase in suite.Cases)
        {
            var id = $"{suite.Name} #{testCase.Number} ({testCase.Documentation})";
            if (EndpointSkipList.Reason(suite.Name, testCase, bindings.ContainsKey("UseDualStack")) is { } reason)
            {
                result.Skips.Add($"{id}: {reason}");
                continue;
            }

            var failure = RunCase(testCase, parametersType, resolve, bindings);
            if (failure is null)
            {
                result.Passed++;
            }
            else
            {
                result.Failures.Add($"{id}: {failure}");
            }
        }
    }

    /// <summary>Runs one case; returns what differs, or null when it passes.</summary>
    private static string? RunCase(EndpointCase testCase, Type parametersType, MethodInfo resolve, Dictionary<string, EndpointParameterBinding> bindings)
    {
        var parameters = Activator.CreateInstance(parametersType)!;
        foreach (var (name, value) in testCase.Parameters)
        {
            if (!bindings.TryGetValue(name, out var binding))
            {
                return $"the test sets '{name}', which is not a parameter of the rule set";
            }

            object? converted;
            try
            {
                converted = binding.Parameter.Type switch
                {
                    EndpointParameterType.String => (string?)value,
                    EndpointParameterType.Boolean => (bool?)value,
                    _ => value?.AsArray().Select(v => (string)v!).ToArray(),
                };
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                return $"the test gives '{name}' a value of the wrong type: {value?.ToJsonString()}";
            }

            parametersType.GetProperty(binding.PropertyName)!.SetValue(parameters, converted);
        }

        ResolvedEndpoint endpoint;
        try
        {
            endpoint = (ResolvedEndpoint)resolve.Invoke(null, new[] { parameters })!;
        }
        catch (TargetInvocationException e) when (e.InnerException is EndpointResolutionException error)
        {
            return testCase.ExpectedError is { } expected
                ? (error.Message == expected ? null : $"expected the error \"{expected}\", got the error \"{error.Message}\"")
                : $"expected an endpoint, got the error \"{error.Message}\"";
        }
        catch (TargetInvocationException e)
        {
            return $"the resolver threw {e.InnerException!.GetType().Name}: {e.InnerException.Message}";
        }

        if (testCase.ExpectedError is { } message)
        {
            return $"expected the error \"{message}\", got the endpoint {endpoint.Url}";
        }

        var expectedEndpoint = testCase.ExpectedEndpoint ?? new JsonObject();
        var differences = new List<string>();
        var url = (string?)expectedEndpoint["url"];
        if (url != endpoint.Url)
        {
            differences.Add($"url: expected {url}, got {endpoint.Url}");
        }

        var expectedHeaders = expectedEndpoint["headers"] ?? new JsonObject();
        var actualHeaders = new JsonObject(endpoint.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)new JsonArray(h.Value.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()))));
        if (!JsonNode.DeepEquals(expectedHeaders, actualHeaders))
        {
            differences.Add($"headers: expected {expectedHeaders.ToJsonString()}, got {actualHeaders.ToJsonString()}");
        }

        var expectedProperties = expectedEndpoint["properties"] ?? new JsonObject();
        var actualProperties = ToJson(endpoint.Properties);
        if (!JsonNode.DeepEquals(expectedProperties, actualProperties))
        {
            differences.Add($"properties: expected {expectedProperties.ToJsonString()}, got {actualProperties?.ToJsonString()}");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    /// <summary>A property value as JSON: strings, booleans, numbers, lists and objects, as <see cref="ResolvedEndpoint.Properties"/> documents.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        long integer => JsonValue.Create(integer),
        double number => JsonValue.Create(number),
        IReadOnlyDictionary<string, object> entries => new JsonObject(entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        IReadOnlyList<object> items => new JsonArray(items.Select(ToJson).ToArray()),
        _ => throw new InvalidOperationException("unexpected property value of type " + value.GetType().Name),
    };
}

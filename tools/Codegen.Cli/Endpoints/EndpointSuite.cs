using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Codegen.Cli.Endpoints;

/// <summary>
/// One service's endpoint rules and their test cases: a botocore <c>endpoint-rule-set-1.json</c> with the
/// <c>endpoint-tests-1.json</c> of the same service, or a Smithy model whose service shape carries both the
/// <c>smithy.rules#endpointRuleSet</c> and <c>smithy.rules#endpointTests</c> traits.
/// </summary>
/// <param name="Name">The service, e.g. <c>s3</c> (botocore) or <c>smithy/s3</c>.</param>
/// <param name="RuleSetPath">The file that holds the rule set.</param>
/// <param name="Cases">The test cases.</param>
internal sealed record EndpointSuite(string Name, string RuleSetPath, IReadOnlyList<EndpointCase> Cases)
{
    /// <summary>botocore: every <c>&lt;service&gt;/&lt;version&gt;/endpoint-rule-set-1.json</c> under <paramref name="modelsFolder"/> with its tests under <paramref name="testsFolder"/>.</summary>
    public static IEnumerable<EndpointSuite> FromBotocore(string modelsFolder, string testsFolder)
    {
        foreach (var serviceFolder in Directory.GetDirectories(modelsFolder).OrderBy(p => p, StringComparer.Ordinal))
        {
            var service = Path.GetFileName(serviceFolder);
            var ruleSet = Directory.GetDirectories(serviceFolder)
                .OrderByDescending(p => p, StringComparer.Ordinal)
                .Select(v => Path.Combine(v, "endpoint-rule-set-1.json"))
                .FirstOrDefault(File.Exists);
            if (ruleSet is null)
            {
                continue;
            }

            var tests = Path.Combine(testsFolder, service, "endpoint-tests-1.json");
            var cases = File.Exists(tests)
                ? ReadCases(JsonNode.Parse(File.ReadAllText(tests))!)
                : Array.Empty<EndpointCase>();
            yield return new EndpointSuite(service, ruleSet, cases);
        }
    }

    /// <summary>Smithy: every model under <paramref name="folder"/> (matching <paramref name="pattern"/>) whose service shape has the rule set trait; the cases come from its tests trait.</summary>
    public static IEnumerable<EndpointSuite> FromSmithy(string folder, string pattern = "*.json")
    {
        foreach (var file in Directory.GetFiles(folder, pattern).OrderBy(p => p, StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("smithy.rules#endpointRuleSet", StringComparison.Ordinal))
            {
                continue;
            }

            var shapes = JsonNode.Parse(text)?["shapes"]?.AsObject();
            var service = shapes?.Select(s => s.Value).FirstOrDefault(s => (string?)s?["type"] == "service" && s?["traits"]?["smithy.rules#endpointRuleSet"] is not null);
            var tests = service?["traits"]?["smithy.rules#endpointTests"];
            yield return new EndpointSuite("smithy/" + Path.GetFileNameWithoutExtension(file), file, tests is null ? Array.Empty<EndpointCase>() : ReadCases(tests));
        }
    }

    private static EndpointCase[] ReadCases(JsonNode tests) =>
        (tests["testCases"]?.AsArray() ?? new JsonArray())
            .Select((c, i) => new EndpointCase(
                i + 1,
                (string?)c!["documentation"] ?? $"case {i + 1}",
                c["params"]?.AsObject() ?? new JsonObject(),
                c["expect"]!.AsObject()))
            .ToArray();
}

/// <summary>A test case: the parameters and either the expected endpoint (<c>url</c>, <c>headers</c>, <c>properties</c>) or the expected error message.</summary>
internal sealed record EndpointCase(int Number, string Documentation, JsonObject Parameters, JsonObject Expect)
{
    public string? ExpectedError => Expect["error"] is JsonValue error ? (string?)error : null;

    public JsonObject? ExpectedEndpoint => Expect["endpoint"] as JsonObject;
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Codegen.Generator.Naming;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Generator.Tests.Fuzz;

/// <summary>
/// Mutates real models (truncation, character flips, JSON type swaps, deleted and renamed shapes, very deep
/// nesting, very long strings, duplicate keys) in a seeded run and checks that the generator never throws and
/// that whenever it emits code without an error diagnostic, that code compiles. Reproduce a failure with its
/// case number: every case derives its random numbers from <see cref="Seed"/> and the number alone.
/// </summary>
public class GeneratorFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261125;
    private const int Cases = 10_000;

    [Fact]
    public void MutatedModelsNeverCrashTheGeneratorAndCleanOutputCompiles()
    {
        var bases = new[]
        {
            CompactModel(),
            Spec.FromRepository("cognito-idp/VerifySoftwareToken.json").Text,
        };
        var compiled = new ConcurrentDictionary<string, bool>();
        var failures = new ConcurrentBag<string>();
        var counts = new ConcurrentDictionary<string, int>();

        Parallel.For(0, Cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(HashCode.Combine(Seed, i));
            var baseText = bases[i % 4 == 3 ? 1 : 0];
            var (kind, text) = Mutate(baseText, random);
            counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
            Codegen.Generator.EmittedSpec result;
            try
            {
                result = SpecPipeline.Run(new SpecInput("/fuzz/case" + i + ".json", text, SpecOptions.Parse("Fuzz.Case", null, null)));
            }
            catch (Exception e)
            {
                failures.Add($"case {i} ({kind}): the generator threw {e}");
                return;
            }

            if (result.Diagnostics.Any(d => d.Id == "CG0009"))
            {
                failures.Add($"case {i} ({kind}): internal error {result.Diagnostics.First(d => d.Id == "CG0009").Message}");
                return;
            }

            if (SpecPipeline.HasErrors(result.Diagnostics) || result.Files.IsEmpty)
            {
                counts.AddOrUpdate("rejected with a diagnostic", 1, (_, n) => n + 1);
                return;
            }

            counts.AddOrUpdate("generated", 1, (_, n) => n + 1);
            var key = CodeKey(result.Files.Select(f => f.Source));
            if (!compiled.TryAdd(key, true))
            {
                return;
            }

            var compilation = GeneratorHarness.CreateCompilation().AddSyntaxTrees(result.Files.Select(f => CSharpSyntaxTree.ParseText(f.Source, GeneratorHarness.ParseOptions, f.HintName)));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                failures.Add($"case {i} ({kind}): generated code does not compile: {errors[0]}");
            }
        });

        output.WriteLine($"{Cases} cases from seed {Seed}; distinct outputs compiled: {compiled.Count}");
        foreach (var pair in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {pair.Key}: {pair.Value}");
        }

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.True(counts.GetValueOrDefault("generated") > Cases / 20, "too few mutations produced code: the fuzzer is not reaching the emitters");
        Assert.True(counts.GetValueOrDefault("rejected with a diagnostic") > Cases / 20, "too few mutations were rejected: the fuzzer is not breaking models");
    }

    /// <summary>Outputs that differ only in documentation compile alike; compile each shape of code once.</summary>
    private static string CodeKey(IEnumerable<string> sources)
    {
        var builder = new StringBuilder();
        foreach (var source in sources)
        {
            foreach (var line in source.Split('\n'))
            {
                if (!line.TrimStart().StartsWith("///", StringComparison.Ordinal))
                {
                    builder.Append(line).Append('\n');
                }
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static (string Kind, string Text) Mutate(string text, Random random)
    {
        switch (random.Next(9))
        {
            case 0:
                return ("truncation", text[..random.Next(text.Length)]);
            case 1:
                var chars = text.ToCharArray();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    const string Replacements = "{}[]\",:0a9 \\-._#é\u0000\n";
                    chars[random.Next(chars.Length)] = Replacements[random.Next(Replacements.Length)];
                }

                return ("character flips", new string(chars));
            case 2:
                return ("deep nesting", Structured(text, random, (node, r) => ReplaceRandomValue(node, r, Deep(r.Next(50, 600)))));
            case 3:
                return ("long string", Structured(text, random, (node, r) => ReplaceRandomValue(node, r, JsonValue.Create(new string('x', r.Next(1000, 100_000))))));
            case 4:
                return ("duplicate key", DuplicateKey(text, random));
            default:
                return ("type swap, deleted or renamed shape", Structured(text, random, MutateShapes));
        }
    }

    private static string Structured(string text, Random random, Action<JsonNode, Random> mutate)
    {
        var root = JsonNode.Parse(text)!;
        mutate(root, random);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, MaxDepth = 2048 });
    }

    private static void MutateShapes(JsonNode root, Random random)
    {
        var shapes = root["shapes"]!.AsObject();
        var names = shapes.Select(p => p.Key).ToList();
        var name = names[random.Next(names.Count)];
        switch (random.Next(4))
        {
            case 0:
                shapes.Remove(name);
                break;
            case 1:
                var shape = shapes[name]!;
                shapes.Remove(name);
                shapes[name + (random.Next(2) == 0 ? "X" : "-renamed.2")] = shape;
                break;
            default:
                ReplaceRandomValue(root, random, RandomValue(random));
                break;
        }
    }

    private static JsonNode? RandomValue(Random random) => random.Next(7) switch
    {
        0 => JsonValue.Create(random.Next(-5, 1_000_000)),
        1 => JsonValue.Create("String"),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonArray(JsonValue.Create("x"), JsonValue.Create(1)),
        4 => new JsonObject { ["shape"] = "Nowhere" },
        5 => null,
        _ => JsonValue.Create("structure"),
    };

    private static void ReplaceRandomValue(JsonNode root, Random random, JsonNode? replacement)
    {
        var all = new List<(JsonNode Parent, object Key)>();
        Collect(root, all);
        var (parent, key) = all[random.Next(all.Count)];
        if (parent is JsonObject obj)
        {
            obj[(string)key] = replacement;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = replacement;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> into)
    {
        if (node is JsonObject obj)
        {
            foreach (var pair in obj.ToList())
            {
                into.Add((obj, pair.Key));
                if (pair.Value is not null)
                {
                    Collect(pair.Value, into);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                into.Add((array, i));
                if (array[i] is { } child)
                {
                    Collect(child, into);
                }
            }
        }
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["member"] = node };
        }

        return node;
    }

    private static string DuplicateKey(string text, Random random)
    {
        // Repeat a "key": value line with another value, textually (JsonNode cannot hold duplicates).
        var lines = text.Split('\n');
        var candidates = lines.Select((l, i) => (l, i)).Where(p => p.l.Contains("\": \"", StringComparison.Ordinal) && p.l.TrimEnd().EndsWith(",", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return text;
        }

        var (line, index) = candidates[random.Next(candidates.Count)];
        var key = line[..(line.IndexOf("\": \"", StringComparison.Ordinal) + 3)];
        var list = lines.ToList();
        list.Insert(index + 1, key + " \"Duplicate" + random.Next(100) + "\",");
        return string.Join('\n', list);
    }

    /// <summary>A small model with every kind of shape, so that most mutations reach the emitters cheaply.</summary>
    internal static string CompactModel() => """
        {
          "version": "2.0",
          "metadata": {
            "apiVersion": "2024-01-01",
            "endpointPrefix": "fuzz",
            "jsonVersion": "1.0",
            "protocol": "json",
            "serviceId": "Fuzz",
            "targetPrefix": "Fuzz_20240101"
          },
          "operations": {
            "PutThing": {
              "name": "PutThing",
              "http": { "method": "POST", "requestUri": "/" },
              "input": { "shape": "PutThingInput" },
              "output": { "shape": "PutThingOutput" },
              "errors": [ { "shape": "ThingError" } ],
              "documentation": "<p>Stores a <code>thing</code>.</p>"
            }
          },
          "shapes": {
            "PutThingInput": {
              "type": "structure",
              "required": [ "Name" ],
              "members": {
                "Name": { "shape": "Text", "documentation": "<p>The name.</p>" },
                "Tags": { "shape": "TagList" },
                "Labels": { "shape": "LabelMap" },
                "Kind": { "shape": "Kind" },
                "Choice": { "shape": "Choice" },
                "Data": { "shape": "Data" },
                "When": { "shape": "When" },
                "Size": { "shape": "Size" },
                "Ratio": { "shape": "Ratio" },
                "Flag": { "shape": "Flag" },
                "Next": { "shape": "PutThingInput" },
                "Token": { "shape": "Text", "idempotencyToken": true }
              }
            },
            "PutThingOutput": { "type": "structure", "members": { "Id": { "shape": "Text" }, "Kind": { "shape": "Kind" } } },
            "TagList": { "type": "list", "member": { "shape": "Text" } },
            "LabelMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "TagList" } },
            "Kind": { "type": "string", "enum": [ "SMALL", "LARGE", "extra-large" ] },
            "Choice": { "type": "structure", "union": true, "members": { "A": { "shape": "Text" }, "B": { "shape": "Size" } } },
            "Data": { "type": "blob" },
            "When": { "type": "timestamp" },
            "Size": { "type": "long", "min": 0 },
            "Ratio": { "type": "double" },
            "Flag": { "type": "boolean" },
            "Text": { "type": "string", "min": 1, "max": 64, "sensitive": true },
            "ThingError": { "type": "structure", "members": { "message": { "shape": "Text" }, "Code": { "shape": "Size" } }, "exception": true }
          }
        }
        """;
}

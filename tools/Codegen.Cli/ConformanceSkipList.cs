using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Codegen.Cli;

/// <summary>
/// The cases a conformance run does not hold against us, each with its reason: botocore's own ignore list
/// (<c>protocol-tests-ignore-list.json</c>) and the repository's <c>conformance/known-failures.json</c>.
/// Cases are named as botocore names them: the protocol (the test file's name without <c>.json</c>), the test
/// type (<c>input</c> or <c>output</c>), and the case id or the suite description.
/// </summary>
public sealed class ConformanceSkipList
{
    private readonly List<Entry> _entries = new();

    /// <summary>An empty list.</summary>
    public static ConformanceSkipList Empty => new();

    /// <summary>Where the list came from, for messages.</summary>
    public string? Source { get; private set; }

    public int Count => _entries.Count;

    /// <summary>
    /// Reads botocore's ignore list: <c>{"general": {"input": {"suites": [...]}}, "protocols": {"json": {"output": {"cases": [...]}}}}</c>.
    /// Every entry gets the reason <c>on botocore's ignore list</c>.
    /// </summary>
    public static ConformanceSkipList ReadIgnoreList(string path)
    {
        var list = new ConformanceSkipList { Source = path };
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        const string reason = "on botocore's ignore list";
        if (root.TryGetProperty("general", out var general) && general.ValueKind == JsonValueKind.Object)
        {
            foreach (var type in general.EnumerateObject())
            {
                foreach (var suite in Strings(type.Value, "suites"))
                {
                    list._entries.Add(new Entry(null, type.Name, null, suite, reason));
                }

                foreach (var id in Strings(type.Value, "cases"))
                {
                    list._entries.Add(new Entry(null, type.Name, id, null, reason));
                }
            }
        }

        if (root.TryGetProperty("protocols", out var protocols) && protocols.ValueKind == JsonValueKind.Object)
        {
            foreach (var protocol in protocols.EnumerateObject())
            {
                if (protocol.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var type in protocol.Value.EnumerateObject())
                {
                    foreach (var id in Strings(type.Value, "cases"))
                    {
                        list._entries.Add(new Entry(protocol.Name, type.Name, id, null, reason));
                    }

                    foreach (var suite in Strings(type.Value, "suites"))
                    {
                        list._entries.Add(new Entry(protocol.Name, type.Name, null, suite, reason));
                    }
                }
            }
        }

        return list;
    }

    /// <summary>
    /// Reads the repository's list of cases we cannot pass yet:
    /// <c>{"cases": [{"protocol": "json", "type": "input", "id": "...", "reason": "..."}]}</c> (<c>suite</c> may
    /// stand for <c>id</c> to name a whole suite by its description). A reason is required.
    /// </summary>
    public static ConformanceSkipList ReadKnownFailures(string path)
    {
        var list = new ConformanceSkipList { Source = path };
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: expected an object with a 'cases' array");
        }

        foreach (var item in cases.EnumerateArray())
        {
            var protocol = Text(item, "protocol");
            var type = Text(item, "type");
            var id = Text(item, "id");
            var suite = Text(item, "suite");
            var reason = Text(item, "reason");
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new InvalidDataException($"{path}: every known failure needs a 'reason' ({item.GetRawText()})");
            }

            if (id is null && suite is null)
            {
                throw new InvalidDataException($"{path}: every known failure needs an 'id' or a 'suite' ({item.GetRawText()})");
            }

            list._entries.Add(new Entry(protocol, type, id, suite, reason!));
        }

        return list;
    }

    /// <summary>The reason the case is listed, or <see langword="null"/>.</summary>
    public string? Find(string protocol, string type, string suite, string? id)
    {
        foreach (var entry in _entries)
        {
            if ((entry.Protocol is null || entry.Protocol == protocol)
                && (entry.Type is null || entry.Type == type)
                && (entry.Suite is null || entry.Suite == suite)
                && (entry.Id is null || entry.Id == id))
            {
                return entry.Reason;
            }
        }

        return null;
    }

    private static IEnumerable<string> Strings(JsonElement owner, string key)
    {
        if (owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(key, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString()!;
                }
            }
        }
    }

    private static string? Text(JsonElement owner, string key) =>
        owner.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record Entry(string? Protocol, string? Type, string? Id, string? Suite, string Reason);
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Codegen.Testing;

/// <summary>A botocore service model from the shared data, read for the shapes of requests, responses and errors.</summary>
public sealed class BotocoreModel
{
    private static readonly ConcurrentDictionary<string, BotocoreModel> Loaded = new(StringComparer.Ordinal);

    private readonly JsonElement _shapes;
    private readonly JsonElement _operations;

    private BotocoreModel(JsonDocument document)
    {
        _shapes = document.RootElement.GetProperty("shapes");
        _operations = document.RootElement.GetProperty("operations");
    }

    /// <summary>The model at <c>models/botocore/{service}/{version}/service-2.json</c> in the shared data (skips without it).</summary>
    public static BotocoreModel Load(string service, string version) =>
        Loaded.GetOrAdd(service + "/" + version, _ =>
            new BotocoreModel(JsonDocument.Parse(File.ReadAllBytes(SharedData.RequirePath("models", "botocore", service, version, "service-2.json")))));

    /// <summary>The shape <paramref name="name"/> as the model writes it.</summary>
    public JsonElement Shape(string name) => _shapes.GetProperty(name);

    /// <summary>The operation's URI template (<c>http.requestUri</c>), e.g. <c>/2015-03-31/functions/{FunctionName}</c>.</summary>
    public string RequestUri(string operation) => _operations.GetProperty(operation).GetProperty("http").GetProperty("requestUri").GetString()!;

    /// <summary>The operation's <c>input</c> shape, or null when it has none.</summary>
    public string? InputShape(string operation) =>
        _operations.GetProperty(operation).TryGetProperty("input", out var input) ? input.GetProperty("shape").GetString() : null;

    /// <summary>The operation's <c>output</c> shape, or null when it has none.</summary>
    public string? OutputShape(string operation) =>
        _operations.GetProperty(operation).TryGetProperty("output", out var output) ? output.GetProperty("shape").GetString() : null;

    /// <summary>Whether the structure has required members.</summary>
    public bool HasRequiredMembers(string shape) => Shape(shape).TryGetProperty("required", out var required) && required.GetArrayLength() > 0;

    /// <summary>Every error shape of the service.</summary>
    public IReadOnlyList<string> AllErrors() =>
        _shapes.EnumerateObject().Where(s => s.Value.TryGetProperty("exception", out var e) && e.GetBoolean()).Select(s => s.Name).ToList();

    /// <summary>The errors the operation lists (the SDK's unmarshaller of the operation knows exactly these).</summary>
    public IReadOnlyList<string> Errors(string operation) =>
        _operations.GetProperty(operation).TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToList()
            : Array.Empty<string>();
}

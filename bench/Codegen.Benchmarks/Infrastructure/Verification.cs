using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Codegen.Runtime.Http;

namespace Codegen.Benchmarks.Infrastructure;

/// <summary>
/// <c>verify</c>: for every serialization benchmark class, runs each implementation once and checks that they agree
/// with the floor (request bodies as JSON, responses as a normalized tree of their members), then prints the body
/// sizes and the bytes each call allocates (GC.GetAllocatedBytesForCurrentThread over many calls), beside the size
/// of the returned body array, the least any serializer must allocate.
/// </summary>
public static class Verification
{
    private static readonly HashSet<string> IgnoredMembers = new(StringComparer.Ordinal)
    {
        "HttpStatus", "HttpStatusCode", "ContentLength", "ResponseMetadata",
    };

    public static int Run(TextWriter output)
    {
        var failures = 0;
        var types = typeof(Verification).Assembly.GetTypes()
            .Where(t => t.Namespace == "Codegen.Benchmarks.Serialization" && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        output.WriteLine("| Benchmark | Body bytes | Body array bytes | Allocated bytes/call | Retained bytes/call | Transient bytes/call |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var type in types)
        {
            var instance = Activator.CreateInstance(type)!;
            type.GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).Invoke(instance, null);
            var methods = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
            foreach (var direction in new[] { "Serialize", "Deserialize" })
            {
                // A class without Serialize_/Deserialize_ prefixes (the serializer profile) is all serializers.
                var prefixed = methods.Any(m => m.Name.StartsWith("Serialize_", StringComparison.Ordinal));
                var group = prefixed
                    ? methods.Where(m => m.Name.StartsWith(direction + "_", StringComparison.Ordinal)).ToList()
                    : direction == "Serialize" ? methods : new List<MethodInfo>();
                if (group.Count == 0)
                {
                    continue;
                }

                var floor = group.Single(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
                // A floor that builds the whole HTTP request (the REST protocols) is compared part by part; the others by body.
                var requestShaped = floor.ReturnType == typeof(Serialization.FloorHttpRequest);
                var expected = Result(direction, floor.Invoke(instance, null), requestShaped);
                foreach (var method in group)
                {
                    Action call;
                    object? value;
                    if (method.ReturnType == typeof(long))
                    {
                        var typed = (Func<long>)Delegate.CreateDelegate(typeof(Func<long>), instance, method);
                        call = () => typed();
                        value = typed();
                    }
                    else
                    {
                        var typed = (Func<object>)Delegate.CreateDelegate(typeof(Func<object>), instance, method);
                        call = () => typed();
                        value = typed();
                    }

                    if (value is long && type.GetMethod("SdkBody", BindingFlags.Instance | BindingFlags.NonPublic) is { } sdkBody)
                    {
                        value = sdkBody.Invoke(instance, null);
                    }

                    var actual = Result(direction, value, requestShaped);
                    var same = requestShaped && direction == "Serialize"
                        ? SameRequest(expected!.AsObject(), actual!.AsObject())
                        : JsonNode.DeepEquals(expected, actual);
                    if (!same)
                    {
                        failures++;
                        output.WriteLine($"MISMATCH {type.Name}.{method.Name}:\n  floor:  {expected?.ToJsonString()}\n  actual: {actual?.ToJsonString()}");
                    }

                    var body = direction == "Serialize" ? Body(value).Length : 0;
                    var perCall = AllocatedPerCall(call);
                    var retained = method.ReturnType == typeof(long) ? 0 : RetainedPerCall((Func<object>)Delegate.CreateDelegate(typeof(Func<object>), instance, method));
                    var bodyArray = direction == "Serialize" ? ArrayBytes(body).ToString() : "-";
                    output.WriteLine($"| {type.Name}.{method.Name} | {(direction == "Serialize" ? body.ToString() : "-")} | {bodyArray} | {perCall:0} | {retained:0} | {perCall - retained:0} |");
                }
            }
        }

        output.WriteLine(failures == 0 ? "verify: all implementations agree" : $"verify: {failures} mismatches");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>A byte[] of <paramref name="length"/> on 64-bit .NET: 16 bytes of header, 8 of length, the data, padded to 8.</summary>
    public static long ArrayBytes(int length) => (24 + length + 7) / 8 * 8;

    private static double AllocatedPerCall(Action call)
    {
        for (var i = 0; i < 200; i++)
        {
            call();
        }

        const int calls = 2000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
    }

    /// <summary>
    /// What stays reachable from the results: keeps many results alive and compares the heap after full
    /// collections. The rest of what a call allocates is transient (garbage as soon as the call returns).
    /// </summary>
    private static double RetainedPerCall(Func<object> call)
    {
        const int calls = 2000;
        var keep = new object[calls];
        call();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < calls; i++)
        {
            keep[i] = call();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(keep);
        return (after - before) / (double)calls;
    }

    private static JsonNode? Result(string direction, object? value, bool requestShaped) =>
        direction != "Serialize" ? Normalize(value)
        : requestShaped ? RequestNode(value)
        : JsonNode.Parse(Body(value));

    private static byte[] Body(object? value) => value switch
    {
        byte[] bytes => bytes,
        Serialization.FloorHttpRequest request => request.Body,
        AwsHttpRequest request => request.Body.ToArray(),
        Amazon.Runtime.Internal.IRequest request => request.Content ?? Array.Empty<byte>(),
        _ => throw new InvalidOperationException($"no body in {value?.GetType().FullName ?? "null"}"),
    };

    /// <summary>
    /// A request as JSON: <c>method</c>, <c>path</c>, the query parameters (<c>query</c>, sorted, as the SDK keeps
    /// them in a sorted collection), the headers (<c>headers</c>, names lower-cased) and the body (parsed JSON, or
    /// the empty string). A body alone (the SDK's pooled body) is <c>{"body": ...}</c>.
    /// </summary>
    private static JsonObject RequestNode(object? value)
    {
        string method;
        string path;
        var query = new List<string>();
        IEnumerable<KeyValuePair<string, string>> headers;
        switch (value)
        {
            case Serialization.FloorHttpRequest floor:
                (method, path) = (floor.Method, floor.PathAndQuery);
                headers = floor.Headers;
                break;
            case AwsHttpRequest request:
                (method, path) = (request.Method, request.Path);
                headers = request.Headers;
                break;
            case Amazon.Runtime.Internal.IRequest request:
                method = request.HttpMethod;
                path = request.ResourcePath;
                foreach (var resource in request.PathResources)
                {
                    path = path.Replace(resource.Key, resource.Value, StringComparison.Ordinal);
                }

                foreach (var parameter in request.Parameters)
                {
                    var text = parameter.Value;
                    query.Add(Uri.EscapeDataString(parameter.Key) + "=" + Uri.EscapeDataString(text ?? ""));
                }

                headers = request.Headers;
                break;
            default:
                return new JsonObject { ["body"] = BodyNode(Body(value)) };
        }

        var question = path.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query.AddRange(path[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries));
            path = path[..question];
        }

        query.Sort(StringComparer.Ordinal);
        var headerNode = new JsonObject();
        foreach (var header in headers)
        {
            headerNode[header.Key.ToLowerInvariant()] = header.Value;
        }

        return new JsonObject
        {
            ["method"] = method,
            ["path"] = path,
            ["query"] = new JsonArray(query.Select(q => (JsonNode?)JsonValue.Create(q)).ToArray()),
            ["headers"] = headerNode,
            ["body"] = BodyNode(Body(value)),
        };
    }

    private static JsonNode BodyNode(byte[] body) => body.Length == 0 ? JsonValue.Create("") : JsonNode.Parse(body)!;

    /// <summary>The floor's request against another: the parts both have, and of the headers those the floor sets.</summary>
    private static bool SameRequest(JsonObject floor, JsonObject other)
    {
        foreach (var (key, expected) in floor)
        {
            if (!other.TryGetPropertyValue(key, out var actual))
            {
                continue;
            }

            if (key == "headers")
            {
                foreach (var (name, value) in expected!.AsObject())
                {
                    if (!JsonNode.DeepEquals(value, actual!.AsObject()[name]))
                    {
                        return false;
                    }
                }
            }
            else if (!JsonNode.DeepEquals(expected, actual))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Members as JSON: absent and null members left out, blobs as base64, enums as their wire string.</summary>
    public static JsonNode? Normalize(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case int number:
                return JsonValue.Create((double)number);
            case long number:
                return JsonValue.Create((double)number);
            case double number:
                return JsonValue.Create(number);
            case byte[] bytes:
                return JsonValue.Create(Convert.ToBase64String(bytes));
            case ReadOnlyMemory<byte> memory:
                return JsonValue.Create(Convert.ToBase64String(memory.Span));
            case MemoryStream stream:
                return JsonValue.Create(Convert.ToBase64String(stream.ToArray()));
            case Amazon.Runtime.ConstantClass constant:
                return JsonValue.Create(constant.Value);
            case IDictionary map:
                var result = new JsonObject();
                foreach (DictionaryEntry entry in map)
                {
                    if (Normalize(entry.Value) is { } node)
                    {
                        result[(string)entry.Key] = node;
                    }
                }

                return result;
            case IEnumerable items:
                return new JsonArray(items.Cast<object?>().Select(Normalize).ToArray());
        }

        var type = value.GetType();
        if (type.IsValueType && type.GetProperty("WireValue") is { PropertyType: var valueType } property && valueType == typeof(string))
        {
            return JsonValue.Create((string?)property.GetValue(value));
        }

        var members = new JsonObject();
        foreach (var member in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (member.GetIndexParameters().Length > 0 || IgnoredMembers.Contains(member.Name) ||
                (member.Name.StartsWith("Is", StringComparison.Ordinal) && member.Name.EndsWith("Set", StringComparison.Ordinal)))
            {
                continue;
            }

            if (Normalize(member.GetValue(value)) is { } node)
            {
                members[member.Name] = node;
            }
        }

        return members;
    }
}

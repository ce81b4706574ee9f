using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Moves between the differential test's JSON case values (model member names) and generated C# values, through
/// the generated public API only: <see cref="Build"/> calls the smart constructor with the required members and a
/// <c>With{Member}</c> method for each other member; <see cref="ToJson"/> reads the public properties back.
/// It never touches the wire codecs, so it cannot hide a serializer bug.
/// </summary>
internal static class GeneratedShapes
{
    /// <summary>Builds a value of the generated <paramref name="type"/> from a JSON value in model terms.</summary>
    /// <exception cref="InvalidOperationException">A member has no property, a required member is missing, or a value does not fit.</exception>
    public static object Build(Type type, JsonElement json, string path = "$")
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{path}: {type.Name} needs a JSON object, not {json.ValueKind}");
        }

        var members = json.EnumerateObject().ToList();
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Single();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var arguments = constructor.GetParameters().Select(parameter =>
        {
            var property = Property(type, parameter.Name!, path);
            var member = members.Where(m => Property(type, m.Name, path) == property).ToList();
            if (member.Count != 1)
            {
                throw new InvalidOperationException($"{path}: the required member {property.Name} of {type.Name} is missing");
            }

            used.Add(member[0].Name);
            return Convert(member[0].Value, parameter.ParameterType, path + "." + member[0].Name);
        }).ToArray();

        var value = constructor.Invoke(arguments);
        foreach (var member in members.Where(m => !used.Contains(m.Name)))
        {
            var property = Property(type, member.Name, path);
            var with = type.GetMethod("With" + property.Name, BindingFlags.Public | BindingFlags.Instance, new[] { property.PropertyType })
                ?? throw new InvalidOperationException($"{path}: {type.Name} has no With{property.Name}({property.PropertyType.Name})");
            value = with.Invoke(value, new[] { Convert(member.Value, property.PropertyType, path + "." + member.Name) })!;
        }

        return value;
    }

    /// <summary>Serializes a generated request with its operation's own serializer: what a client would send.</summary>
    public static AwsHttpRequest Serialize(object request, SerializationOptions? options = null)
    {
        var responseType = request.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAwsRequest<>))
            .GetGenericArguments()[0];
        try
        {
            return (AwsHttpRequest)typeof(GeneratedShapes).GetMethod(nameof(SerializeTyped), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(responseType)
                .Invoke(null, new[] { request, options })!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>
    /// Reads <paramref name="response"/> with the operation of <paramref name="request"/>, as a client would: its response
    /// type for a 2xx status, else the typed exception its error reader gives (returned, not thrown).
    /// </summary>
    public static object Deserialize(object request, AwsHttpResponse response)
    {
        var responseType = request.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAwsRequest<>))
            .GetGenericArguments()[0];
        try
        {
            return typeof(GeneratedShapes).GetMethod(nameof(DeserializeTyped), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(responseType)
                .Invoke(null, new[] { request, response })!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>
    /// The members of a generated value as JSON in the form the differential script prints the JS SDK's output:
    /// unset members left out, enums as their wire string, timestamps as ISO 8601 with milliseconds, blobs as base64.
    /// A response's <see cref="IAwsResponse.HttpStatus"/> and <see cref="IAwsResponse.ResponseMetadata"/> are not members and are left out.
    /// </summary>
    public static JsonNode? ToJson(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return JsonValue.Create(s);
            case bool b:
                return JsonValue.Create(b);
            case int or long or short or byte or double or float or decimal:
                return JsonValue.Create(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            case DateTimeOffset time:
                return JsonValue.Create(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case ReadOnlyMemory<byte> blob:
                return JsonValue.Create(System.Convert.ToBase64String(blob.Span));
            case byte[] bytes:
                return JsonValue.Create(System.Convert.ToBase64String(bytes));
            case JsonElement document:
                return JsonNode.Parse(document.GetRawText());
        }

        var type = value.GetType();
        if (IsGeneratedEnum(type))
        {
            return JsonValue.Create((string)type.GetProperty("WireValue")!.GetValue(value)!);
        }

        if (value is IEnumerable items)
        {
            var pairs = items.Cast<object?>().ToList();
            if (IsMap(type))
            {
                var map = new JsonObject();
                foreach (var pair in pairs)
                {
                    var pairType = pair!.GetType();
                    map[(string)pairType.GetProperty("Key")!.GetValue(pair)!] = ToJson(pairType.GetProperty("Value")!.GetValue(pair));
                }

                return map;
            }

            return new JsonArray(pairs.Select(ToJson).ToArray());
        }

        var result = new JsonObject();
        var isResponse = value is IAwsResponse;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || (isResponse && property.Name is nameof(IAwsResponse.HttpStatus) or nameof(IAwsResponse.ResponseMetadata)))
            {
                continue;
            }

            var member = property.GetValue(value);
            if (member is not null)
            {
                result[property.Name] = ToJson(member);
            }
        }

        return result;
    }

    private static AwsHttpRequest SerializeTyped<TResponse>(IAwsRequest<TResponse> request, SerializationOptions? options)
        where TResponse : IAwsResponse => request.Operation.SerializeRequest(request, options);

    private static object DeserializeTyped<TResponse>(IAwsRequest<TResponse> request, AwsHttpResponse response)
        where TResponse : IAwsResponse =>
        response.StatusCode is >= 200 and < 300 ? request.Operation.DeserializeResponse(response) : request.Operation.DeserializeError(response);

    private static object? Convert(JsonElement json, Type type, string path)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            if (target == typeof(string))
            {
                return json.GetString();
            }

            if (target == typeof(bool))
            {
                return json.GetBoolean();
            }

            if (target == typeof(int))
            {
                return json.GetInt32();
            }

            if (target == typeof(long))
            {
                return json.GetInt64();
            }

            if (target == typeof(double))
            {
                return json.GetDouble();
            }

            if (target == typeof(float))
            {
                return json.GetSingle();
            }

            if (target == typeof(DateTimeOffset))
            {
                return json.ValueKind == JsonValueKind.Number
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(json.GetDouble() * 1000))
                    : DateTimeOffset.Parse(json.GetString()!, CultureInfo.InvariantCulture);
            }

            if (target == typeof(ReadOnlyMemory<byte>))
            {
                return new ReadOnlyMemory<byte>(json.GetBytesFromBase64());
            }

            if (target == typeof(JsonElement))
            {
                return json.Clone();
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{path}: {json.GetRawText()} is not a {target.Name}", ex);
        }

        if (IsGeneratedEnum(target))
        {
            return Activator.CreateInstance(target, json.GetString());
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var valueType = target.GetGenericArguments()[1];
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            foreach (var member in json.EnumerateObject())
            {
                map.Add(member.Name, Convert(member.Value, valueType, path + "." + member.Name));
            }

            return map;
        }

        if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = target.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            var index = 0;
            foreach (var item in json.EnumerateArray())
            {
                list.Add(Convert(item, itemType, $"{path}[{index++}]"));
            }

            return list;
        }

        // A generated structure: the generator adds its types to this (the consuming) assembly.
        if (target.IsClass && target.Assembly == typeof(GeneratedShapes).Assembly)
        {
            return Build(target, json, path);
        }

        throw new InvalidOperationException($"{path}: no conversion to {target.FullName}");
    }

    private static PropertyInfo Property(Type type, string name, string path)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return properties.FirstOrDefault(p => p.Name == name)
            ?? properties.SingleOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{path}: {type.Name} has no member {name}");
    }

    /// <summary>Generated enums are value types over their wire string, with <c>WireValue</c> and <c>IsKnown</c>.</summary>
    private static bool IsGeneratedEnum(Type type) =>
        type.IsValueType && type.GetProperty("WireValue")?.PropertyType == typeof(string) && type.GetProperty("IsKnown") is not null;

    private static bool IsMap(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}

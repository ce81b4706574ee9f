using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Codegen.Runtime.Errors;
using Codegen.Testing;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>
/// Projects a value read by either side onto neutral JSON, so that the two can be compared with
/// <see cref="JsonSemantics"/>: structures become objects of their members (absent and null members omitted), lists
/// arrays, maps objects, blobs base64, enums their wire string, timestamps the number of 100 ns ticks since the Unix
/// epoch (so any precision lost by either side shows), numbers numbers (NaN and the infinities as their names).
/// </summary>
/// <remarks>
/// The generated types drive both projections: a structure of ours lists its members, and the SDK's object is read
/// member by member under the same names (the SDK names members after the model, as we do; where the model's name has
/// an underscore, e.g. SSO OIDC's <c>error_description</c>, the SDK keeps it, <c>Error_description</c>, and ours drops
/// it, <c>ErrorDescription</c>), so properties only the
/// SDK has (<c>ResponseMetadata</c>, <c>ContentLength</c>, <c>HttpStatusCode</c>, <c>IsXxxSet</c>, the convenience
/// getters of <c>GetQueueAttributesResponse</c>, members of newer models) are never looked at. A member of ours the
/// SDK lacks fails the projection.
/// <para>
/// One normalisation applies to the SDK's side: a <c>null</c> inside a list or as a map value is dropped. The SDK
/// keeps it as a null element; ours drops it. The lists and maps of these models are dense (not <c>@sparse</c>), so
/// <c>null</c> is not a value they can hold, and Smithy's protocol tests require clients to drop such entries
/// ("Clients SHOULD tolerate seeing a null value in a dense map, and they SHOULD drop the null key-value pair",
/// RestJsonDeserializesDenseSetMapAndSkipsNull); the list case is the same rule.
/// </para>
/// </remarks>
internal static class Projection
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Properties of generated types that are not model members.</summary>
    private static readonly HashSet<string> NotMembers = new(StringComparer.Ordinal) { "HttpStatus", "ResponseMetadata" };

    /// <summary>Projects a value of the generated API.</summary>
    public static JsonNode? Ours(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => double.IsFinite(number) ? JsonValue.Create(number) : JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        float number => float.IsFinite(number) ? JsonValue.Create(number) : JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        DateTimeOffset timestamp => JsonValue.Create(timestamp.UtcTicks - Epoch.Ticks),
        ReadOnlyMemory<byte> bytes => JsonValue.Create(System.Convert.ToBase64String(bytes.Span)),
        _ when IsEnum(value.GetType()) => JsonValue.Create((string)value.GetType().GetProperty("WireValue")!.GetValue(value)!),
        _ when MapValueType(value.GetType()) is not null => OursMap((IEnumerable)value),
        IEnumerable items => new JsonArray(items.Cast<object?>().Select(Ours).ToArray()),
        _ => OursStructure(value),
    };

    /// <summary>Projects a value of the SDK, read as the generated type <paramref name="ours"/> describes it.</summary>
    public static JsonNode? Sdk(object? value, Type ours)
    {
        if (value is null)
        {
            return null;
        }

        ours = Nullable.GetUnderlyingType(ours) ?? ours;
        if (ours == typeof(string) || ours == typeof(bool) || ours == typeof(int) || ours == typeof(long) || ours == typeof(double) || ours == typeof(float))
        {
            return Ours(value);
        }

        if (ours == typeof(DateTimeOffset))
        {
            var time = (DateTime)value;
            var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
            return JsonValue.Create(utc.Ticks - Epoch.Ticks);
        }

        if (ours == typeof(ReadOnlyMemory<byte>))
        {
            return JsonValue.Create(System.Convert.ToBase64String(((MemoryStream)value).ToArray()));
        }

        if (IsEnum(ours))
        {
            // The SDK types most enum members as ConstantClass, but lists of enums as List<string>.
            return JsonValue.Create(value is ConstantClass constant ? constant.Value : (string)value);
        }

        if (MapValueType(ours) is { } valueType)
        {
            var map = new JsonObject();
            foreach (DictionaryEntry entry in (IDictionary)value)
            {
                if (entry.Value is not null)
                {
                    map[(string)entry.Key] = Sdk(entry.Value, valueType);
                }
            }

            return map;
        }

        if (ListElementType(ours) is { } elementType)
        {
            return new JsonArray(((IEnumerable)value).Cast<object?>().Where(e => e is not null).Select(e => Sdk(e, elementType)).ToArray());
        }

        var structure = new JsonObject();
        foreach (var property in Members(ours))
        {
            var sdkProperty = SdkMember(value.GetType(), property.Name)
                ?? throw new InvalidOperationException($"the SDK's {value.GetType().Name} has no member {property.Name}");
            if (Sdk(sdkProperty.GetValue(value), property.PropertyType) is { } member)
            {
                structure[property.Name] = member;
            }
        }

        return structure;
    }

    /// <summary>The SDK's property for our member <paramref name="name"/>: the same name, else the same but for underscores.</summary>
    private static PropertyInfo? SdkMember(Type sdk, string name)
    {
        var properties = sdk.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return Array.Find(properties, p => p.Name == name)
            ?? properties.SingleOrDefault(p => p.Name.Contains('_', StringComparison.Ordinal) && p.Name.Replace("_", string.Empty, StringComparison.Ordinal).Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The modelled members of a generated structure, response or error (for an error, those it has beyond
    /// <see cref="AwsServiceException"/>: the code, message, status and request id are compared on their own).
    /// </summary>
    public static IEnumerable<PropertyInfo> Members(Type ours) =>
        typeof(Exception).IsAssignableFrom(ours)
            ? ours.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(AwsServiceException).GetProperty(p.Name) is null)
            : ours.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !NotMembers.Contains(p.Name));

    private static JsonObject OursStructure(object value)
    {
        var structure = new JsonObject();
        foreach (var property in Members(value.GetType()))
        {
            if (Ours(property.GetValue(value)) is { } member)
            {
                structure[property.Name] = member;
            }
        }

        return structure;
    }

    private static JsonObject OursMap(IEnumerable pairs)
    {
        var map = new JsonObject();
        foreach (var pair in pairs)
        {
            var type = pair.GetType();
            map[(string)type.GetProperty("Key")!.GetValue(pair)!] = Ours(type.GetProperty("Value")!.GetValue(pair));
        }

        return map;
    }

    /// <summary>Generated enums: value types over the wire string, with <c>WireValue</c> and <c>IsKnown</c>.</summary>
    private static bool IsEnum(Type type) =>
        type.IsValueType && type.Namespace?.StartsWith("Generated.", StringComparison.Ordinal) == true && type.GetProperty("IsKnown") is not null;

    private static Type? MapValueType(Type type) =>
        Interface(type, typeof(IReadOnlyDictionary<,>)) is { } map && map.GetGenericArguments()[0] == typeof(string) ? map.GetGenericArguments()[1] : null;

    private static Type? ListElementType(Type type) =>
        type != typeof(string) && Interface(type, typeof(IReadOnlyList<>)) is { } list ? list.GetGenericArguments()[0] : null;

    private static Type? Interface(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
}

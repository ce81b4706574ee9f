using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using Codegen.Generator.Model;

namespace Codegen.Cli.Jmespath;

/// <summary>
/// Random values of a model's generated types, made twice at once: as the generated C# object (through its public
/// constructor and init properties, by reflection) and as the JSON document JMESPath sees (members by their model
/// names, absent members left out), so that one expression can run on both and the results be compared. And the way
/// back: a typed result as JSON, member names from the model.
/// </summary>
internal sealed class TypedSamples
{
    private const int MaxDepth = 6;

    private readonly Dictionary<string, CodeType> _byClrName;
    private readonly Assembly _assembly;
    private readonly string[] _strings;
    private readonly long[] _numbers;
    private Random _random = new(0);

    public TypedSamples(CodeModel model, Assembly assembly, IEnumerable<string> strings, IEnumerable<long> numbers)
    {
        _assembly = assembly;
        _byClrName = new Dictionary<string, CodeType>(StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            _byClrName[model.Namespace + "." + type.TypeName] = type;
        }

        // The vocabulary: the strings and numbers of the expressions themselves (waiter expectations, filter literals),
        // so that comparisons and filters match as often as they miss, and a few of no meaning.
        _strings = strings.Concat(new[] { "a", "b", "", "x y", "\u00e9t\u00e9" }).Distinct(StringComparer.Ordinal).ToArray();
        _numbers = numbers.Concat(new long[] { 0, 1, 2, 3, 7 }).Distinct().ToArray();
    }

    /// <summary>A random value of the structure <paramref name="clrType"/>: the object and its JSON document.</summary>
    public (object Typed, JsonNode Json) Structure(Type clrType, int seed)
    {
        _random = new Random(seed);
        var (typed, json) = MakeStructure(clrType, 0);
        return (typed!, json!);
    }

    private (object? Typed, JsonNode? Json) MakeStructure(Type clrType, int depth)
    {
        var code = _byClrName[clrType.FullName!];
        if (code.Shape.Kind == ShapeKind.Union)
        {
            return MakeUnion(clrType, code, depth);
        }

        var json = new JsonObject();
        var values = new Dictionary<CodeMember, object?>();
        foreach (var member in code.Members)
        {
            var property = clrType.GetProperty(member.PropertyName, BindingFlags.Public | BindingFlags.Instance)!;
            var present = member.Member.Required || (depth < MaxDepth && _random.Next(4) != 0);
            if (!present)
            {
                continue;
            }

            var (typed, node) = Make(property.PropertyType, member.Type, depth + 1, member.Member.Required);
            if (typed is null)
            {
                continue;
            }

            values[member] = typed;
            json[member.Member.Name] = node;
        }

        // The constructor that takes the required members (and a response's HTTP status); the rest through init.
        var constructor = clrType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p =>
        {
            var member = code.Members.FirstOrDefault(m => m.ParameterName == p.Name || m.ParameterName == "@" + p.Name);
            if (member is not null && values.TryGetValue(member, out var value))
            {
                values.Remove(member);
                return value;
            }

            return p.Name == "httpStatus" ? 200 : Default(p.ParameterType);
        }).ToArray();
        object instance;
        try
        {
            instance = constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException($"{clrType.Name} could not be made from ({string.Join(", ", arguments.Select(a => a?.GetType().Name ?? "null"))}): {e.InnerException?.Message}", e);
        }

        foreach (var (member, value) in values)
        {
            clrType.GetProperty(member.PropertyName, BindingFlags.Public | BindingFlags.Instance)!.SetValue(instance, value);
        }

        return (instance, json);
    }

    private (object? Typed, JsonNode? Json) MakeUnion(Type clrType, CodeType code, int depth)
    {
        // A union is one of its members: the generated type has a factory per member (static From{Member} or a nested case).
        // Deep down, a scalar member if there is one, so that a required union still ends.
        var members = code.Members.Where(m => m.Type.Kind is not ShapeKind.Union).ToList();
        var scalars = members.Where(m => m.Type.Kind is not ShapeKind.Structure and not ShapeKind.List and not ShapeKind.Map).ToList();
        if (depth >= MaxDepth && scalars.Count > 0)
        {
            members = scalars;
        }

        if (members.Count == 0)
        {
            return (null, null);
        }

        // A union is an abstract class with a nested sealed class per member, made from the member's value.
        var member = members[_random.Next(members.Count)];
        var caseType = clrType.GetNestedType(member.PropertyName, BindingFlags.Public);
        var constructor = caseType?.GetConstructors().FirstOrDefault(c => c.GetParameters().Length == 1);
        if (constructor is null)
        {
            return (null, null);
        }

        var (typed, node) = Make(constructor.GetParameters()[0].ParameterType, member.Type, depth + 1, required: true);
        if (typed is null)
        {
            return (null, null);
        }

        return (constructor.Invoke(new[] { typed }), new JsonObject { [member.Member.Name] = node });
    }

    /// <summary>A value of <paramref name="type"/>; <paramref name="required"/> values are made at any depth (deep, only their required members).</summary>
    private (object? Typed, JsonNode? Json) Make(Type clrType, TypeRef type, int depth, bool required = false)
    {
        var target = Nullable.GetUnderlyingType(clrType) ?? clrType;
        switch (type.Kind)
        {
            case ShapeKind.Structure:
            case ShapeKind.Union:
                return depth > MaxDepth && !required ? (null, null) : MakeStructure(target, depth);
            case ShapeKind.List:
                return MakeList(target, type, depth);
            case ShapeKind.Map:
                return MakeMap(target, type, depth);
            case ShapeKind.String:
                var text = _strings[_random.Next(_strings.Length)];
                return (text, JsonValue.Create(text));
            case ShapeKind.Enum:
                var wire = EnumValue(target);
                return (Activator.CreateInstance(target, wire), JsonValue.Create(wire));
            case ShapeKind.IntEnum:
                var number = (int)_numbers[_random.Next(_numbers.Length)];
                var intEnum = target.GetConstructors().First(c => c.GetParameters().Length == 1).Invoke(new object[] { number });
                return (intEnum, JsonValue.Create(number));
            case ShapeKind.Boolean:
                var flag = _random.Next(2) == 0;
                return (flag, JsonValue.Create(flag));
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
                var whole = _numbers[_random.Next(_numbers.Length)];
                return (Convert.ChangeType(whole, target, CultureInfo.InvariantCulture), JsonValue.Create(whole));
            case ShapeKind.Float:
            case ShapeKind.Double:
                // Halves are exact in float and double, so both sides hold the same number.
                var real = _numbers[_random.Next(_numbers.Length)] + (_random.Next(2) == 0 ? 0.5 : 0.0);
                return (Convert.ChangeType(real, target, CultureInfo.InvariantCulture), JsonValue.Create(real));
            case ShapeKind.Timestamp when target == typeof(DateTimeOffset):
                var seconds = 1_700_000_000L + _random.Next(1_000_000);
                return (DateTimeOffset.FromUnixTimeSeconds(seconds), JsonValue.Create(seconds));
            case ShapeKind.Blob when target == typeof(byte[]) || target == typeof(ReadOnlyMemory<byte>):
                var bytes = new byte[_random.Next(4)];
                _random.NextBytes(bytes);
                return (target == typeof(byte[]) ? bytes : new ReadOnlyMemory<byte>(bytes), JsonValue.Create(Convert.ToBase64String(bytes)));
            case ShapeKind.Document when target == typeof(System.Text.Json.JsonElement):
                string[] documents = { "\"a\"", "1", "true", "{\"k\":\"b\",\"n\":[1,2]}", "[1,\"x\"]" };
                var documentText = documents[_random.Next(documents.Length)];
                using (var parsed = System.Text.Json.JsonDocument.Parse(documentText))
                {
                    return (parsed.RootElement.Clone(), JsonNode.Parse(documentText));
                }

            default:
                // Big numbers, streams: left out of the samples (no expression in the models reads them).
                return (null, null);
        }
    }

    private string EnumValue(Type enumType)
    {
        var known = ((IEnumerable)enumType.GetProperty("Known", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Cast<object>()
            .Select(v => (string)enumType.GetProperty("WireValue")!.GetValue(v)!)
            .ToList();
        // Mostly a known value; sometimes a vocabulary string (a waiter may expect a value the enum does not list yet).
        return known.Count > 0 && _random.Next(4) != 0 ? known[_random.Next(known.Count)] : _strings[_random.Next(_strings.Length)];
    }

    private (object? Typed, JsonNode? Json) MakeList(Type listType, TypeRef type, int depth)
    {
        var elementType = listType.IsArray ? listType.GetElementType()! : listType.GetGenericArguments()[0];
        var count = depth >= MaxDepth ? 0 : _random.Next(4);
        var items = new List<object?>();
        var json = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var (typed, node) = Make(elementType, type.Element!, depth + 1);
            if (typed is null)
            {
                continue;
            }

            items.Add(typed);
            json.Add(node);
        }

        var array = Array.CreateInstance(elementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return (array, json);
    }

    private (object? Typed, JsonNode? Json) MakeMap(Type mapType, TypeRef type, int depth)
    {
        var valueType = mapType.GetGenericArguments()[1];
        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        var json = new JsonObject();
        var count = depth >= MaxDepth ? 0 : _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var key = _strings[_random.Next(_strings.Length)];
            var (typed, node) = Make(valueType, type.Element!, depth + 1);
            if (typed is null || dictionary.Contains(key))
            {
                continue;
            }

            dictionary[key] = typed;
            json[key] = node;
        }

        return (dictionary, json);
    }

    private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    /// <summary>A typed JMESPath result as the JSON value JMESPath would give: structures by their model member names.</summary>
    public JsonNode? ToJson(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case System.Text.Json.JsonElement element:
                // An unset document (a required one the samples leave out) is absent, as in the sample's JSON.
                return element.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null : JsonNode.Parse(element.GetRawText());
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case byte or short or int or long:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case float or double:
                return JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case decimal exact:
                return JsonValue.Create(exact);
            case DateTimeOffset time:
                return JsonValue.Create(time.ToUnixTimeSeconds());
            case byte[] bytes:
                return JsonValue.Create(Convert.ToBase64String(bytes));
            case ReadOnlyMemory<byte> memory:
                return JsonValue.Create(Convert.ToBase64String(memory.Span));
        }

        var type = value.GetType();
        if (type.DeclaringType is { } union && _byClrName.TryGetValue(union.FullName!, out var unionCode) && unionCode.Shape.Kind == ShapeKind.Union)
        {
            var member = unionCode.Members.FirstOrDefault(m => m.PropertyName == type.Name);
            var caseValue = type.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance);
            return member is null || caseValue is null
                ? new JsonObject() // the Unknown case: a member this model does not know
                : new JsonObject { [member.Member.Name] = ToJson(caseValue.GetValue(value)) };
        }

        if (type.Assembly == _assembly && _byClrName.TryGetValue(type.FullName!, out var code))
        {
            if (code.Shape.Kind is ShapeKind.Enum or ShapeKind.IntEnum)
            {
                var wire = type.GetProperty("WireValue")?.GetValue(value) ?? type.GetProperty("Value")?.GetValue(value);
                return ToJson(wire);
            }

            var json = new JsonObject();
            foreach (var member in code.Members)
            {
                var property = type.GetProperty(member.PropertyName, BindingFlags.Public | BindingFlags.Instance);
                if (ToJson(property?.GetValue(value)) is { } memberJson)
                {
                    json[member.Member.Name] = memberJson;
                }
            }

            return json;
        }

        if (value is IDictionary dictionary)
        {
            var json = new JsonObject();
            foreach (DictionaryEntry entry in dictionary)
            {
                json[(string)entry.Key] = ToJson(entry.Value);
            }

            return json;
        }

        var readOnlyMap = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (readOnlyMap is not null)
        {
            var json = new JsonObject();
            foreach (var pair in (IEnumerable)value)
            {
                var pairType = pair.GetType();
                json[(string)pairType.GetProperty("Key")!.GetValue(pair)!] = ToJson(pairType.GetProperty("Value")!.GetValue(pair));
            }

            return json;
        }

        if (value is IEnumerable sequence)
        {
            var array = new JsonArray();
            foreach (var item in sequence)
            {
                array.Add(ToJson(item));
            }

            return array;
        }

        throw new InvalidOperationException("no JSON form for a value of " + type);
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Generator.Model;

namespace Codegen.Cli;

/// <summary>
/// Moves values between botocore's parameter form (JSON as the test files write it) and the generated types,
/// by reflection guided by the named model: member names come from the model, C# names from the CodeModel.
/// Botocore's conventions: timestamps are epoch seconds (or date strings), blobs are UTF-8 text, enums are
/// their wire values, floats may be the strings <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>.
/// </summary>
internal sealed class ConformanceValues
{
    private readonly CodeModel _model;
    private readonly Assembly _assembly;
    private readonly Dictionary<string, CodeType> _types;

    public ConformanceValues(CodeModel model, Assembly assembly)
    {
        _model = model;
        _assembly = assembly;
        _types = model.Types.ToDictionary(t => t.TypeName, StringComparer.Ordinal);
    }

    public CodeType TypeNamed(string typeName) =>
        _types.TryGetValue(typeName, out var type) ? type : throw new ConformanceException($"the named model has no type '{typeName}'");

    public Type ClrType(string typeName) =>
        _assembly.GetType(_model.Namespace + "." + typeName, throwOnError: false)
        ?? throw new ConformanceException($"the compiled code has no type {_model.Namespace}.{typeName}");

    /// <summary>Builds a request (or any structure) from botocore parameters.</summary>
    public object BuildStructure(JsonElement parameters, CodeType type, string path)
    {
        var clr = ClrType(type.TypeName);
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw new ConformanceException($"{path}: parameters of {type.Shape.Name} must be an object, found {parameters.ValueKind}");
        }

        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in parameters.EnumerateObject())
        {
            if (!type.Members.Any(m => m.Member.Name == property.Name))
            {
                throw new ConformanceException($"{path}.{property.Name}: {type.Shape.Name} has no member '{property.Name}'");
            }

            given[property.Name] = property.Value;
        }

        var required = type.Members.Where(m => !m.Nullable).ToList();
        var isResponse = type.Role == TypeRole.Response;
        var constructor = clr.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(c => c.GetParameters().Length == required.Count + (isResponse ? 1 : 0))
            ?? throw new ConformanceException($"{clr.Name} has no public constructor of its {required.Count} required members");
        var parameterInfos = constructor.GetParameters();
        var arguments = new object?[parameterInfos.Length];
        var offset = 0;
        if (isResponse)
        {
            arguments[0] = 200;
            offset = 1;
        }

        for (var i = 0; i < required.Count; i++)
        {
            var member = required[i];
            if (!given.TryGetValue(member.Member.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new ConformanceException($"{path}.{member.Member.Name}: the required member is not in the parameters");
            }

            arguments[i + offset] = Build(value, member.Type, parameterInfos[i + offset].ParameterType, path + "." + member.Member.Name);
        }

        var result = Invoke(() => constructor.Invoke(arguments));
        foreach (var member in type.Members.Where(m => m.Nullable))
        {
            if (!given.TryGetValue(member.Member.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue; // botocore drops members whose value is None
            }

            var with = clr.GetMethod("With" + member.PropertyName, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ConformanceException($"{clr.Name} has no With{member.PropertyName} method");
            var built = Build(value, member.Type, with.GetParameters()[0].ParameterType, path + "." + member.Member.Name);
            result = Invoke(() => with.Invoke(result, new[] { built }));
        }

        return result;
    }

    /// <summary>One value of the given model type, as the CLR type <paramref name="clr"/>.</summary>
    private object? Build(JsonElement value, TypeRef type, Type clr, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(clr) ?? clr;
        try
        {
            switch (type.Kind)
            {
                case ShapeKind.String:
                    return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                case ShapeKind.Enum:
                    return Activator.CreateInstance(target, value.GetString());
                case ShapeKind.IntEnum:
                    return Activator.CreateInstance(target, value.GetInt32());
                case ShapeKind.Byte:
                case ShapeKind.Short:
                case ShapeKind.Integer:
                case ShapeKind.Long:
                    return Convert.ChangeType(value.GetInt64(), target, CultureInfo.InvariantCulture);
                case ShapeKind.BigInteger:
                    return BigInteger.Parse(Number(value), CultureInfo.InvariantCulture);
                case ShapeKind.BigDecimal:
                    return decimal.Parse(Number(value), NumberStyles.Float, CultureInfo.InvariantCulture);
                case ShapeKind.Float:
                    return Special(value) is { } special ? (float)special : float.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                case ShapeKind.Double:
                    return Special(value) ?? double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                case ShapeKind.Boolean:
                    return value.GetBoolean();
                case ShapeKind.Timestamp:
                    return value.ValueKind == JsonValueKind.Number
                        ? FromEpochSeconds(value.GetDecimal())
                        : DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                case ShapeKind.Blob:
                    return new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(value.GetString()!));
                case ShapeKind.Document:
                    return value.Clone();
                case ShapeKind.Structure:
                    return BuildStructure(value, TypeNamed(LocalName(type)), path);
                case ShapeKind.Union:
                    return BuildUnion(value, TypeNamed(LocalName(type)), path);
                case ShapeKind.List:
                    var elementClr = target.GetGenericArguments()[0];
                    var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementClr))!;
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        list.Add(Build(item, type.Element!, elementClr, path + "[" + index++ + "]"));
                    }

                    return list;
                case ShapeKind.Map:
                    var valueClr = target.GetGenericArguments()[1];
                    var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueClr))!;
                    foreach (var property in value.EnumerateObject())
                    {
                        map[property.Name] = Build(property.Value, type.Element!, valueClr, path + "." + property.Name);
                    }

                    return map;
                default:
                    throw new ConformanceException($"{path}: shapes of kind {type.Kind} are not supported by the conformance runner");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or KeyNotFoundException)
        {
            throw new ConformanceException($"{path}: cannot use {value.GetRawText()} as a {type.Kind} ({e.Message})");
        }
    }

    private object BuildUnion(JsonElement value, CodeType type, string path)
    {
        var members = value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToList();
        if (members.Count != 1)
        {
            throw new ConformanceException($"{path}: a union needs exactly one member, found {members.Count}");
        }

        var member = type.Members.FirstOrDefault(m => m.Member.Name == members[0].Name)
            ?? throw new ConformanceException($"{path}.{members[0].Name}: {type.Shape.Name} has no member '{members[0].Name}'");
        var caseType = ClrType(type.TypeName + "+" + member.PropertyName);
        var constructor = caseType.GetConstructors().Single(c => c.GetParameters().Length == 1);
        var built = Build(members[0].Value, member.Type, constructor.GetParameters()[0].ParameterType, path + "." + member.Member.Name);
        return Invoke(() => constructor.Invoke(new[] { built }));
    }

    /// <summary>A structure's members as botocore would return them: model member names, absent members left out.</summary>
    public JsonObject StructureToJson(object value, CodeType type)
    {
        var result = new JsonObject();
        var clr = value.GetType();
        foreach (var member in type.Members)
        {
            var property = clr.GetProperty(member.PropertyName, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ConformanceException($"{clr.Name} has no property {member.PropertyName}");
            var memberValue = property.GetValue(value);
            if (memberValue is not null)
            {
                result[member.Member.Name] = ToJson(memberValue, member.Type);
            }
        }

        return result;
    }

    /// <summary>One value in botocore's result form.</summary>
    public JsonNode? ToJson(object? value, TypeRef type)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case sbyte or short or int or long:
                return JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case BigInteger big:
                return JsonNode.Parse(big.ToString(CultureInfo.InvariantCulture));
            case decimal number:
                return JsonValue.Create(number);
            case float single:
                return float.IsNaN(single) || float.IsInfinity(single) ? SpecialText(single) : JsonNode.Parse(single.ToString("R", CultureInfo.InvariantCulture));
            case double dbl:
                return double.IsNaN(dbl) || double.IsInfinity(dbl) ? SpecialText(dbl) : JsonNode.Parse(dbl.ToString("R", CultureInfo.InvariantCulture));
            case DateTimeOffset timestamp:
                return JsonValue.Create((timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (decimal)TimeSpan.TicksPerSecond);
            case ReadOnlyMemory<byte> bytes:
                return JsonValue.Create(Encoding.UTF8.GetString(bytes.Span));
            case JsonElement document:
                return JsonNode.Parse(document.GetRawText());
        }

        switch (type.Kind)
        {
            case ShapeKind.Enum:
            case ShapeKind.IntEnum:
                return ToJson(value.GetType().GetProperty("WireValue")!.GetValue(value), type with { Kind = ShapeKind.String });
            case ShapeKind.Structure:
                return StructureToJson(value, TypeNamed(LocalName(type)));
            case ShapeKind.Union:
                var unionType = TypeNamed(LocalName(type));
                var caseName = value.GetType().Name;
                var member = unionType.Members.FirstOrDefault(m => m.PropertyName == caseName);
                if (member is null)
                {
                    var unknown = (string?)value.GetType().GetProperty("MemberName")?.GetValue(value);
                    return new JsonObject { ["SDK_UNKNOWN_MEMBER"] = new JsonObject { ["name"] = unknown } };
                }

                return new JsonObject { [member.Member.Name] = ToJson(value.GetType().GetProperty("Value")!.GetValue(value), member.Type) };
            case ShapeKind.List:
                var array = new JsonArray();
                foreach (var item in (IEnumerable)value)
                {
                    array.Add(ToJson(item, type.Element!));
                }

                return array;
            case ShapeKind.Map:
                var map = new JsonObject();
                foreach (var pair in (IEnumerable)value)
                {
                    var pairType = pair!.GetType();
                    var key = (string)pairType.GetProperty("Key")!.GetValue(pair)!;
                    map[key] = ToJson(pairType.GetProperty("Value")!.GetValue(pair), type.Element!);
                }

                return map;
            default:
                throw new ConformanceException($"cannot show a {value.GetType().Name} as a {type.Kind}");
        }
    }

    private string LocalName(TypeRef type)
    {
        var prefix = "global::" + _model.Namespace + ".";
        return type.CSharpType.StartsWith(prefix, StringComparison.Ordinal) ? type.CSharpType.Substring(prefix.Length) : type.CSharpType;
    }

    private static DateTimeOffset FromEpochSeconds(decimal seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(decimal.ToInt64(decimal.Round(seconds * TimeSpan.TicksPerSecond)));

    private static double? Special(JsonElement value) => value.ValueKind != JsonValueKind.String ? null : value.GetString() switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        var other => throw new FormatException($"'{other}' is not a number"),
    };

    private static JsonNode SpecialText(double value) =>
        JsonValue.Create(double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : "-Infinity");

    private static string Number(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static object Invoke(Func<object?> call)
    {
        try
        {
            return call() ?? throw new ConformanceException("a constructor or With method returned null");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new ConformanceException($"the generated code threw {e.InnerException.GetType().Name}: {e.InnerException.Message}");
        }
    }
}

/// <summary>A case could not be run or checked; the message says why.</summary>
internal sealed class ConformanceException(string message) : Exception(message);

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Codegen.Generator.Json;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;

namespace Codegen.Generator.Emit;

/// <summary>
/// What every protocol's response reader does when a member the model marks required is not in the response.
/// By default the member takes the model's <c>@default</c>, else the zero value of its type (Smithy's client error
/// correction: <c>false</c>, <c>0</c>, <c>""</c>, an empty blob, list or map, the Unix epoch, a <c>null</c>
/// document, an enum or union case the model does not know, a structure whose own required members follow the same
/// rule), so that a service that stops sending a member does not break every call. Under the runtime's
/// <c>DeserializationOptions.StrictRequiredMembers</c> it is an <c>AwsDeserializationException</c> instead.
/// </summary>
/// <remarks>
/// Readers call <see cref="WriteMissingChecks"/> after reading a message into their locals; a <c>DeserializationOptions
/// options</c> must be in scope there. The zero value of a structure is a method of the service's
/// <see cref="ZeroValuesClassName">zero-values class</see> (<see cref="EmitZeroValues"/>), so that readers of every
/// protocol share it. A structure that requires itself (directly or through other required structures) has no value
/// at all; a missing member of such a type fails whatever the options.
/// </remarks>
internal static class RequiredMembers
{
    private const string Runtime = TypeExpressions.Runtime;

    /// <summary>The runtime type of the readers' options.</summary>
    public const string OptionsType = Runtime + ".Operations.DeserializationOptions";

    private static readonly ConditionalWeakTable<CodeModel, ZeroValueTable> Tables = new();

    /// <summary>The class holding the zero values of the model's structures, in <c>{Namespace}.Serialization</c>.</summary>
    public static string ZeroValuesClassName(CodeModel model) => model.ServiceName + "ZeroValues";

    /// <summary>
    /// For each required member of <paramref name="members"/> whose local (in <paramref name="locals"/>, declared
    /// nullable) is still <c>null</c>: the runtime's check (which throws under strict options), then its default or
    /// zero value. <paramref name="wireName"/> names the member in the failure's path.
    /// </summary>
    public static void WriteMissingChecks(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, IReadOnlyList<string> locals, Func<CodeMember, string> wireName)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member.Nullable)
            {
                continue;
            }

            var name = CSharp.Literal(wireName(member));
            w.Line($"if ({locals[i]} is null)");
            w.OpenBrace();
            if (ValueWhenMissing(model, member) is { } value)
            {
                w.Line($"{Runtime}.Serialization.RequiredMembers.Missing(options, {name});");
                w.Line($"{locals[i]} = {value};");
            }
            else
            {
                w.Line($"throw {Runtime}.Serialization.RequiredMembers.NoZeroValue({name});");
            }

            w.CloseBrace();
            w.Line();
        }
    }

    /// <summary>
    /// The expression a missing required member takes: the model's <c>@default</c> when it has one this type can
    /// hold, else the zero value of its type; <see langword="null"/> when the type has no value at all.
    /// </summary>
    public static string? ValueWhenMissing(CodeModel model, CodeMember member) =>
        (member.Member.DefaultValue is { } text ? DefaultValue(member.Type, text) : null) ?? ZeroValue(model, member.Type);

    /// <summary>The zero value of <paramref name="type"/>; <see langword="null"/> for a structure that requires itself.</summary>
    public static string? ZeroValue(CodeModel model, TypeRef type)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                return "\"\"";
            case ShapeKind.Enum:
                return $"new {type.CSharpType}(\"\")";
            case ShapeKind.IntEnum:
                return $"new {type.CSharpType}(0)";
            case ShapeKind.Byte:
                return "(sbyte)0";
            case ShapeKind.Short:
                return "(short)0";
            case ShapeKind.Integer:
                return "0";
            case ShapeKind.Long:
                return "0L";
            case ShapeKind.Float:
                return "0f";
            case ShapeKind.Double:
                return "0d";
            case ShapeKind.BigInteger:
                return "global::System.Numerics.BigInteger.Zero";
            case ShapeKind.BigDecimal:
                return "0m";
            case ShapeKind.Boolean:
                return "false";
            case ShapeKind.Timestamp:
                return "global::System.DateTimeOffset.UnixEpoch";
            case ShapeKind.Blob when type.Streaming:
                return "global::System.IO.Stream.Null"; // a streaming payload is a Stream: the empty one
            case ShapeKind.Blob:
                return "global::System.ReadOnlyMemory<byte>.Empty";
            case ShapeKind.Document:
                return $"{Runtime}.Serialization.RequiredMembers.NullDocument";
            case ShapeKind.List:
                return $"global::System.Array.Empty<{TypeExpressions.ElementType(type)}>()";
            case ShapeKind.Map:
                return $"global::System.Collections.ObjectModel.ReadOnlyDictionary<string, {TypeExpressions.ElementType(type)}>.Empty";
            case ShapeKind.Union:
                return $"new {type.CSharpType}.Unknown(\"\")";
            case ShapeKind.Structure when type.IsError:
                return $"new {type.CSharpType}(null, 0, null)";
            case ShapeKind.Structure:
                return Table(model).Methods.TryGetValue(type.CSharpType, out var method)
                    ? $"global::{model.Namespace}.Serialization.{ZeroValuesClassName(model)}.{method}()"
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The zero-values class: one method per structure that is the target of a required member and has a value,
    /// building it from its own required members' defaults or zero values; <see langword="null"/> when no structure
    /// needs one.
    /// </summary>
    public static string? EmitZeroValues(CodeModel model)
    {
        var table = Table(model);
        if (table.Structures.Count == 0)
        {
            return null;
        }

        var w = SourceWriter.StartFile(model.Namespace + ".Serialization");
        w.Line("/// <summary>");
        w.Line("/// The values of structures that responses must hold but did not: each with its required members set to their");
        w.Line("/// defaults or zero values (Smithy's client error correction).");
        w.Line("/// </summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"internal static class {ZeroValuesClassName(model)}");
        w.OpenBrace();
        var first = true;
        foreach (var type in table.Structures)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var self = $"global::{model.Namespace}.{type.TypeName}";
            var arguments = type.Members.Where(m => !m.Nullable).Select(m => ValueWhenMissing(model, m)!);
            w.Line($"/// <summary>A <see cref=\"{self}\"/> with its required members at their defaults or zero values.</summary>");
            w.Line($"public static {self} {table.Methods[self]}() => new {self}({string.Join(", ", arguments)});");
        }

        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary>A C# expression for the <c>@default</c> JSON <paramref name="text"/> as <paramref name="type"/>, or <see langword="null"/>.</summary>
    private static string? DefaultValue(TypeRef type, string text)
    {
        JsonValue value;
        try
        {
            value = JsonParser.Parse(text);
        }
        catch (JsonParseException)
        {
            return null;
        }

        switch (type.Kind)
        {
            case ShapeKind.String when value is JsonString s:
                return CSharp.Literal(s.Value);
            case ShapeKind.Enum when value is JsonString s:
                return $"new {type.CSharpType}({CSharp.Literal(s.Value)})";
            case ShapeKind.Boolean when value is JsonBoolean b:
                return b.Value ? "true" : "false";
            case ShapeKind.IntEnum when value is JsonNumber n && n.TryGetInt64(out var i) && i >= int.MinValue && i <= int.MaxValue:
                return $"new {type.CSharpType}({CSharp.Int(i)})";
            case ShapeKind.Byte when value is JsonNumber n && n.TryGetInt64(out var i) && i >= sbyte.MinValue && i <= sbyte.MaxValue:
                return $"(sbyte){CSharp.Int(i)}";
            case ShapeKind.Short when value is JsonNumber n && n.TryGetInt64(out var i) && i >= short.MinValue && i <= short.MaxValue:
                return $"(short){CSharp.Int(i)}";
            case ShapeKind.Integer when value is JsonNumber n && n.TryGetInt64(out var i) && i >= int.MinValue && i <= int.MaxValue:
                return CSharp.Int(i);
            case ShapeKind.Long when value is JsonNumber n && n.TryGetInt64(out var i):
                return CSharp.Int(i) + "L";
            case ShapeKind.Float when value is JsonNumber n && n.TryGetDouble(out var d) && !double.IsInfinity((float)d):
                return ((float)d).ToString("R", CultureInfo.InvariantCulture) + "f";
            case ShapeKind.Double when value is JsonNumber n && n.TryGetDouble(out var d) && !double.IsInfinity(d):
                return d.ToString("R", CultureInfo.InvariantCulture) + "d";
            case ShapeKind.BigDecimal when value is JsonNumber n && decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m):
                return m.ToString(CultureInfo.InvariantCulture) + "m";
            case ShapeKind.BigInteger when value is JsonNumber n && n.TryGetInt64(out var i):
                return $"new global::System.Numerics.BigInteger({CSharp.Int(i)}L)";
            case ShapeKind.Timestamp when value is JsonNumber n && n.TryGetDouble(out var seconds) && Math.Abs(seconds) < 253402300800d:
                return $"global::System.DateTimeOffset.FromUnixTimeMilliseconds({CSharp.Int((long)Math.Round(seconds * 1000d, MidpointRounding.AwayFromZero))}L)";
            case ShapeKind.Timestamp when value is JsonString s
                && DateTimeOffset.TryParseExact(s.Value, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time):
                return $"global::System.DateTimeOffset.FromUnixTimeMilliseconds({CSharp.Int(time.ToUnixTimeMilliseconds())}L)";
            case ShapeKind.Blob when value is JsonString { Value.Length: 0 }:
                return "global::System.ReadOnlyMemory<byte>.Empty";
            case ShapeKind.Blob when value is JsonString s && IsBase64(s.Value):
                return $"new global::System.ReadOnlyMemory<byte>(global::System.Convert.FromBase64String({CSharp.Literal(s.Value)}))";
            default:
                // Lists and maps can only default to empty, their zero value; documents and anything this type cannot hold use the zero value too.
                return null;
        }
    }

    private static bool IsBase64(string text)
    {
        try
        {
            Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static ZeroValueTable Table(CodeModel model) => Tables.GetValue(model, static m => new ZeroValueTable(m));

    /// <summary>
    /// The structures of one model that get a zero-value method (targets of required members that have a value) and
    /// the methods' names; built once per model.
    /// </summary>
    private sealed class ZeroValueTable
    {
        public ZeroValueTable(CodeModel model)
        {
            var byType = model.Types
                .Where(t => t.Shape.Kind == ShapeKind.Structure && t.Role != TypeRole.Error)
                .ToDictionary(t => $"global::{model.Namespace}.{t.TypeName}", StringComparer.Ordinal);
            var targets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in model.Types)
            {
                foreach (var member in type.Members)
                {
                    if (!member.Nullable && member.Type.Kind == ShapeKind.Structure && !member.Type.IsError && byType.ContainsKey(member.Type.CSharpType))
                    {
                        targets.Add(member.Type.CSharpType);
                    }
                }
            }

            // A structure has a value unless it reaches itself through required structure members.
            var state = new Dictionary<string, bool>(StringComparer.Ordinal);
            bool HasValue(string name, HashSet<string> path)
            {
                if (state.TryGetValue(name, out var known))
                {
                    return known;
                }

                if (!path.Add(name))
                {
                    return false;
                }

                var result = byType[name].Members
                    .Where(m => !m.Nullable && m.Type.Kind == ShapeKind.Structure && !m.Type.IsError && byType.ContainsKey(m.Type.CSharpType))
                    .All(m => HasValue(m.Type.CSharpType, path));
                path.Remove(name);
                state[name] = result;
                return result;
            }

            var taken = new HashSet<string>(StringComparer.Ordinal) { ZeroValuesClassName(model) };
            foreach (var name in targets.OrderBy(n => n, StringComparer.Ordinal))
            {
                if (HasValue(name, new HashSet<string>(StringComparer.Ordinal)))
                {
                    Structures.Add(byType[name]);
                    Methods[name] = Identifiers.Unique("Empty" + byType[name].TypeName, taken);
                }
            }
        }

        public List<CodeType> Structures { get; } = new();

        public Dictionary<string, string> Methods { get; } = new(StringComparer.Ordinal);
    }
}

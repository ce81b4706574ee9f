using System.Collections.Generic;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;

namespace Codegen.Generator.Protocols.Query;

/// <summary>
/// The request code of awsQuery and ec2Query: each structure or union an input reaches gets
/// <c>{Type}QueryCodec.Write(writer, prefix, value, options)</c>, which adds one form pair per scalar under the
/// flattened name <c>{prefix}{Member}</c>. Lists add <c>.member.N</c> (awsQuery; the list member's name when the
/// model gives one, nothing when flattened) or <c>.N</c> (ec2Query), maps <c>.entry.N.key</c> / <c>.entry.N.value</c>.
/// An empty list is <c>Name=</c> in awsQuery and nothing in ec2Query; an empty map is nothing.
/// </summary>
internal static class QueryCodecEmitter
{
    private const string Runtime = TypeExpressions.Runtime;
    public const string Writer = Runtime + ".Protocols.Query.QueryFormWriter";

    public static string CodecName(CodeType type) => type.TypeName + "QueryCodec";

    /// <summary>The codec class of a structure or union member type.</summary>
    public static string CodecOf(CodeModel model, TypeRef type) =>
        $"global::{model.Namespace}.Serialization.{type.CSharpType.Substring(("global::" + model.Namespace + ".").Length)}QueryCodec";

    /// <summary>The <c>{Type}QueryCodec</c> file: <c>Write</c> of the type's members.</summary>
    public static GeneratedFile EmitCodec(CodeModel model, CodeType type, bool ec2) =>
        CodecFiles.Create(model, type, CodecName(type), ec2 ? "The ec2Query form fields of" : "The awsQuery form fields of", (w, self) =>
        {
            w.Line($"public static void Write({Writer} writer, string prefix, {self} value, {Runtime}.Operations.SerializationOptions options)");
            w.OpenBrace();
            if (type.Shape.Kind == ShapeKind.Union)
            {
                WriteUnion(w, model, type, self, ec2);
            }
            else
            {
                WriteMembers(w, model, type.Members, ec2);
            }

            w.CloseBrace();
        });

    /// <summary>
    /// The name a member has in the form: awsQuery uses its XML name (botocore <c>locationName</c>, Smithy
    /// <c>@xmlName</c>) or its own; ec2Query its <c>ec2QueryName</c>, else that name with the first letter capitalised.
    /// </summary>
    public static string MemberName(CodeMember member, bool ec2)
    {
        if (!ec2)
        {
            return member.WireName;
        }

        if (member.Member.QueryName is { Length: > 0 } queryName)
        {
            return queryName;
        }

        var name = member.WireName;
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    private static void WriteMembers(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, bool ec2)
    {
        if (members.Count == 0)
        {
            w.Line("_ = writer;");
            w.Line("_ = prefix;");
            w.Line("_ = value;");
            w.Line("_ = options;");
            return;
        }

        var index = 0;
        foreach (var member in members)
        {
            var local = "v" + index;
            var name = "n" + index;
            index++;
            var nameExpression = $"prefix + {CSharp.Literal(MemberName(member, ec2))}";
            var flattened = member.Member.Flattened || member.Type.Flattened;
            if (member.Member.IdempotencyToken && member.Type.Kind == ShapeKind.String)
            {
                w.Line($"writer.Add({nameExpression}, value.{member.PropertyName} ?? options.IdempotencyTokenFactory());");
                continue;
            }

            if (member.Type.IsValueType && !member.Nullable)
            {
                w.OpenBrace();
                w.Line($"var {name} = {nameExpression};");
                WriteValue(w, model, member.Type, name, $"value.{member.PropertyName}", 0, ec2, flattened);
                w.CloseBrace();
                continue;
            }

            w.Line($"if (value.{member.PropertyName} is {{ }} {local})");
            w.OpenBrace();
            w.Line($"var {name} = {nameExpression};");
            WriteValue(w, model, member.Type, name, local, 0, ec2, flattened);
            w.CloseBrace();
        }
    }

    private static void WriteUnion(SourceWriter w, CodeModel model, CodeType type, string self, bool ec2)
    {
        w.Line("switch (value)");
        w.OpenBrace();
        var index = 0;
        foreach (var member in type.Members)
        {
            var local = "c" + index;
            var name = "n" + index;
            index++;
            w.Line($"case {self}.{member.PropertyName} {local}:");
            w.OpenBrace();
            w.Line($"var {name} = prefix + {CSharp.Literal(MemberName(member, ec2))};");
            WriteValue(w, model, member.Type, name, local + ".Value", 0, ec2, member.Member.Flattened || member.Type.Flattened);
            w.Line("break;");
            w.CloseBrace();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"throw new global::System.InvalidOperationException(\"The union {type.TypeName} holds the case '\" + value.MemberName + \"', which this model does not know and cannot send.\");");
        w.Outdent();
        w.CloseBrace();
    }

    /// <summary>Statements adding <paramref name="expression"/> (never null) under the name in local <paramref name="name"/>.</summary>
    private static void WriteValue(SourceWriter w, CodeModel model, TypeRef type, string name, string expression, int depth, bool ec2, bool flattened)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
            case ShapeKind.Float:
            case ShapeKind.Double:
            case ShapeKind.BigInteger:
            case ShapeKind.BigDecimal:
            case ShapeKind.Boolean:
                w.Line($"writer.Add({name}, {expression});");
                break;
            case ShapeKind.Enum:
            case ShapeKind.IntEnum:
                w.Line($"writer.Add({name}, {expression}.WireValue);");
                break;
            case ShapeKind.Timestamp:
                w.Line($"writer.AddTimestamp({name}, {expression}, {TimestampFormat(type.TimestampFormat)});");
                break;
            case ShapeKind.Blob:
                w.Line($"writer.AddBlob({name}, {expression});");
                break;
            case ShapeKind.Document:
                // The query protocols have no documents; the JSON text is the nearest there is.
                w.Line($"writer.Add({name}, {expression}.GetRawText());");
                break;
            case ShapeKind.Structure when type.IsError:
                w.Line($"throw new global::System.NotSupportedException(\"An error cannot be sent as a member value.\");");
                break;
            case ShapeKind.Structure:
            case ShapeKind.Union:
                w.Line($"{CodecOf(model, type)}.Write(writer, {name} + \".\", {expression}, options);");
                break;
            case ShapeKind.List:
                WriteList(w, model, type, name, expression, depth, ec2, flattened);
                break;
            case ShapeKind.Map:
                WriteMap(w, model, type, name, expression, depth, ec2, flattened);
                break;
        }
    }

    private static void WriteList(SourceWriter w, CodeModel model, TypeRef type, string name, string expression, int depth, bool ec2, bool flattened)
    {
        var list = "list" + depth;
        var index = "i" + depth;
        var prefix = ec2 || flattened ? name : $"{name} + {CSharp.Literal("." + (type.ElementWireName ?? "member"))}";
        w.Line($"var {list} = {expression};");
        if (!ec2)
        {
            // awsQuery sends an empty list as the bare name; ec2Query leaves it out.
            w.Line($"if ({list}.Count == 0)");
            w.OpenBrace();
            w.Line($"writer.Add({name}, \"\");");
            w.CloseBrace();
            w.Line();
        }

        w.Line($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
        w.OpenBrace();
        var element = "n" + (depth + 1) + "e";
        w.Line($"var {element} = {Writer}.Indexed({prefix}, {index});");
        WriteElement(w, model, type, element, $"{list}[{index}]", depth, ec2);
        w.CloseBrace();
    }

    private static void WriteMap(SourceWriter w, CodeModel model, TypeRef type, string name, string expression, int depth, bool ec2, bool flattened)
    {
        var index = "i" + depth;
        var pair = "pair" + depth;
        var entry = "entry" + depth;
        var prefix = flattened ? name : name + " + \".entry\"";
        w.Line($"var {index} = 0;");
        w.Line($"foreach (var {pair} in {expression})");
        w.OpenBrace();
        w.Line($"var {entry} = {Writer}.Indexed({prefix}, {index}++);");
        w.Line($"writer.Add({entry} + {CSharp.Literal("." + (type.KeyWireName ?? "key"))}, {pair}.Key);");
        var value = "n" + (depth + 1) + "v";
        w.Line($"var {value} = {entry} + {CSharp.Literal("." + (type.ElementWireName ?? "value"))};");
        WriteElement(w, model, type, value, pair + ".Value", depth, ec2);
        w.CloseBrace();
    }

    /// <summary>A list element or map value, which may be null in a sparse collection (then nothing is sent).</summary>
    private static void WriteElement(SourceWriter w, CodeModel model, TypeRef collection, string name, string expression, int depth, bool ec2)
    {
        var element = collection.Element!;
        if (!collection.ElementNullable && element.IsValueType)
        {
            WriteValue(w, model, element, name, expression, depth + 1, ec2, element.Flattened);
            return;
        }

        var local = "e" + depth;
        w.Line($"if ({expression} is {{ }} {local})");
        w.OpenBrace();
        WriteValue(w, model, element, name, local, depth + 1, ec2, element.Flattened);
        w.CloseBrace();
    }

    /// <summary>The runtime's format for a timestamp in the form: ISO 8601 unless the model names another.</summary>
    public static string TimestampFormat(Model.TimestampFormat format) => format switch
    {
        Model.TimestampFormat.EpochSeconds => Runtime + ".Serialization.TimestampFormat.EpochSeconds",
        Model.TimestampFormat.HttpDate => Runtime + ".Serialization.TimestampFormat.HttpDate",
        _ => Runtime + ".Serialization.TimestampFormat.Iso8601",
    };
}

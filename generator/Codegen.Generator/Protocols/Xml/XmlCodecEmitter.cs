using System;
using System.Collections.Generic;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols.Json;

namespace Codegen.Generator.Protocols.Xml;

/// <summary>
/// The XML body readers of the XML protocols (awsQuery and ec2Query responses; restXml can use the same):
/// reflection-free code over <c>System.Xml.XmlReader</c> through the runtime's <c>XmlWireReader</c>, forward only.
/// Members are child elements named by their XML name (botocore <c>locationName</c>, Smithy <c>@xmlName</c>),
/// matched by local name; unknown elements are skipped. A list is a wrapping element whose children are the items
/// (whatever their names), or, flattened, the member's element repeated; a map is a wrapping element of
/// <c>entry</c> elements, or, flattened, the member's element repeated, each with a key and a value element
/// (<c>key</c> / <c>value</c> unless the model names them). Timestamps are ISO 8601 unless the model names another
/// format. Failures are <c>AwsDeserializationException</c>s with the member path (each level adds its part).
/// </summary>
/// <remarks>
/// Each structure or union gets <c>{Type}XmlCodec.Read(reader, options)</c> (<see cref="EmitValueCodec"/>), called
/// with the reader on the value's element. The protocols write the readers of outputs and errors with
/// <see cref="WriteMemberLoop"/>. Locals and the construction of the value are the JSON readers' (the C# is the same
/// for every wire format).
/// </remarks>
internal static class XmlCodecEmitter
{
    private const string Runtime = TypeExpressions.Runtime;
    public const string Wire = Runtime + ".Protocols.Xml.XmlWireReader";
    public const string Reader = "global::System.Xml.XmlReader";
    public const string Options = RequiredMembers.OptionsType;
    private const string DeserializationException = Runtime + ".Serialization.AwsDeserializationException";

    public static string CodecName(CodeType type) => type.TypeName + "XmlCodec";

    /// <summary>The codec class of a structure or union member type.</summary>
    public static string CodecOf(CodeModel model, TypeRef type) =>
        $"global::{model.Namespace}.Serialization.{type.CSharpType.Substring(("global::" + model.Namespace + ".").Length)}XmlCodec";

    /// <summary>The <c>{Type}XmlCodec</c> file of <paramref name="type"/>, its body written by <paramref name="body"/>.</summary>
    public static GeneratedFile CodecFile(CodeModel model, CodeType type, string summary, Action<SourceWriter, string> body) =>
        CodecFiles.Create(model, type, CodecName(type), summary, body);

    /// <summary>The XML element name of a member.</summary>
    public static string ElementName(CodeMember member) => member.WireName;

    /// <summary>The reader of a structure or union that appears as a value: <c>Read(reader, options)</c>.</summary>
    public static GeneratedFile EmitValueCodec(CodeModel model, CodeType type) =>
        CodecFile(model, type, "The XML reader of", (w, self) =>
        {
            if (type.Shape.Kind == ShapeKind.Union)
            {
                WriteUnionReader(w, model, type, self);
            }
            else
            {
                w.Line($"public static {self} Read({Reader} reader, {Options} options)");
                w.OpenBrace();
                JsonCodecEmitter.DeclareLocals(w, type.Members);
                w.Line($"if ({Wire}.Enter(reader))");
                w.OpenBrace();
                WriteMemberLoop(w, model, type.Members);
                w.CloseBrace();
                w.Line();
                JsonCodecEmitter.WriteRequiredChecks(w, model, type.Members);
                JsonCodecEmitter.WriteConstruction(w, self, type.Members, leading: null);
                w.CloseBrace();
            }
        });

    /// <summary>
    /// The loop over the child elements of the element entered, reading <paramref name="members"/> into the locals
    /// <c>v0..vn</c> (declared nullable); failures name the member they happened in.
    /// </summary>
    public static void WriteMemberLoop(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members)
    {
        w.Line("string? member = null;");
        w.Line("try");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextChild(reader))");
        w.OpenBrace();
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var name = CSharp.Literal(ElementName(member));
            w.Line($"{(i == 0 ? "if" : "else if")} ({Wire}.Is(reader, {name}))");
            w.OpenBrace();
            w.Line($"member = {name};");
            if ((member.Member.Flattened || member.Type.Flattened) && member.Type.Kind is ShapeKind.List or ShapeKind.Map)
            {
                ReadFlattened(w, model, member.Type, "v" + i);
            }
            else
            {
                ReadValue(w, model, member.Type, "v" + i, 0);
            }

            w.CloseBrace();
        }

        if (members.Count == 0)
        {
            w.Line($"{Wire}.Skip(reader);");
        }
        else
        {
            w.Line("else");
            w.OpenBrace();
            w.Line($"{Wire}.Skip(reader);");
            w.CloseBrace();
        }

        w.Line();
        w.Line("member = null;");
        w.CloseBrace();
        w.CloseBrace();
        w.Line($"catch ({DeserializationException} exception) when (member is not null)");
        w.OpenBrace();
        w.Line("throw exception.WithParentMember(member);");
        w.CloseBrace();
    }

    /// <summary>One occurrence of a flattened list's or map's element: an item or an entry added to the member's local.</summary>
    private static void ReadFlattened(SourceWriter w, CodeModel model, TypeRef type, string target)
    {
        var elementType = TypeExpressions.ElementType(type);
        if (type.Kind == ShapeKind.List)
        {
            w.Line($"var flat = {target} as global::System.Collections.Generic.List<{elementType}>;");
            w.Line("if (flat is null)");
            w.OpenBrace();
            w.Line($"flat = new global::System.Collections.Generic.List<{elementType}>();");
            w.Line($"{target} = flat;");
            w.CloseBrace();
            w.Line();
            w.Line("try");
            w.OpenBrace();
            ReadItem(w, model, type, "flat", 0);
            w.CloseBrace();
            w.Line($"catch ({DeserializationException} exception0)");
            w.OpenBrace();
            w.Line("throw exception0.WithParentIndex(flat.Count);");
            w.CloseBrace();
            return;
        }

        w.Line($"var flat = {target} as global::System.Collections.Generic.Dictionary<string, {elementType}>;");
        w.Line("if (flat is null)");
        w.OpenBrace();
        w.Line($"flat = new global::System.Collections.Generic.Dictionary<string, {elementType}>(global::System.StringComparer.Ordinal);");
        w.Line($"{target} = flat;");
        w.CloseBrace();
        w.Line();
        ReadEntry(w, model, type, "flat", 0);
    }

    /// <summary>Reads the element under the reader as an item of <paramref name="type"/> (a list) and adds it to <paramref name="list"/>.</summary>
    private static void ReadItem(SourceWriter w, CodeModel model, TypeRef type, string list, int depth)
    {
        var element = type.Element!;
        var item = "item" + depth;
        w.Line($"{element.CSharpType}? {item} = null;");
        ReadValue(w, model, element, item, depth + 1);
        if (type.ElementNullable)
        {
            w.Line($"{list}.Add({item});");
        }
        else
        {
            w.Line($"if ({item} is not null)");
            w.OpenBrace();
            w.Line($"{list}.Add({JsonCodecEmitter.Unwrap(element, item)});");
            w.CloseBrace();
        }
    }

    /// <summary>Reads the element under the reader as an entry (key and value elements) of <paramref name="type"/> into <paramref name="map"/>.</summary>
    private static void ReadEntry(SourceWriter w, CodeModel model, TypeRef type, string map, int depth)
    {
        var element = type.Element!;
        var key = "key" + depth;
        var value = "value" + depth;
        w.Line($"string? {key} = null;");
        w.Line($"{element.CSharpType}? {value} = null;");
        w.Line($"if ({Wire}.Enter(reader))");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextChild(reader))");
        w.OpenBrace();
        w.Line($"if ({Wire}.Is(reader, {CSharp.Literal(type.KeyWireName ?? "key")}))");
        w.OpenBrace();
        w.Line($"{key} = {Wire}.ReadString(reader);");
        w.CloseBrace();
        w.Line($"else if ({Wire}.Is(reader, {CSharp.Literal(type.ElementWireName ?? "value")}))");
        w.OpenBrace();
        w.Line("try");
        w.OpenBrace();
        ReadValue(w, model, element, value, depth + 1);
        w.CloseBrace();
        w.Line($"catch ({DeserializationException} exception{depth}) when ({key} is not null)");
        w.OpenBrace();
        w.Line($"throw exception{depth}.WithParentMember({key});");
        w.CloseBrace();
        w.CloseBrace();
        w.Line("else");
        w.OpenBrace();
        w.Line($"{Wire}.Skip(reader);");
        w.CloseBrace();
        w.CloseBrace();
        w.CloseBrace();
        w.Line();
        w.Line($"if ({key} is null)");
        w.OpenBrace();
        w.Line($"throw {Wire}.MissingMapKey();");
        w.CloseBrace();
        w.Line();
        if (type.ElementNullable)
        {
            w.Line($"{map}[{key}] = {value};");
        }
        else
        {
            w.Line($"if ({value} is not null)");
            w.OpenBrace();
            w.Line($"{map}[{key}] = {JsonCodecEmitter.Unwrap(element, value)};");
            w.CloseBrace();
        }
    }

    private static void WriteUnionReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line($"public static {self}? Read({Reader} reader, {Options} options)");
        w.OpenBrace();
        w.Line($"{self}? result = null;");
        w.Line("var cases = 0;");
        w.Line($"if ({Wire}.Enter(reader))");
        w.OpenBrace();
        w.Line("string? member = null;");
        w.Line("try");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextChild(reader))");
        w.OpenBrace();
        for (var i = 0; i < type.Members.Count; i++)
        {
            var member = type.Members[i];
            var local = "v" + i;
            var name = CSharp.Literal(ElementName(member));
            w.Line($"{(i == 0 ? "if" : "else if")} ({Wire}.Is(reader, {name}))");
            w.OpenBrace();
            w.Line($"member = {name};");
            w.Line($"{member.Type.CSharpType}? {local} = null;");
            ReadValue(w, model, member.Type, local, 0);
            w.Line($"if ({local} is not null)");
            w.OpenBrace();
            w.Line($"result = new {self}.{member.PropertyName}({JsonCodecEmitter.Unwrap(member.Type, local)});");
            w.Line("cases++;");
            w.CloseBrace();
            w.CloseBrace();
        }

        if (type.Members.Count > 0)
        {
            w.Line("else");
        }

        w.OpenBrace();
        w.Line($"result = new {self}.Unknown(reader.LocalName);");
        w.Line("cases++;");
        w.Line($"{Wire}.Skip(reader);");
        w.CloseBrace();
        w.Line();
        w.Line("member = null;");
        w.CloseBrace();
        w.CloseBrace();
        w.Line($"catch ({DeserializationException} exception) when (member is not null)");
        w.OpenBrace();
        w.Line("throw exception.WithParentMember(member);");
        w.CloseBrace();
        w.CloseBrace();
        w.Line();
        w.Line("if (cases > 1)");
        w.OpenBrace();
        w.Line($"throw new {DeserializationException}(\"$\", \"a union must have exactly one member set, found \" + cases.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
        w.CloseBrace();
        w.Line();
        w.Line("return result;");
        w.CloseBrace();
    }

    /// <summary>Statements reading the element under the reader into <paramref name="target"/> (a nullable local).</summary>
    public static void ReadValue(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
            case ShapeKind.BigInteger:
            case ShapeKind.BigDecimal:
            case ShapeKind.Float:
            case ShapeKind.Double:
            case ShapeKind.Boolean:
                w.Line($"{target} = {Wire}.{WireReadMethods.Scalar(type.Kind)}(reader);");
                break;
            case ShapeKind.Enum:
                w.Line($"{target} = new {type.CSharpType}({Wire}.ReadString(reader));");
                break;
            case ShapeKind.IntEnum:
                w.Line($"{target} = new {type.CSharpType}({Wire}.ReadInt32(reader));");
                break;
            case ShapeKind.Timestamp:
                w.Line($"{target} = {Wire}.ReadTimestamp(reader, {TimestampFormat(type.TimestampFormat)});");
                break;
            case ShapeKind.Blob when !type.Streaming:
                w.Line($"{target} = {Wire}.ReadBlob(reader);");
                break;
            case ShapeKind.Structure when !type.IsError:
            case ShapeKind.Union:
                w.Line($"{target} = {CodecOf(model, type)}.Read(reader, options);");
                break;
            case ShapeKind.List:
                ReadList(w, model, type, target, depth);
                break;
            case ShapeKind.Map:
                ReadMap(w, model, type, target, depth);
                break;
            default:
                // Documents, streams and error values have no XML form in these protocols: left unset.
                w.Line($"{Wire}.Skip(reader);");
                break;
        }
    }

    private static void ReadList(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
    {
        var list = "list" + depth;
        var index = "index" + depth;
        w.Line($"var {list} = new global::System.Collections.Generic.List<{TypeExpressions.ElementType(type)}>();");
        w.Line($"if ({Wire}.Enter(reader))");
        w.OpenBrace();
        w.Line($"var {index} = 0;");
        w.Line("try");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextChild(reader))");
        w.OpenBrace();
        ReadItem(w, model, type, list, depth);
        w.Line($"{index}++;");
        w.CloseBrace();
        w.CloseBrace();
        w.Line($"catch ({DeserializationException} exception{depth})");
        w.OpenBrace();
        w.Line($"throw exception{depth}.WithParentIndex({index});");
        w.CloseBrace();
        w.CloseBrace();
        w.Line();
        // The list is new and no one else holds it: the shape keeps it as its immutable list without a copy.
        w.Line($"{target} = {Runtime}.Model.ShapeCollections.OwnList({list});");
    }

    private static void ReadMap(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
    {
        var map = "map" + depth;
        w.Line($"var {map} = new global::System.Collections.Generic.Dictionary<string, {TypeExpressions.ElementType(type)}>(global::System.StringComparer.Ordinal);");
        w.Line($"if ({Wire}.Enter(reader))");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextChild(reader))");
        w.OpenBrace();
        ReadEntry(w, model, type, map, depth);
        w.CloseBrace();
        w.CloseBrace();
        w.Line();
        // The dictionary is new and no one else holds it: the shape keeps it as its immutable map without a copy.
        w.Line($"{target} = {Runtime}.Model.ShapeCollections.OwnMap({map});");
    }

    /// <summary>The runtime's format for a timestamp in XML: ISO 8601 unless the model names another.</summary>
    public static string TimestampFormat(Model.TimestampFormat format) => format switch
    {
        Model.TimestampFormat.EpochSeconds => Runtime + ".Serialization.TimestampFormat.EpochSeconds",
        Model.TimestampFormat.HttpDate => Runtime + ".Serialization.TimestampFormat.HttpDate",
        _ => Runtime + ".Serialization.TimestampFormat.Iso8601",
    };
}

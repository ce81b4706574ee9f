using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols.Json;

namespace Codegen.Generator.Protocols.Cbor;

/// <summary>
/// The CBOR body code of rpcv2Cbor: reflection-free code over System.Formats.Cbor's <c>CborWriter</c> and
/// <c>CborReader</c>. Structures and unions are maps keyed by member name (written with definite lengths); readers
/// accept definite and indefinite lengths, skip unknown members, treat <c>null</c> as absent, and report failures as
/// <c>AwsDeserializationException</c> with the member path (each level adds its part).
/// </summary>
/// <remarks>
/// Each structure or union gets a codec class <c>{Type}CborCodec</c> with <c>Write</c> and <c>Read</c>
/// (<see cref="EmitValueCodec"/>); <see cref="CborProtocol"/> writes the codecs of operation inputs, outputs and errors
/// with the building blocks here. Locals and the construction of the read value are the JSON readers' (the C# they
/// write is the same for every wire format).
/// </remarks>
internal static class CborCodecEmitter
{
    public const string Runtime = TypeExpressions.Runtime;
    public const string Wire = Runtime + ".Protocols.Cbor.CborWireReader";
    public const string WireWriter = Runtime + ".Protocols.Cbor.CborWireWriter";
    public const string Writer = "global::System.Formats.Cbor.CborWriter";
    public const string Reader = "global::System.Formats.Cbor.CborReader";
    private const string DeserializationException = Runtime + ".Serialization.AwsDeserializationException";
    private const string SequenceEqual = "global::System.MemoryExtensions.SequenceEqual";

    public static string CodecName(CodeType type) => type.TypeName + "CborCodec";

    /// <summary>The codec class of a structure or union member type, e.g. <c>global::Ns.Serialization.FooCborCodec</c>.</summary>
    public static string CodecOf(CodeModel model, TypeRef type) =>
        $"global::{model.Namespace}.Serialization.{type.CSharpType.Substring(("global::" + model.Namespace + ".").Length)}CborCodec";

    /// <summary>The <c>{Type}CborCodec</c> file of <paramref name="type"/>, its body written by <paramref name="body"/>.</summary>
    public static GeneratedFile CodecFile(CodeModel model, CodeType type, string summary, Action<SourceWriter, string> body) =>
        CodecFiles.Create(model, type, CodecName(type), summary, body);

    /// <summary>The codec of a structure or union that appears as a value (a member or an element): Write and Read.</summary>
    public static GeneratedFile EmitValueCodec(CodeModel model, CodeType type) =>
        CodecFile(model, type, "The CBOR codec of", (w, self) =>
        {
            WriteWriter(w, model, type, self);
            w.Line();
            if (type.Shape.Kind == ShapeKind.Union)
            {
                WriteUnionReader(w, model, type, self);
            }
            else
            {
                WriteStructureReader(w, model, type, self);
            }
        });

    /// <summary><c>Write(writer, value, options)</c>: the value's members as a CBOR map (a union: its one case).</summary>
    public static void WriteWriter(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line($"public static void Write({Writer} writer, {self} value, {Runtime}.Operations.SerializationOptions options)");
        w.OpenBrace();
        if (type.Shape.Kind == ShapeKind.Union)
        {
            WriteUnionMap(w, model, type, self);
        }
        else
        {
            WriteMap(w, model, type.Members, "value");
        }

        w.CloseBrace();
    }

    /// <summary>
    /// Statements writing <paramref name="members"/> of <paramref name="value"/> as a definite-length map: the entries
    /// are counted first (unset members are left out).
    /// </summary>
    private static void WriteMap(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, string value)
    {
        var always = 0;
        var optional = new List<string>();
        foreach (var member in members)
        {
            if (AlwaysWritten(member))
            {
                always++;
            }
            else
            {
                optional.Add($"({value}.{member.PropertyName} is null ? 0 : 1)");
            }
        }

        if (optional.Count == 0)
        {
            w.Line($"writer.WriteStartMap({always});");
        }
        else
        {
            var terms = always == 0 ? optional : new[] { always.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(optional);
            w.Line($"writer.WriteStartMap({string.Join(" + ", terms)});");
        }

        var index = 0;
        foreach (var member in members)
        {
            var local = "v" + index++;
            var name = CSharp.Literal(member.WireName);
            if (member.Member.IdempotencyToken && member.Type.Kind == ShapeKind.String)
            {
                w.Line($"writer.WriteTextString({name});");
                w.Line($"writer.WriteTextString({value}.{member.PropertyName} ?? options.IdempotencyTokenFactory());");
                continue;
            }

            if (member.Type.IsValueType && !member.Nullable)
            {
                w.Line($"writer.WriteTextString({name});");
                WriteValue(w, model, member.Type, $"{value}.{member.PropertyName}", 0);
                continue;
            }

            w.Line($"if ({value}.{member.PropertyName} is {{ }} {local})");
            w.OpenBrace();
            w.Line($"writer.WriteTextString({name});");
            WriteValue(w, model, member.Type, local, 0);
            w.CloseBrace();
        }

        w.Line("writer.WriteEndMap();");
    }

    private static bool AlwaysWritten(CodeMember member) =>
        (member.Member.IdempotencyToken && member.Type.Kind == ShapeKind.String) || (member.Type.IsValueType && !member.Nullable);

    private static void WriteUnionMap(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line("switch (value)");
        w.OpenBrace();
        var index = 0;
        foreach (var member in type.Members)
        {
            var local = "c" + index++;
            // A block per case: the cases share the switch's scope, and their locals must not clash.
            w.Line($"case {self}.{member.PropertyName} {local}:");
            w.OpenBrace();
            w.Line("writer.WriteStartMap(1);");
            w.Line($"writer.WriteTextString({CSharp.Literal(member.WireName)});");
            WriteValue(w, model, member.Type, local + ".Value", 0);
            w.Line("writer.WriteEndMap();");
            w.Line("break;");
            w.CloseBrace();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"throw new global::System.InvalidOperationException(\"The union {type.TypeName} holds the case '\" + value.MemberName + \"', which this model does not know and cannot send.\");");
        w.Outdent();
        w.CloseBrace();
    }

    /// <summary>Statements writing <paramref name="expression"/> (never null) as a CBOR data item.</summary>
    private static void WriteValue(SourceWriter w, CodeModel model, TypeRef type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                w.Line($"writer.WriteTextString({expression});");
                break;
            case ShapeKind.Enum:
                w.Line($"writer.WriteTextString({expression}.WireValue);");
                break;
            case ShapeKind.IntEnum:
                w.Line($"writer.WriteInt32({expression}.WireValue);");
                break;
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
                w.Line($"writer.WriteInt32({expression});");
                break;
            case ShapeKind.Long:
                w.Line($"writer.WriteInt64({expression});");
                break;
            case ShapeKind.BigInteger:
                w.Line($"{WireWriter}.WriteBigInteger(writer, {expression});");
                break;
            case ShapeKind.BigDecimal:
                w.Line($"{WireWriter}.WriteDecimal(writer, {expression});");
                break;
            case ShapeKind.Float:
                w.Line($"writer.WriteSingle({expression});");
                break;
            case ShapeKind.Double:
                w.Line($"writer.WriteDouble({expression});");
                break;
            case ShapeKind.Boolean:
                w.Line($"writer.WriteBoolean({expression});");
                break;
            case ShapeKind.Timestamp:
                w.Line($"{WireWriter}.WriteTimestamp(writer, {expression});");
                break;
            case ShapeKind.Blob:
                w.Line($"writer.WriteByteString({expression}.Span);");
                break;
            case ShapeKind.Document:
                w.Line($"{WireWriter}.WriteDocument(writer, {expression});");
                break;
            case ShapeKind.Structure when type.IsError:
                // An error shape as a member (an exception event of an event stream) is received, never sent.
                w.Line($"{WireWriter}.WriteErrorShape(writer, {expression});");
                break;
            case ShapeKind.Structure:
            case ShapeKind.Union:
                w.Line($"{CodecOf(model, type)}.Write(writer, {expression}, options);");
                break;
            case ShapeKind.List:
                // An index loop: foreach over the interface would allocate a boxed enumerator per list.
                var list = "list" + depth;
                var index = "i" + depth;
                var item = "item" + depth;
                w.Line($"var {list} = {expression};");
                w.Line($"writer.WriteStartArray({list}.Count);");
                w.Line($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
                w.OpenBrace();
                w.Line($"var {item} = {list}[{index}];");
                WriteElement(w, model, type, item, depth);
                w.CloseBrace();
                w.Line("writer.WriteEndArray();");
                break;
            case ShapeKind.Map:
                // Every map of a generated type is a ShapeMap: its struct enumerator allocates nothing.
                var pair = "pair" + depth;
                var dictionary = "dictionary" + depth;
                w.Line($"writer.WriteStartMap({expression}.Count);");
                w.Line($"if ({expression} is {Runtime}.Model.ShapeMap<{TypeExpressions.ElementType(type)}> {dictionary})");
                WritePairs(w, model, type, dictionary, pair, depth);
                w.Line("else");
                WritePairs(w, model, type, expression, pair, depth);
                w.Line("writer.WriteEndMap();");
                break;
        }
    }

    /// <summary>A block writing every entry of <paramref name="map"/> as a key and a value.</summary>
    private static void WritePairs(SourceWriter w, CodeModel model, TypeRef type, string map, string pair, int depth)
    {
        w.OpenBrace();
        w.Line($"foreach (var {pair} in {map})");
        w.OpenBrace();
        w.Line($"writer.WriteTextString({pair}.Key);");
        WriteElement(w, model, type, pair + ".Value", depth);
        w.CloseBrace();
        w.CloseBrace();
    }

    private static void WriteElement(SourceWriter w, CodeModel model, TypeRef collection, string expression, int depth)
    {
        var element = collection.Element!;
        if (!collection.ElementNullable && element.IsValueType)
        {
            WriteValue(w, model, element, expression, depth + 1);
            return;
        }

        var local = "e" + depth;
        w.Line($"if ({expression} is {{ }} {local})");
        w.OpenBrace();
        WriteValue(w, model, element, local, depth + 1);
        w.CloseBrace();
        w.Line("else");
        w.OpenBrace();
        w.Line("writer.WriteNull();");
        w.CloseBrace();
    }

    /// <summary><c>Read(reader)</c> of a structure: its members from a CBOR map, <see langword="null"/> for CBOR <c>null</c>.</summary>
    private static void WriteStructureReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line($"public static {self}? Read({Reader} reader)");
        w.OpenBrace();
        WriteMapRead(w, model, type.Members, "null");
        WriteRequiredChecks(w, type.Members);
        JsonCodecEmitter.WriteConstruction(w, self, type.Members, leading: null);
        w.CloseBrace();
    }

    /// <summary>
    /// Statements reading a CBOR map (the reader on it) into locals <c>v0..vn</c> of <paramref name="members"/>; CBOR
    /// <c>null</c> returns <paramref name="nullResult"/>.
    /// </summary>
    public static void WriteMapRead(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, string nullResult)
    {
        w.Line($"if (!{Wire}.StartMap(reader))");
        w.OpenBrace();
        w.Line($"return {nullResult};");
        w.CloseBrace();
        w.Line();
        JsonCodecEmitter.DeclareLocals(w, members);
        WriteMemberLoop(w, model, members);
    }

    /// <summary>The member loop reading a map (entered) into locals <c>v0..vn</c>; failures name the member they happened in.</summary>
    public static void WriteMemberLoop(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members) =>
        WriteMemberLoop(w, members, (i, member) => ReadValue(w, model, member.Type, "v" + i, 0), () => w.Line($"{Wire}.Skip(reader);"));

    /// <summary>
    /// The one loop over the entries of a CBOR map (entered): for each key naming one of <paramref name="members"/>,
    /// <paramref name="readMember"/> with the reader on the value; for any other, <paramref name="readUnknown"/> with
    /// the key in <c>name</c> (UTF-8) and the reader on the value.
    /// </summary>
    private static void WriteMemberLoop(SourceWriter w, IReadOnlyList<CodeMember> members, Action<int, CodeMember> readMember, Action readUnknown)
    {
        w.Line("string? member = null;");
        w.Line("try");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextEntry(reader))");
        w.OpenBrace();
        w.Line($"var name = {Wire}.ReadMemberName(reader);");
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            w.Line($"{(i == 0 ? "if" : "else if")} ({SequenceEqual}(name, {CSharp.Utf8Literal(member.WireName)}))");
            w.OpenBrace();
            w.Line($"member = {CSharp.Literal(member.WireName)};");
            readMember(i, member);
            w.CloseBrace();
        }

        if (members.Count == 0)
        {
            readUnknown();
        }
        else
        {
            w.Line("else");
            w.OpenBrace();
            readUnknown();
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
        w.Line();
    }

    /// <summary>Throws for each required member whose local <c>v{i}</c> is still null.</summary>
    public static void WriteRequiredChecks(SourceWriter w, IReadOnlyList<CodeMember> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Nullable)
            {
                continue;
            }

            w.Line($"if (v{i} is null)");
            w.OpenBrace();
            w.Line($"throw {Wire}.MissingRequired({CSharp.Literal(members[i].WireName)});");
            w.CloseBrace();
            w.Line();
        }
    }

    private static void WriteUnionReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line($"public static {self}? Read({Reader} reader)");
        w.OpenBrace();
        w.Line($"if (!{Wire}.StartMap(reader))");
        w.OpenBrace();
        w.Line("return null;");
        w.CloseBrace();
        w.Line();
        w.Line($"{self}? result = null;");
        w.Line("var cases = 0;");
        WriteMemberLoop(
            w,
            type.Members,
            (i, member) =>
            {
                var local = "v" + i;
                w.Line($"{member.Type.CSharpType}? {local} = null;");
                ReadValue(w, model, member.Type, local, 0);
                w.Line($"if ({local} is not null)");
                w.OpenBrace();
                w.Line($"result = new {self}.{member.PropertyName}({JsonCodecEmitter.Unwrap(member.Type, local)});");
                w.Line("cases++;");
                w.CloseBrace();
            },
            () =>
            {
                // Unions ignore a __type entry (the protocol allows one); any other unknown key is a case this model lacks.
                w.Line($"if (!{Wire}.IsNull(reader) && !{SequenceEqual}(name, \"__type\"u8))");
                w.OpenBrace();
                w.Line($"result = new {self}.Unknown({Wire}.NameText(name));");
                w.Line("cases++;");
                w.CloseBrace();
                w.Line();
                w.Line($"{Wire}.Skip(reader);");
            });
        w.Line("if (cases > 1)");
        w.OpenBrace();
        w.Line($"throw new {DeserializationException}(\"$\", \"a union must have exactly one member set, found \" + cases.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
        w.CloseBrace();
        w.Line();
        w.Line("return result;");
        w.CloseBrace();
    }

    /// <summary>
    /// <c>ReadValue(reader)</c> of an error shape that appears as a member value (an exception event of an event
    /// stream): its members from a map, no status.
    /// </summary>
    public static void WriteErrorValueReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line("/// <summary>Reads the error when it appears as a member value (an exception event of an event stream).</summary>");
        w.Line($"public static {self}? ReadValue({Reader} reader)");
        w.OpenBrace();
        WriteMapRead(w, model, type.Members, "null");
        var messageIndex = type.Members.Select((m, i) => (m, i)).Where(p => p.m.PropertyName == "Message").Select(p => (int?)p.i).FirstOrDefault();
        var valueMembers = type.Members.Select((m, i) => (m, i)).Where(p => p.m.PropertyName != "Message").ToList();
        w.Line($"return new {self}({(messageIndex is { } mi ? "v" + mi : "null")}, 0, null)" + (valueMembers.Count == 0 ? ";" : ""));
        if (valueMembers.Count > 0)
        {
            w.OpenBrace();
            foreach (var (member, i) in valueMembers)
            {
                w.Line($"{member.PropertyName} = v{i},");
            }

            w.CloseBrace(";");
        }

        w.CloseBrace();
        w.Line();
    }

    /// <summary>Statements reading the value under the reader into <paramref name="target"/> (a nullable local).</summary>
    private static void ReadValue(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
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
                w.Line($"{target} = {Wire}.ReadString(reader) is {{ }} text{depth} ? new {type.CSharpType}(text{depth}) : null;");
                break;
            case ShapeKind.IntEnum:
                w.Line($"{target} = {Wire}.ReadInt32(reader) is {{ }} number{depth} ? new {type.CSharpType}(number{depth}) : null;");
                break;
            case ShapeKind.Timestamp:
                w.Line($"{target} = {Wire}.ReadTimestamp(reader);");
                break;
            case ShapeKind.Blob:
                w.Line($"{target} = {Wire}.ReadBlob(reader);");
                break;
            case ShapeKind.Document:
                w.Line($"{target} = {Wire}.ReadDocument(reader);");
                break;
            case ShapeKind.Structure when type.IsError:
                w.Line($"{target} = {CodecOf(model, type)}.ReadValue(reader);");
                break;
            case ShapeKind.Structure:
            case ShapeKind.Union:
                w.Line($"{target} = {CodecOf(model, type)}.Read(reader);");
                break;
            case ShapeKind.List:
                ReadList(w, model, type, target, depth);
                break;
            case ShapeKind.Map:
                ReadMap(w, model, type, target, depth);
                break;
        }
    }

    private static void ReadList(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
    {
        var list = "list" + depth;
        var index = "index" + depth;
        var item = "item" + depth;
        var element = type.Element!;
        w.Line($"if ({Wire}.StartArray(reader))");
        w.OpenBrace();
        w.Line($"var {list} = new global::System.Collections.Generic.List<{TypeExpressions.ElementType(type)}>();");
        w.Line($"var {index} = 0;");
        w.Line("try");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextItem(reader))");
        w.OpenBrace();
        w.Line($"{element.CSharpType}? {item} = null;");
        ReadValue(w, model, element, item, depth + 1);
        if (type.ElementNullable)
        {
            w.Line($"{list}.Add({item});");
        }
        else
        {
            // Dense lists drop nulls, as the AWS SDKs do.
            w.Line($"if ({item} is not null)");
            w.OpenBrace();
            w.Line($"{list}.Add({JsonCodecEmitter.Unwrap(element, item)});");
            w.CloseBrace();
        }

        w.Line();
        w.Line($"{index}++;");
        w.CloseBrace();
        w.CloseBrace();
        w.Line($"catch ({DeserializationException} exception{depth})");
        w.OpenBrace();
        w.Line($"throw exception{depth}.WithParentIndex({index});");
        w.CloseBrace();
        w.Line();
        // The list is new and no one else holds it: the shape keeps it as its immutable list without a copy.
        w.Line($"{target} = {Runtime}.Model.ShapeCollections.OwnList({list});");
        w.CloseBrace();
        w.Line("else");
        w.OpenBrace();
        w.Line($"{target} = null;");
        w.CloseBrace();
    }

    private static void ReadMap(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
    {
        var map = "map" + depth;
        var key = "key" + depth;
        var value = "value" + depth;
        var element = type.Element!;
        w.Line($"if ({Wire}.StartMap(reader))");
        w.OpenBrace();
        w.Line($"var {map} = new global::System.Collections.Generic.Dictionary<string, {TypeExpressions.ElementType(type)}>(global::System.StringComparer.Ordinal);");
        w.Line($"string? {key} = null;");
        w.Line("try");
        w.OpenBrace();
        w.Line($"while ({Wire}.NextEntry(reader))");
        w.OpenBrace();
        w.Line($"{key} = {Wire}.ReadMapKey(reader);");
        w.Line($"{element.CSharpType}? {value} = null;");
        ReadValue(w, model, element, value, depth + 1);
        if (type.ElementNullable)
        {
            w.Line($"{map}[{key}] = {value};");
        }
        else
        {
            // Dense maps drop null values, as the protocol asks.
            w.Line($"if ({value} is not null)");
            w.OpenBrace();
            w.Line($"{map}[{key}] = {JsonCodecEmitter.Unwrap(element, value)};");
            w.CloseBrace();
        }

        w.Line();
        w.Line($"{key} = null;");
        w.CloseBrace();
        w.CloseBrace();
        // A key is the server's data: escaped in the path, or not shown at all for a sensitive map.
        w.Line($"catch ({DeserializationException} exception{depth}) when ({key} is not null)");
        w.OpenBrace();
        w.Line($"throw exception{depth}.{JsonCodecEmitter.ParentKey(type, key)};");
        w.CloseBrace();
        w.Line();
        // The dictionary is new and no one else holds it: the shape keeps it as its immutable map without a copy.
        w.Line($"{target} = {Runtime}.Model.ShapeCollections.OwnMap({map});");
        w.CloseBrace();
        w.Line("else");
        w.OpenBrace();
        w.Line($"{target} = null;");
        w.CloseBrace();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;

namespace Codegen.Generator.Protocols.Json;

/// <summary>
/// The JSON body code both JSON protocols share (awsJson 1.0/1.1 and restJson1): reflection-free code over
/// <c>Utf8JsonWriter</c> and <c>Utf8JsonReader</c>. Readers skip unknown members, treat <c>null</c> as absent, and
/// report failures as <c>AwsDeserializationException</c> with the member path (each level adds its part).
/// </summary>
/// <remarks>
/// Each structure or union gets a codec class <c>{Type}JsonCodec</c> with <c>Write</c> and <c>Read</c>
/// (<see cref="EmitValueCodec"/>); the protocols write the codecs of operation inputs, outputs and errors with the
/// building blocks here (<see cref="WriteObject"/>, <see cref="DeclareLocals"/>, <see cref="WriteMemberLoop"/>).
/// </remarks>
internal static class JsonCodecEmitter
{
    public const string Runtime = TypeExpressions.Runtime;
    public const string Wire = Runtime + ".Protocols.Json.JsonWireReader";
    public const string WireWriter = Runtime + ".Protocols.Json.JsonWireWriter";
    public const string DeserializationException = Runtime + ".Serialization.AwsDeserializationException";
    public const string Options = RequiredMembers.OptionsType;

    /// <summary>The parameter list of a value reader: the reader on the value's first token, and the options.</summary>
    public const string ReadParameters = "ref global::System.Text.Json.Utf8JsonReader reader, " + Options + " options";
    private const string Token = "global::System.Text.Json.JsonTokenType";

    public static string CodecName(CodeType type) => type.TypeName + "JsonCodec";

    /// <summary>The codec class of a structure or union member type, e.g. <c>global::Ns.Serialization.FooJsonCodec</c>.</summary>
    public static string CodecOf(CodeModel model, TypeRef type) =>
        $"global::{model.Namespace}.Serialization.{type.CSharpType.Substring(("global::" + model.Namespace + ".").Length)}JsonCodec";

    /// <summary>The <c>{Type}JsonCodec</c> file of <paramref name="type"/>, its body written by <paramref name="body"/>.</summary>
    public static GeneratedFile CodecFile(CodeModel model, CodeType type, string summary, Action<SourceWriter, string> body) =>
        CodecFiles.Create(model, type, CodecName(type), summary, body);

    /// <summary>The codec of a structure or union that appears as a value (a member, element or payload): Write and Read.</summary>
    public static GeneratedFile EmitValueCodec(CodeModel model, CodeType type) =>
        CodecFile(model, type, "The JSON codec of", (w, self) =>
        {
            WriteWriter(w, model, type, self, type.Members);
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

    /// <summary><c>Write(writer, value, options)</c>: <paramref name="members"/> of the value as a JSON object (a union: its case).</summary>
    public static void WriteWriter(SourceWriter w, CodeModel model, CodeType type, string self, IReadOnlyList<CodeMember> members)
    {
        w.Line($"public static void Write(global::System.Text.Json.Utf8JsonWriter writer, {self} value, {Runtime}.Operations.SerializationOptions options)");
        w.OpenBrace();
        if (type.Shape.Kind == ShapeKind.Union)
        {
            WriteUnionObject(w, model, type, self);
        }
        else
        {
            WriteObject(w, model, members, "value");
        }

        w.CloseBrace();
    }

    /// <summary>Statements writing <paramref name="members"/> of <paramref name="value"/> as a JSON object, unset members left out.</summary>
    public static void WriteObject(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, string value)
    {
        w.Line("writer.WriteStartObject();");
        var index = 0;
        foreach (var member in members)
        {
            var local = "v" + index++;
            var name = CSharp.Utf8Literal(member.WireName);
            if (member.Member.IdempotencyToken && member.Type.Kind == ShapeKind.String)
            {
                w.Line($"writer.WriteString({name}, {value}.{member.PropertyName} ?? options.IdempotencyTokenFactory());");
                continue;
            }

            if (member.Type.IsValueType && !member.Nullable)
            {
                w.Line($"writer.WritePropertyName({name});");
                WriteValue(w, model, member.Type, $"{value}.{member.PropertyName}", 0);
                continue;
            }

            w.Line($"if ({value}.{member.PropertyName} is {{ }} {local})");
            w.OpenBrace();
            w.Line($"writer.WritePropertyName({name});");
            WriteValue(w, model, member.Type, local, 0);
            w.CloseBrace();
        }

        w.Line("writer.WriteEndObject();");
    }

    private static void WriteUnionObject(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line("writer.WriteStartObject();");
        w.Line("switch (value)");
        w.OpenBrace();
        var index = 0;
        foreach (var member in type.Members)
        {
            var local = "c" + index++;
            // A block per case: the cases share the switch's scope, and their locals must not clash.
            w.Line($"case {self}.{member.PropertyName} {local}:");
            w.OpenBrace();
            w.Line($"writer.WritePropertyName({CSharp.Utf8Literal(member.WireName)});");
            WriteValue(w, model, member.Type, local + ".Value", 0);
            w.Line("break;");
            w.CloseBrace();
        }

        w.Line("default:");
        w.Indent();
        w.Line($"throw new global::System.InvalidOperationException(\"The union {type.TypeName} holds the case '\" + value.MemberName + \"', which this model does not know and cannot send.\");");
        w.Outdent();
        w.CloseBrace();
        w.Line("writer.WriteEndObject();");
    }

    /// <summary>Statements writing <paramref name="expression"/> (never null) as a JSON value.</summary>
    public static void WriteValue(SourceWriter w, CodeModel model, TypeRef type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                w.Line($"writer.WriteStringValue({expression});");
                break;
            case ShapeKind.Enum:
                w.Line($"writer.WriteStringValue({expression}.WireValue);");
                break;
            case ShapeKind.IntEnum:
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
            case ShapeKind.BigDecimal:
                w.Line(type.Kind == ShapeKind.IntEnum ? $"writer.WriteNumberValue({expression}.WireValue);" : $"writer.WriteNumberValue({expression});");
                break;
            case ShapeKind.BigInteger:
                w.Line($"writer.WriteRawValue({expression}.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
                break;
            case ShapeKind.Float:
                w.Line($"{WireWriter}.WriteSingle(writer, {expression});");
                break;
            case ShapeKind.Double:
                w.Line($"{WireWriter}.WriteDouble(writer, {expression});");
                break;
            case ShapeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({expression});");
                break;
            case ShapeKind.Timestamp:
                w.Line($"{WireWriter}.WriteTimestamp(writer, {expression}, {TimestampFormat(type.TimestampFormat)});");
                break;
            case ShapeKind.Blob:
                w.Line($"{WireWriter}.WriteBlob(writer, {expression});");
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
                w.Line("writer.WriteStartArray();");
                w.Line($"var {list} = {expression};");
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
                w.Line("writer.WriteStartObject();");
                w.Line($"if ({expression} is {Runtime}.Model.ShapeMap<{TypeExpressions.ElementType(type)}> {dictionary})");
                WritePairs(w, model, type, dictionary, pair, depth);
                w.Line("else");
                WritePairs(w, model, type, expression, pair, depth);
                w.Line("writer.WriteEndObject();");
                break;
        }
    }

    /// <summary>A block writing every entry of <paramref name="map"/> as a property.</summary>
    private static void WritePairs(SourceWriter w, CodeModel model, TypeRef type, string map, string pair, int depth)
    {
        w.OpenBrace();
        w.Line($"foreach (var {pair} in {map})");
        w.OpenBrace();
        w.Line($"writer.WritePropertyName({pair}.Key);");
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
        w.Line("writer.WriteNullValue();");
        w.CloseBrace();
    }

    /// <summary><c>Read(ref reader, options)</c> of a structure: its members from a JSON object, <see langword="null"/> for JSON <c>null</c>.</summary>
    private static void WriteStructureReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line($"public static {self}? Read({ReadParameters})");
        w.OpenBrace();
        WriteObjectRead(w, model, type.Members, "null");
        WriteRequiredChecks(w, model, type.Members);
        WriteConstruction(w, self, type.Members, leading: null);
        w.CloseBrace();
    }

    /// <summary>
    /// Statements reading a JSON object (the reader on its first token) into locals <c>v0..vn</c> of
    /// <paramref name="members"/>; JSON <c>null</c> returns <paramref name="nullResult"/>.
    /// </summary>
    public static void WriteObjectRead(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, string nullResult)
    {
        w.Line($"if (!{Wire}.StartObject(ref reader))");
        w.OpenBrace();
        w.Line($"return {nullResult};");
        w.CloseBrace();
        w.Line();
        DeclareLocals(w, members);
        w.Line("string? member = null;");
        WriteMemberLoop(w, model, members, Locals(members.Count));
    }

    /// <summary>The local names <c>v0..v{count-1}</c>, one per member.</summary>
    public static IReadOnlyList<string> Locals(int count) => Enumerable.Range(0, count).Select(i => "v" + i).ToList();

    /// <summary>Declares a nullable local <c>v{i}</c> per member.</summary>
    public static void DeclareLocals(SourceWriter w, IReadOnlyList<CodeMember> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            w.Line($"{members[i].Type.CSharpType}? v{i} = null;");
        }
    }

    /// <summary>
    /// The member loop reading an object into <paramref name="locals"/> (one per member, declared nullable); a
    /// <c>string? member</c> local must be in scope (failures name the member they happened in).
    /// </summary>
    public static void WriteMemberLoop(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, IReadOnlyList<string> locals) =>
        WriteMemberLoop(
            w,
            members,
            (i, member) => ReadValue(w, model, member.Type, locals[i], 0),
            () =>
            {
                w.Line($"{Wire}.Next(ref reader);");
                w.Line("reader.Skip();");
            });

    /// <summary>
    /// The one loop over the members of a JSON object (the reader on its start): for each property named like one
    /// of <paramref name="members"/>, <paramref name="readMember"/> with the reader on the value; for any other,
    /// <paramref name="readUnknown"/> with the reader on the name. Failures name the member they happened in.
    /// </summary>
    private static void WriteMemberLoop(SourceWriter w, IReadOnlyList<CodeMember> members, Action<int, CodeMember> readMember, Action readUnknown)
    {
        w.Line("try");
        w.OpenBrace();
        w.Line("while (true)");
        w.OpenBrace();
        w.Line($"{Wire}.Next(ref reader);");
        w.Line($"if (reader.TokenType == {Token}.EndObject)");
        w.OpenBrace();
        w.Line("break;");
        w.CloseBrace();
        w.Line();
        // A name that is not text is an error (ValueTextEquals would throw on its escapes), known member or not.
        w.Line($"{Wire}.CheckMemberName(ref reader);");
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            w.Line($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharp.Utf8Literal(member.WireName)}))");
            w.OpenBrace();
            w.Line($"member = {CSharp.Literal(member.WireName)};");
            w.Line($"{Wire}.Next(ref reader);");
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
        w.Line("catch (global::System.Text.Json.JsonException exception)");
        w.OpenBrace();
        w.Line($"throw {Wire}.Malformed(member is null ? \"$\" : \"$.\" + member, exception);");
        w.CloseBrace();
        w.Line();
    }

    /// <summary>
    /// For each required member whose local <c>v{i}</c> is still null, what the options say: its default or zero value,
    /// or (strict) an exception naming it (<see cref="RequiredMembers"/>, the same for every protocol).
    /// </summary>
    public static void WriteRequiredChecks(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members) =>
        RequiredMembers.WriteMissingChecks(w, model, members, Locals(members.Count), static m => m.WireName);

    /// <summary>
    /// <c>return new T(leading, required...) { Optional = v{i}, ... };</c> from the locals of <paramref name="members"/>.
    /// </summary>
    public static void WriteConstruction(SourceWriter w, string self, IReadOnlyList<CodeMember> members, string? leading)
    {
        var arguments = members.Select((m, i) => (m, i)).Where(p => !p.m.Nullable).Select(p => Unwrap(p.m.Type, "v" + p.i)).ToList();
        if (leading is not null)
        {
            arguments.Insert(0, leading);
        }

        var optional = members.Select((m, i) => (m, i)).Where(p => p.m.Nullable).ToList();
        if (optional.Count == 0)
        {
            w.Line($"return new {self}({string.Join(", ", arguments)});");
            return;
        }

        w.Line($"return new {self}({string.Join(", ", arguments)})");
        w.OpenBrace();
        foreach (var (member, i) in optional)
        {
            w.Line($"{member.PropertyName} = v{i},");
        }

        w.CloseBrace(";");
    }

    private static void WriteUnionReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line($"public static {self}? Read({ReadParameters})");
        w.OpenBrace();
        w.Line($"if (!{Wire}.StartObject(ref reader))");
        w.OpenBrace();
        w.Line("return null;");
        w.CloseBrace();
        w.Line();
        w.Line($"{self}? result = null;");
        w.Line("var cases = 0;");
        w.Line("string? member = null;");
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
                w.Line($"result = new {self}.{member.PropertyName}({Unwrap(member.Type, local)});");
                w.Line("cases++;");
                w.CloseBrace();
            },
            () =>
            {
                w.Line($"var unknown = {Wire}.ReadPropertyName(ref reader);");
                w.Line($"{Wire}.Next(ref reader);");
                w.Line($"if (reader.TokenType != {Token}.Null && !(unknown == \"__type\"))");
                w.OpenBrace();
                w.Line($"result = new {self}.Unknown(unknown);");
                w.Line("cases++;");
                w.CloseBrace();
                w.Line();
                w.Line("reader.Skip();");
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
    /// <c>ReadValue(ref reader, options)</c> of an error shape that appears as a member value (an exception event of an event
    /// stream): its members from a JSON object, no status.
    /// </summary>
    public static void WriteErrorValueReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line("/// <summary>Reads the error when it appears as a member value (an exception event of an event stream).</summary>");
        w.Line($"public static {self}? ReadValue({ReadParameters})");
        w.OpenBrace();
        WriteObjectRead(w, model, type.Members, "null");
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

    /// <summary>
    /// <c>return new E(message, status, requestId) { ErrorCode = error.Code, Member = value, ... };</c>: the code reported
    /// is the one the response names (<c>error</c>, the protocol's <c>AwsErrorInfo</c>).
    /// </summary>
    public static void WriteErrorConstruction(SourceWriter w, string self, IEnumerable<(string Property, string Value)> members)
    {
        w.Line($"return new {self}(error.Message, response.StatusCode, response.RequestId)");
        w.OpenBrace();
        w.Line("ErrorCode = error.Code,");
        foreach (var (property, value) in members)
        {
            w.Line($"{property} = {value},");
        }

        w.CloseBrace(";");
    }

    /// <summary>The catch clauses that keep the typed error when its members cannot be read.</summary>
    public static void WriteSwallowReadFailures(SourceWriter w)
    {
        w.Line($"catch ({DeserializationException})");
        w.OpenBrace();
        w.Line("// A member that cannot be read is left unset; the error itself is not lost.");
        w.CloseBrace();
        w.Line("catch (global::System.Text.Json.JsonException)");
        w.OpenBrace();
        w.Line("// As above, for a malformed body.");
        w.CloseBrace();
        w.Line();
    }

    /// <summary>
    /// Statements reading the value under the reader into <paramref name="target"/> (a nullable local); <c>reader</c>
    /// and <c>options</c> (the <c>DeserializationOptions</c>) must be in scope.
    /// </summary>
    public static void ReadValue(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
            case ShapeKind.BigDecimal:
            case ShapeKind.Float:
            case ShapeKind.Double:
            case ShapeKind.Boolean:
                w.Line($"{target} = {Wire}.{WireReadMethods.Scalar(type.Kind)}(ref reader);");
                break;
            case ShapeKind.Enum:
                w.Line($"{target} = {Wire}.ReadString(ref reader) is {{ }} text{depth} ? new {type.CSharpType}(text{depth}) : null;");
                break;
            case ShapeKind.IntEnum:
                w.Line($"{target} = {Wire}.ReadInt32(ref reader) is {{ }} number{depth} ? new {type.CSharpType}(number{depth}) : null;");
                break;
            case ShapeKind.BigInteger:
                w.Line($"{target} = {Wire}.ReadDecimal(ref reader) is {{ }} big{depth} ? new global::System.Numerics.BigInteger(big{depth}) : null;");
                break;
            case ShapeKind.Timestamp:
                w.Line($"{target} = {Wire}.ReadTimestamp(ref reader, {TimestampFormat(type.TimestampFormat)});");
                break;
            case ShapeKind.Blob:
                w.Line($"{target} = {Wire}.ReadBlob(ref reader);");
                break;
            case ShapeKind.Document:
                w.Line($"{target} = {Wire}.ReadDocument(ref reader);");
                break;
            case ShapeKind.Structure when type.IsError:
                w.Line($"{target} = {CodecOf(model, type)}.ReadValue(ref reader, options);");
                break;
            case ShapeKind.Structure:
            case ShapeKind.Union:
                w.Line($"{target} = {CodecOf(model, type)}.Read(ref reader, options);");
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
        w.Line($"if ({Wire}.StartArray(ref reader))");
        w.OpenBrace();
        w.Line($"var {list} = new global::System.Collections.Generic.List<{TypeExpressions.ElementType(type)}>();");
        w.Line($"var {index} = 0;");
        w.Line("try");
        w.OpenBrace();
        w.Line("while (true)");
        w.OpenBrace();
        w.Line($"{Wire}.Next(ref reader);");
        w.Line($"if (reader.TokenType == {Token}.EndArray)");
        w.OpenBrace();
        w.Line("break;");
        w.CloseBrace();
        w.Line();
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
            w.Line($"{list}.Add({Unwrap(element, item)});");
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
        w.Line($"catch (global::System.Text.Json.JsonException exception{depth})");
        w.OpenBrace();
        w.Line($"throw {Wire}.Malformed(\"$[\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", exception{depth});");
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
        w.Line($"if ({Wire}.StartObject(ref reader))");
        w.OpenBrace();
        w.Line($"var {map} = new global::System.Collections.Generic.Dictionary<string, {TypeExpressions.ElementType(type)}>(global::System.StringComparer.Ordinal);");
        w.Line($"string? {key} = null;");
        w.Line("try");
        w.OpenBrace();
        w.Line("while (true)");
        w.OpenBrace();
        w.Line($"{Wire}.Next(ref reader);");
        w.Line($"if (reader.TokenType == {Token}.EndObject)");
        w.OpenBrace();
        w.Line("break;");
        w.CloseBrace();
        w.Line();
        w.Line($"{key} = {Wire}.ReadMapKey(ref reader);");
        w.Line($"{Wire}.Next(ref reader);");
        w.Line($"{element.CSharpType}? {value} = null;");
        ReadValue(w, model, element, value, depth + 1);
        if (type.ElementNullable)
        {
            w.Line($"{map}[{key}] = {value};");
        }
        else
        {
            w.Line($"if ({value} is not null)");
            w.OpenBrace();
            w.Line($"{map}[{key}] = {Unwrap(element, value)};");
            w.CloseBrace();
        }

        w.Line();
        w.Line($"{key} = null;");
        w.CloseBrace();
        w.CloseBrace();
        // A key is the server's data: escaped in the path, or not shown at all for a sensitive map.
        w.Line($"catch ({DeserializationException} exception{depth}) when ({key} is not null)");
        w.OpenBrace();
        w.Line($"throw exception{depth}.{ParentKey(type, key)};");
        w.CloseBrace();
        w.Line($"catch (global::System.Text.Json.JsonException exception{depth})");
        w.OpenBrace();
        w.Line($"throw {Wire}.Malformed({KeyPath(type, key)}, exception{depth});");
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

    /// <summary>
    /// <c>WithParentKey(key)</c> for a map entry that failed (the key escaped), <c>WithRedactedParentKey()</c> for a
    /// sensitive map (sensitive itself, or of sensitive keys or values), whose keys never reach a message.
    /// </summary>
    public static string ParentKey(TypeRef map, string key) => map.Sensitive ? "WithRedactedParentKey()" : $"WithParentKey({key})";

    /// <summary>The path expression of the entry <paramref name="key"/> (a nullable local) of <paramref name="map"/>; see <see cref="ParentKey"/>.</summary>
    public static string KeyPath(TypeRef map, string key) => map.Sensitive
        ? $"{key} is null ? \"$\" : \"$.\" + {DeserializationException}.RedactedKey"
        : $"{key} is null ? \"$\" : {DeserializationException}.KeyPath({key})";

    /// <summary>The value of a non-null local: <c>.Value</c> for value types.</summary>
    public static string Unwrap(TypeRef type, string local) => type.IsValueType ? local + ".Value" : local;

    /// <summary>The runtime's <c>TimestampFormat</c> member for <paramref name="format"/>; the default is epoch seconds (the JSON protocols' body default).</summary>
    public static string TimestampFormat(Model.TimestampFormat format) => format switch
    {
        Model.TimestampFormat.Iso8601 => Runtime + ".Serialization.TimestampFormat.Iso8601",
        Model.TimestampFormat.HttpDate => Runtime + ".Serialization.TimestampFormat.HttpDate",
        _ => Runtime + ".Serialization.TimestampFormat.EpochSeconds",
    };
}

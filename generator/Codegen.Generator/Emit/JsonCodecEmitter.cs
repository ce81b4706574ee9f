using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes the awsJson (1.0 / 1.1) codec of one structure, union or error: reflection-free code over
/// <c>Utf8JsonWriter</c> and <c>Utf8JsonReader</c>. Readers skip unknown members, treat <c>null</c> as absent,
/// and report failures as <c>AwsDeserializationException</c> with the member path (each level adds its part).
/// </summary>
internal static class JsonCodecEmitter
{
    private const string Runtime = TypeExpressions.Runtime;
    private const string Wire = Runtime + ".Json.JsonWireReader";
    private const string WireWriter = Runtime + ".Json.JsonWireWriter";
    private const string Token = "global::System.Text.Json.JsonTokenType";
    private const string DeserializationException = Runtime + ".Json.AwsDeserializationException";

    public static string CodecName(CodeType type) => type.TypeName + "JsonCodec";

    public static string Emit(CodeModel model, CodeType type)
    {
        var ns = model.Namespace + ".Serialization";
        var w = SourceWriter.StartFile(ns);
        w.Line($"/// <summary>The awsJson codec of <see cref=\"global::{model.Namespace}.{type.TypeName}\"/>.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"internal static class {CodecName(type)}");
        w.OpenBrace();
        var self = $"global::{model.Namespace}.{type.TypeName}";
        switch (type.Role)
        {
            case TypeRole.Error:
                WriteErrorReader(w, model, self, type);
                break;
            default:
                if (type.Shape.Kind == ShapeKind.Union)
                {
                    WriteUnionWriter(w, model, self, type);
                    w.Line();
                    WriteUnionReader(w, model, self, type);
                }
                else
                {
                    WriteStructureWriter(w, model, self, type);
                    w.Line();
                    WriteStructureReader(w, model, self, type);
                }

                break;
        }

        w.CloseBrace();
        return w.EndFile();
    }

    private static void WriteStructureWriter(SourceWriter w, CodeModel model, string self, CodeType type)
    {
        w.Line($"public static void Write(global::System.Text.Json.Utf8JsonWriter writer, {self} value, {Runtime}.Operations.SerializationOptions options)");
        w.OpenBrace();
        w.Line("writer.WriteStartObject();");
        var index = 0;
        foreach (var member in type.Members)
        {
            var local = "v" + index++;
            var name = CSharp.Utf8Literal(member.WireName);
            if (member.Member.IdempotencyToken && member.Type.Kind == ShapeKind.String)
            {
                w.Line($"writer.WriteString({name}, value.{member.PropertyName} ?? options.IdempotencyTokenFactory());");
                continue;
            }

            if (member.Type.IsValueType && !member.Nullable)
            {
                w.Line($"writer.WritePropertyName({name});");
                WriteValue(w, model, member.Type, $"value.{member.PropertyName}", 0);
                continue;
            }

            w.Line($"if (value.{member.PropertyName} is {{ }} {local})");
            w.OpenBrace();
            w.Line($"writer.WritePropertyName({name});");
            WriteValue(w, model, member.Type, local, 0);
            w.CloseBrace();
        }

        w.Line("writer.WriteEndObject();");
        w.CloseBrace();
    }

    private static void WriteUnionWriter(SourceWriter w, CodeModel model, string self, CodeType type)
    {
        w.Line($"public static void Write(global::System.Text.Json.Utf8JsonWriter writer, {self} value, {Runtime}.Operations.SerializationOptions options)");
        w.OpenBrace();
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
        w.CloseBrace();
    }

    /// <summary>Statements writing <paramref name="expression"/> (never null) as a JSON value.</summary>
    private static void WriteValue(SourceWriter w, CodeModel model, TypeRef type, string expression, int depth)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                w.Line($"writer.WriteStringValue({expression});");
                break;
            case ShapeKind.Enum:
                w.Line($"writer.WriteStringValue({expression}.Value);");
                break;
            case ShapeKind.IntEnum:
            case ShapeKind.Byte:
            case ShapeKind.Short:
            case ShapeKind.Integer:
            case ShapeKind.Long:
            case ShapeKind.BigDecimal:
                w.Line(type.Kind == ShapeKind.IntEnum ? $"writer.WriteNumberValue({expression}.Value);" : $"writer.WriteNumberValue({expression});");
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
                w.Line($"global::{model.Namespace}.Serialization.{CodecFor(model, type)}.Write(writer, {expression}, options);");
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
                // The readers (and most callers) build Dictionary: its struct enumerator allocates nothing.
                var pair = "pair" + depth;
                var dictionary = "dictionary" + depth;
                w.Line("writer.WriteStartObject();");
                w.Line($"if ({expression} is global::System.Collections.Generic.Dictionary<string, {TypeExpressions.ElementType(type)}> {dictionary})");
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

    private static void WriteStructureReader(SourceWriter w, CodeModel model, string self, CodeType type)
    {
        var isResponse = type.Role == TypeRole.Response;
        w.Line(isResponse
            ? $"public static {self}? Read(ref global::System.Text.Json.Utf8JsonReader reader, int httpStatus)"
            : $"public static {self}? Read(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.OpenBrace();
        w.Line($"if (!{Wire}.StartObject(ref reader))");
        w.OpenBrace();
        w.Line("return null;");
        w.CloseBrace();
        w.Line();
        DeclareLocals(w, type);
        WriteMemberLoop(w, model, type);
        foreach (var (member, i) in type.Members.Select((m, i) => (m, i)).Where(p => !p.m.Nullable))
        {
            w.Line($"if (v{i} is null)");
            w.OpenBrace();
            w.Line($"throw {Wire}.MissingRequired({CSharp.Literal(member.WireName)});");
            w.CloseBrace();
            w.Line();
        }

        var arguments = type.Members.Select((m, i) => (m, i)).Where(p => !p.m.Nullable).Select(p => Unwrap(p.m.Type, "v" + p.i)).ToList();
        if (isResponse)
        {
            arguments.Insert(0, "httpStatus");
        }

        var optional = type.Members.Select((m, i) => (m, i)).Where(p => p.m.Nullable).ToList();
        if (optional.Count == 0)
        {
            w.Line($"return new {self}({string.Join(", ", arguments)});");
        }
        else
        {
            w.Line($"return new {self}({string.Join(", ", arguments)})");
            w.OpenBrace();
            foreach (var (member, i) in optional)
            {
                w.Line($"{member.PropertyName} = v{i},");
            }

            w.CloseBrace(";");
        }

        w.CloseBrace();
        if (isResponse)
        {
            w.Line();
            w.Line($"public static {self} ReadResponse({Runtime}.Http.AwsHttpResponse response) =>");
            w.Indent();
            w.Line($"{Wire}.ReadResponseBody<int, {self}>(response.Body.Span, response.StatusCode, static (ref global::System.Text.Json.Utf8JsonReader reader, int httpStatus) => Read(ref reader, httpStatus));");
            w.Outdent();
        }
    }

    private static void WriteErrorReader(SourceWriter w, CodeModel model, string self, CodeType type)
    {
        // The error as a value inside a body (an event stream's exception event): members as usual, no status.
        if (type.IsMemberValue)
        {
            WriteErrorValueReader(w, model, self, type);
        }

        // The error code is the one the response names (for a query-compatible service the x-amzn-query-error code,
        // which the model may not list), not necessarily the one the exception type is constructed with.
        w.Line("/// <summary>Reads the error's members; a body that cannot be read still gives the exception, without them.</summary>");
        w.Line($"public static {self} Read({Runtime}.Http.AwsHttpResponse response, {Runtime}.Json.AwsJsonError error)");
        WriteErrorReaderBody(w, model, self, type);
    }

    private static void WriteErrorValueReader(SourceWriter w, CodeModel model, string self, CodeType type)
    {
        w.Line("/// <summary>Reads the error when it appears as a member value (an exception event of an event stream).</summary>");
        w.Line($"public static {self}? ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.OpenBrace();
        w.Line($"if (!{Wire}.StartObject(ref reader))");
        w.OpenBrace();
        w.Line("return null;");
        w.CloseBrace();
        w.Line();
        DeclareLocals(w, type);
        WriteMemberLoop(w, model, type);
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

    private static void WriteErrorReaderBody(SourceWriter w, CodeModel model, string self, CodeType type)
    {
        w.OpenBrace();
        var members = type.Members.Where(m => m.PropertyName != "Message").ToList();
        if (members.Count > 0)
        {
            w.Line("try");
            w.OpenBrace();
            w.Line($"var reader = new global::System.Text.Json.Utf8JsonReader(response.Body.Span, {Wire}.ReaderOptions);");
            w.Line($"if (reader.Read() && {Wire}.StartObject(ref reader))");
            w.OpenBrace();
            DeclareLocals(w, type with { Members = members.ToEquatableArray() });
            WriteMemberLoop(w, model, type with { Members = members.ToEquatableArray() });
            w.Line($"return new {self}(error.Message, response.StatusCode, response.RequestId)");
            w.OpenBrace();
            w.Line("ErrorCode = error.Code,");
            for (var i = 0; i < members.Count; i++)
            {
                w.Line($"{members[i].PropertyName} = v{i},");
            }

            w.CloseBrace(";");
            w.CloseBrace();
            w.CloseBrace();
            w.Line($"catch ({DeserializationException})");
            w.OpenBrace();
            w.Line("// The members are lost; the error itself is not.");
            w.CloseBrace();
            w.Line("catch (global::System.Text.Json.JsonException)");
            w.OpenBrace();
            w.Line("// As above: a malformed error body still gives the typed error.");
            w.CloseBrace();
            w.Line();
        }

        w.Line($"return new {self}(error.Message, response.StatusCode, response.RequestId) {{ ErrorCode = error.Code }};");
        w.CloseBrace();
    }

    private static void DeclareLocals(SourceWriter w, CodeType type)
    {
        var index = 0;
        foreach (var member in type.Members)
        {
            w.Line($"{member.Type.CSharpType}? v{index++} = null;");
        }

        w.Line("string? member = null;");
    }

    private static void WriteMemberLoop(SourceWriter w, CodeModel model, CodeType type)
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
        var index = 0;
        foreach (var member in type.Members)
        {
            w.Line($"{(index == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharp.Utf8Literal(member.WireName)}))");
            w.OpenBrace();
            w.Line($"member = {CSharp.Literal(member.WireName)};");
            w.Line($"{Wire}.Next(ref reader);");
            ReadValue(w, model, member.Type, "v" + index, 0);
            w.CloseBrace();
            index++;
        }

        if (index == 0)
        {
            w.Line($"{Wire}.Next(ref reader);");
            w.Line("reader.Skip();");
        }
        else
        {
            w.Line("else");
            w.OpenBrace();
            w.Line($"{Wire}.Next(ref reader);");
            w.Line("reader.Skip();");
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

    private static void WriteUnionReader(SourceWriter w, CodeModel model, string self, CodeType type)
    {
        w.Line($"public static {self}? Read(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.OpenBrace();
        w.Line($"if (!{Wire}.StartObject(ref reader))");
        w.OpenBrace();
        w.Line("return null;");
        w.CloseBrace();
        w.Line();
        w.Line($"{self}? result = null;");
        w.Line("var cases = 0;");
        w.Line("string? member = null;");
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
        var index = 0;
        foreach (var member in type.Members)
        {
            var local = "v" + index;
            w.Line($"{(index == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharp.Utf8Literal(member.WireName)}))");
            w.OpenBrace();
            w.Line($"member = {CSharp.Literal(member.WireName)};");
            w.Line($"{Wire}.Next(ref reader);");
            w.Line($"{member.Type.CSharpType}? {local} = null;");
            ReadValue(w, model, member.Type, local, 0);
            w.Line($"if ({local} is not null)");
            w.OpenBrace();
            w.Line($"result = new {self}.{member.PropertyName}({Unwrap(member.Type, local)});");
            w.Line("cases++;");
            w.CloseBrace();
            w.CloseBrace();
            index++;
        }

        w.Line(index == 0 ? "" : "else");
        w.OpenBrace();
        w.Line("var unknown = reader.GetString()!;");
        w.Line($"{Wire}.Next(ref reader);");
        w.Line($"if (reader.TokenType != {Token}.Null && !(unknown == \"__type\"))");
        w.OpenBrace();
        w.Line($"result = new {self}.Unknown(unknown);");
        w.Line("cases++;");
        w.CloseBrace();
        w.Line();
        w.Line("reader.Skip();");
        w.CloseBrace();
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
        w.Line("if (cases > 1)");
        w.OpenBrace();
        w.Line($"throw new {DeserializationException}(\"$\", \"a union must have exactly one member set, found \" + cases.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
        w.CloseBrace();
        w.Line();
        w.Line("return result;");
        w.CloseBrace();
    }

    /// <summary>Statements reading the value under the reader into <paramref name="target"/> (a nullable local).</summary>
    private static void ReadValue(SourceWriter w, CodeModel model, TypeRef type, string target, int depth)
    {
        switch (type.Kind)
        {
            case ShapeKind.String:
                w.Line($"{target} = {Wire}.ReadString(ref reader);");
                break;
            case ShapeKind.Enum:
                w.Line($"{target} = {Wire}.ReadString(ref reader) is {{ }} text{depth} ? new {type.CSharpType}(text{depth}) : null;");
                break;
            case ShapeKind.IntEnum:
                w.Line($"{target} = {Wire}.ReadInt32(ref reader) is {{ }} number{depth} ? new {type.CSharpType}(number{depth}) : null;");
                break;
            case ShapeKind.Byte:
                w.Line($"{target} = {Wire}.ReadSByte(ref reader);");
                break;
            case ShapeKind.Short:
                w.Line($"{target} = {Wire}.ReadInt16(ref reader);");
                break;
            case ShapeKind.Integer:
                w.Line($"{target} = {Wire}.ReadInt32(ref reader);");
                break;
            case ShapeKind.Long:
                w.Line($"{target} = {Wire}.ReadInt64(ref reader);");
                break;
            case ShapeKind.BigInteger:
                w.Line($"{target} = {Wire}.ReadDecimal(ref reader) is {{ }} big{depth} ? new global::System.Numerics.BigInteger(big{depth}) : null;");
                break;
            case ShapeKind.BigDecimal:
                w.Line($"{target} = {Wire}.ReadDecimal(ref reader);");
                break;
            case ShapeKind.Float:
                w.Line($"{target} = {Wire}.ReadSingle(ref reader);");
                break;
            case ShapeKind.Double:
                w.Line($"{target} = {Wire}.ReadDouble(ref reader);");
                break;
            case ShapeKind.Boolean:
                w.Line($"{target} = {Wire}.ReadBoolean(ref reader);");
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
                w.Line($"{target} = global::{model.Namespace}.Serialization.{CodecFor(model, type)}.ReadValue(ref reader);");
                break;
            case ShapeKind.Structure:
            case ShapeKind.Union:
                w.Line($"{target} = global::{model.Namespace}.Serialization.{CodecFor(model, type)}.Read(ref reader);");
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
        w.Line($"{target} = {list};");
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
        w.Line($"{key} = reader.GetString()!;");
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
        w.Line($"catch ({DeserializationException} exception{depth}) when ({key} is not null)");
        w.OpenBrace();
        w.Line($"throw exception{depth}.WithParentMember({key});");
        w.CloseBrace();
        w.Line($"catch (global::System.Text.Json.JsonException exception{depth})");
        w.OpenBrace();
        w.Line($"throw {Wire}.Malformed({key} is null ? \"$\" : \"$.\" + {key}, exception{depth});");
        w.CloseBrace();
        w.Line();
        w.Line($"{target} = {map};");
        w.CloseBrace();
        w.Line("else");
        w.OpenBrace();
        w.Line($"{target} = null;");
        w.CloseBrace();
    }

    private static string Unwrap(TypeRef type, string local) => type.IsValueType ? local + ".Value" : local;

    private static string TimestampFormat(Model.TimestampFormat format) => format switch
    {
        Model.TimestampFormat.Iso8601 => Runtime + ".Json.TimestampFormat.Iso8601",
        Model.TimestampFormat.HttpDate => Runtime + ".Json.TimestampFormat.HttpDate",
        _ => Runtime + ".Json.TimestampFormat.EpochSeconds",
    };

    private static string CodecFor(CodeModel model, TypeRef type) =>
        type.CSharpType.Substring(("global::" + model.Namespace + ".").Length) + "JsonCodec";
}

using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols.Http;
using Codegen.Generator.Protocols.Json;

namespace Codegen.Generator.Protocols.RestJson;

/// <summary>
/// restJson1: the operation's HTTP method and URI template, members bound to labels, the query string, headers and
/// the status code (<see cref="HttpBindingEmitter"/>), and a body that is either one payload member (a structure,
/// union or document as JSON, a blob as bytes, a string or enum as text) or a JSON object of the remaining members.
/// Errors are named by the <c>x-amzn-ErrorType</c> header, else the body's <c>code</c>, else its <c>__type</c>.
/// </summary>
internal sealed class RestJsonProtocol : IProtocolGenerator
{
    public static readonly RestJsonProtocol Instance = new();

    private const string Runtime = TypeExpressions.Runtime;
    private const string Wire = JsonCodecEmitter.Wire;

    private RestJsonProtocol()
    {
    }

    public bool CanSend => true;

    public void AddCodecFiles(CodeModel model, CodeType type, List<GeneratedFile> files)
    {
        switch (type.Role)
        {
            case TypeRole.Request:
                var body = BodyMembers(type);
                if (body.Count > 0 && HttpBindingEmitter.Payload(type) is null)
                {
                    files.Add(JsonCodecEmitter.CodecFile(model, type, "The restJson1 body of", (w, self) => JsonCodecEmitter.WriteWriter(w, model, type, self, body)));
                }

                break;
            case TypeRole.Response:
                files.Add(JsonCodecEmitter.CodecFile(model, type, "The restJson1 reader of", (w, self) => WriteResponseReader(w, model, type, self)));
                break;
            case TypeRole.Error:
                files.Add(JsonCodecEmitter.CodecFile(model, type, "The restJson1 reader of", (w, self) => WriteErrorReader(w, model, type, self)));
                break;
            default:
                if (type.Shape.Kind is ShapeKind.Structure or ShapeKind.Union)
                {
                    files.Add(JsonCodecEmitter.EmitValueCodec(model, type));
                }

                break;
        }
    }

    public void WriteOperationFields(SourceWriter w, CodeModel model, CodeOperation operation)
    {
    }

    public void WriteSerializeRequest(SourceWriter w, CodeModel model, CodeOperation operation, string? hostPrefix)
    {
        var request = model.Types.First(t => t.Role == TypeRole.Request && t.TypeName == operation.RequestTypeName);
        HttpBindingEmitter.WriteRequestBindings(w, operation, request, "null");
        var contentTypeIsMember = request.Members.Any(m => m.Member.Location == HttpLocation.Header && string.Equals(m.WireName, "Content-Type", System.StringComparison.OrdinalIgnoreCase));
        void ContentType(string value)
        {
            if (!contentTypeIsMember)
            {
                w.Line($"http.AddHeader(\"Content-Type\", {CSharp.Literal(value)});");
                return;
            }

            // A member bound to Content-Type wins over the default.
            w.Line("if (!http.HasHeader(\"Content-Type\"))");
            w.OpenBrace();
            w.Line($"http.AddHeader(\"Content-Type\", {CSharp.Literal(value)});");
            w.CloseBrace();
        }

        w.Line();

        if (HttpBindingEmitter.Payload(request) is { Type.Streaming: true } streaming)
        {
            // Sent from the caller's stream as it is read: never copied into a byte array.
            w.Line("var body = global::System.ReadOnlyMemory<byte>.Empty;");
            w.Line($"if (typed.{streaming.PropertyName} is not null)");
            w.OpenBrace();
            ContentType(PayloadContentType(streaming.Type));
            w.CloseBrace();
            w.Line();
            RequestCode.Return(w, CSharp.Literal(operation.Operation.HttpMethod), "http.BuildPath()", "http.Headers", "body", hostPrefix, $"typed.{streaming.PropertyName}", streaming.Type.RequiresLength);
            return;
        }

        if (HttpBindingEmitter.Payload(request) is { } payload)
        {
            WritePayload(w, model, payload, ContentType);
        }
        else if (BodyMembers(request).Count > 0)
        {
            // A JSON object of the body members, {} when none is set.
            var codec = $"global::{model.Namespace}.Serialization.{JsonCodecEmitter.CodecName(request)}";
            w.Line($"var body = {JsonCodecEmitter.WireWriter}.WriteToArray((typed, options), static (writer, state) => {codec}.Write(writer, state.typed, state.options));");
            ContentType("application/json");
        }
        else
        {
            w.Line("var body = global::System.ReadOnlyMemory<byte>.Empty;");
        }

        RequestCode.Return(w, CSharp.Literal(operation.Operation.HttpMethod), "http.BuildPath()", "http.Headers", "body", hostPrefix);
    }

    /// <summary>The body when one member is the payload: unset, no body (but an unset structure is <c>{}</c>, as botocore sends).</summary>
    private static void WritePayload(SourceWriter w, CodeModel model, CodeMember payload, System.Action<string> contentType)
    {
        var type = payload.Type;
        var value = $"typed.{payload.PropertyName}";
        if (type.Kind == ShapeKind.Structure)
        {
            w.Line($"global::System.ReadOnlyMemory<byte> body = {Runtime}.Protocols.Json.JsonWireWriter.EmptyObject;");
        }
        else
        {
            w.Line("var body = global::System.ReadOnlyMemory<byte>.Empty;");
        }

        w.Line($"if ({value} is {{ }} payload)");
        w.OpenBrace();
        switch (type.Kind)
        {
            case ShapeKind.Structure:
            case ShapeKind.Union:
                w.Line($"body = {JsonCodecEmitter.WireWriter}.WriteToArray((payload, options), static (writer, state) => {JsonCodecEmitter.CodecOf(model, type)}.Write(writer, state.payload, state.options));");
                break;
            case ShapeKind.Document:
                w.Line($"body = {JsonCodecEmitter.WireWriter}.WriteToArray(payload, static (writer, document) => {JsonCodecEmitter.WireWriter}.WriteDocument(writer, document));");
                break;
            case ShapeKind.Blob:
                w.Line("body = payload;");
                break;
            case ShapeKind.Enum:
                w.Line($"body = {Runtime}.Serialization.HttpPayloads.WriteText(payload.WireValue);");
                break;
            default:
                w.Line($"body = {Runtime}.Serialization.HttpPayloads.WriteText(payload);");
                break;
        }

        if (type.Kind != ShapeKind.Structure)
        {
            contentType(PayloadContentType(type));
        }

        w.CloseBrace();
        w.Line();
        if (type.Kind == ShapeKind.Structure)
        {
            contentType(PayloadContentType(type));
        }
    }

    private static string PayloadContentType(TypeRef type) => type.Kind switch
    {
        ShapeKind.Blob => type.MediaType ?? "application/octet-stream",
        ShapeKind.String or ShapeKind.Enum => type.MediaType ?? "text/plain",
        _ => "application/json",
    };

    public void WriteDeserializeResponse(SourceWriter w, CodeModel model, CodeOperation operation) =>
        w.Line($"return global::{model.Namespace}.Serialization.{operation.ResponseTypeName}JsonCodec.ReadResponse(response, options);");

    public string ErrorInfoExpression(CodeModel model) => $"{Runtime}.Protocols.RestJson.RestJsonErrors.Read(response)";

    public string RequestIdExpression(CodeModel model) => "response.RequestId";

    public string ReadErrorExpression(CodeModel model, CodeType error) =>
        $"global::{model.Namespace}.Serialization.{JsonCodecEmitter.CodecName(error)}.Read(response, error, options)";

    private static List<CodeMember> BodyMembers(CodeType type) => type.Members.Where(HttpBindingEmitter.InBody).ToList();

    /// <summary><c>ReadResponse(response, options)</c>: the status code, headers, and the payload or the body's members.</summary>
    private static void WriteResponseReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        var members = type.Members;
        var locals = JsonCodecEmitter.Locals(members.Count);
        w.Line($"public static {self} ReadResponse({Runtime}.Http.AwsHttpResponse response, {JsonCodecEmitter.Options} options)");
        w.OpenBrace();
        JsonCodecEmitter.DeclareLocals(w, members);
        HttpBindingEmitter.WriteResponseBindings(w, members, locals);
        if (WriteBodyRead(w, model, members, locals))
        {
            w.Line();
        }

        // Members outside the body are named by their model name in failures, as the header readers name them.
        RequiredMembers.WriteMissingChecks(w, model, members, locals, static m => HttpBindingEmitter.InBody(m) ? m.WireName : m.Member.Name);
        JsonCodecEmitter.WriteConstruction(w, self, members, leading: "response.StatusCode");
        w.CloseBrace();
    }

    /// <summary>
    /// <c>Read(response, error)</c>: the exception with its header and body members. A body or header that cannot
    /// be read still gives the typed exception, with the members read so far.
    /// </summary>
    private static void WriteErrorReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        if (type.IsMemberValue)
        {
            JsonCodecEmitter.WriteErrorValueReader(w, model, type, self);
        }

        w.Line("/// <summary>Reads the error's members; a header or body that cannot be read still gives the exception, with the members read before it.</summary>");
        w.Line($"public static {self} Read({Runtime}.Http.AwsHttpResponse response, {Runtime}.Errors.AwsErrorInfo error, {JsonCodecEmitter.Options} options)");
        w.OpenBrace();
        var members = type.Members.Where(m => m.PropertyName != "Message").ToList();
        var locals = JsonCodecEmitter.Locals(members.Count);
        JsonCodecEmitter.DeclareLocals(w, members);
        if (members.Count > 0)
        {
            w.Line("try");
            w.OpenBrace();
            HttpBindingEmitter.WriteResponseBindings(w, members, locals);
            WriteBodyRead(w, model, members, locals);
            w.CloseBrace();
            JsonCodecEmitter.WriteSwallowReadFailures(w);
        }

        JsonCodecEmitter.WriteErrorConstruction(w, self, members.Select((m, i) => (m.PropertyName, locals[i])));
        w.CloseBrace();
    }

    /// <summary>
    /// Statements reading the payload member, or the body members from a JSON object, into their locals;
    /// <see langword="false"/> when there is neither.
    /// </summary>
    private static bool WriteBodyRead(SourceWriter w, CodeModel model, IReadOnlyList<CodeMember> members, IReadOnlyList<string> locals)
    {
        var payloadIndex = members.Select((m, i) => (m, i)).Where(p => p.m.Member.Location == HttpLocation.Payload).Select(p => (int?)p.i).FirstOrDefault();
        if (payloadIndex is { } index)
        {
            WritePayloadRead(w, model, members[index], locals[index]);
            return true;
        }

        var body = members.Select((m, i) => (m, i)).Where(p => HttpBindingEmitter.InBody(p.m)).ToList();
        if (body.Count == 0)
        {
            return false;
        }

        w.Line($"if (!{Wire}.IsEmptyBody(response.Body.Span))");
        w.OpenBrace();
        w.Line($"var reader = new global::System.Text.Json.Utf8JsonReader(response.Body.Span, {Wire}.ReaderOptions);");
        w.Line($"if ({Wire}.StartBody(ref reader))");
        w.OpenBrace();
        w.Line("string? member = null;");
        JsonCodecEmitter.WriteMemberLoop(w, model, body.Select(p => p.m).ToList(), body.Select(p => locals[p.i]).ToList());
        w.Line($"{Wire}.EndBody(ref reader);");
        w.CloseBrace();
        w.CloseBrace();
        return true;
    }

    private static void WritePayloadRead(SourceWriter w, CodeModel model, CodeMember payload, string local)
    {
        var type = payload.Type;
        var name = CSharp.Literal(payload.Member.Name);
        switch (type.Kind)
        {
            case ShapeKind.Blob when type.Streaming:
                // The body as it arrives (unbuffered on success); the response type disposes it.
                w.Line($"{local} = {Runtime}.Serialization.HttpPayloads.ReadStream(response);");
                break;
            case ShapeKind.Blob:
                w.Line("if (!response.Body.IsEmpty)");
                w.OpenBrace();
                w.Line($"{local} = response.Body;");
                w.CloseBrace();
                break;
            case ShapeKind.String:
                w.Line($"{local} = {Runtime}.Serialization.HttpPayloads.ReadText(response.Body, {name});");
                break;
            case ShapeKind.Enum:
                w.Line($"{local} = {Runtime}.Serialization.HttpPayloads.ReadText(response.Body, {name}) is {{ }} text ? new {type.CSharpType}(text) : null;");
                break;
            default:
                // A structure, union or document: the body is its JSON.
                w.Line($"if (!{Wire}.IsEmptyBody(response.Body.Span))");
                w.OpenBrace();
                w.Line($"var reader = new global::System.Text.Json.Utf8JsonReader(response.Body.Span, {Wire}.ReaderOptions);");
                w.Line("try");
                w.OpenBrace();
                w.Line($"{Wire}.Next(ref reader);");
                JsonCodecEmitter.ReadValue(w, model, type, local, 0);
                w.CloseBrace();
                w.Line($"catch ({JsonCodecEmitter.DeserializationException} exception)");
                w.OpenBrace();
                w.Line($"throw exception.WithParentMember({name});");
                w.CloseBrace();
                w.Line("catch (global::System.Text.Json.JsonException exception)");
                w.OpenBrace();
                w.Line($"throw {Wire}.Malformed({CSharp.Literal("$." + payload.Member.Name)}, exception);");
                w.CloseBrace();
                w.Line();
                w.Line($"{Wire}.EndBody(ref reader);");
                w.CloseBrace();
                break;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols.Json;

namespace Codegen.Generator.Protocols.AwsJson;

/// <summary>
/// awsJson 1.0 and 1.1: every request is <c>POST /</c> with an <c>X-Amz-Target</c> header naming the operation and
/// the whole input as a JSON object (<c>{}</c> when nothing is set); responses and errors are JSON objects, the error
/// named by <c>__type</c>.
/// </summary>
internal sealed class AwsJsonProtocol : IProtocolGenerator
{
    public static readonly AwsJsonProtocol Instance = new();

    private const string Runtime = TypeExpressions.Runtime;

    private AwsJsonProtocol()
    {
    }

    public bool CanSend => true;

    public void AddCodecFiles(CodeModel model, CodeType type, List<GeneratedFile> files)
    {
        switch (type.Role)
        {
            case TypeRole.Request:
                files.Add(JsonCodecEmitter.CodecFile(model, type, "The awsJson body of", (w, self) => JsonCodecEmitter.WriteWriter(w, model, type, self, type.Members)));
                break;
            case TypeRole.Response:
                files.Add(JsonCodecEmitter.CodecFile(model, type, "The awsJson reader of", (w, self) => WriteResponseReader(w, model, type, self)));
                break;
            case TypeRole.Error:
                files.Add(JsonCodecEmitter.CodecFile(model, type, "The awsJson reader of", (w, self) => WriteErrorReader(w, model, type, self)));
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
        var meta = model.Metadata;
        w.Line("private static readonly global::System.Collections.Generic.KeyValuePair<string, string>[] Headers =");
        w.OpenBrace();
        if (meta.TargetPrefix is not null)
        {
            w.Line($"new global::System.Collections.Generic.KeyValuePair<string, string>(\"X-Amz-Target\", {CSharp.Literal(meta.TargetPrefix + "." + operation.Operation.Name)}),");
        }

        var version = meta.Protocol == WireProtocol.AwsJson1_1 ? "1.1" : "1.0";
        w.Line($"new global::System.Collections.Generic.KeyValuePair<string, string>(\"Content-Type\", {CSharp.Literal("application/x-amz-json-" + version)}),");
        if (meta.AwsQueryCompatible)
        {
            // Tells a service that also speaks awsQuery to answer errors with the awsQuery codes (x-amzn-query-error).
            w.Line("new global::System.Collections.Generic.KeyValuePair<string, string>(\"x-amzn-query-mode\", \"true\"),");
        }

        w.CloseBrace(";");
        w.Line();
    }

    public void WriteSerializeRequest(SourceWriter w, CodeModel model, CodeOperation operation, string? hostPrefix)
    {
        var codec = $"global::{model.Namespace}.Serialization.{operation.RequestTypeName}JsonCodec";
        w.Line($"var body = {JsonCodecEmitter.WireWriter}.WriteToArray((typed, options), static (writer, state) => {codec}.Write(writer, state.typed, state.options));");
        var op = operation.Operation;
        RequestCode.Return(w, CSharp.Literal(op.HttpMethod), CSharp.Literal(op.RequestUri), "Headers", "body", hostPrefix);
    }

    public void WriteDeserializeResponse(SourceWriter w, CodeModel model, CodeOperation operation) =>
        w.Line($"return global::{model.Namespace}.Serialization.{operation.ResponseTypeName}JsonCodec.ReadResponse(response, options);");

    public string ErrorInfoExpression(CodeModel model) =>
        $"{Runtime}.Protocols.AwsJson.AwsJsonErrors.Read(response, queryCompatible: {(model.Metadata.AwsQueryCompatible ? "true" : "false")})";

    public string RequestIdExpression(CodeModel model) => "response.RequestId";

    public string ReadErrorExpression(CodeModel model, CodeType error) =>
        $"global::{model.Namespace}.Serialization.{JsonCodecEmitter.CodecName(error)}.Read(response, error, options)";

    /// <summary><c>Read(ref reader, httpStatus, options)</c> of the output object and <c>ReadResponse(response, options)</c> over a whole body.</summary>
    private static void WriteResponseReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        var options = JsonCodecEmitter.Options;
        w.Line($"public static {self}? Read(ref global::System.Text.Json.Utf8JsonReader reader, int httpStatus, {options} options)");
        w.OpenBrace();
        JsonCodecEmitter.WriteObjectRead(w, model, type.Members, "null");
        JsonCodecEmitter.WriteRequiredChecks(w, model, type.Members);
        JsonCodecEmitter.WriteConstruction(w, self, type.Members, leading: "httpStatus");
        w.CloseBrace();
        w.Line();
        w.Line($"public static {self} ReadResponse({Runtime}.Http.AwsHttpResponse response, {options} options) =>");
        w.Indent();
        w.Line($"{JsonCodecEmitter.Wire}.ReadResponseBody<(int Status, {options} Options), {self}>(response.Body.Span, (response.StatusCode, options), static (ref global::System.Text.Json.Utf8JsonReader reader, (int Status, {options} Options) state) => Read(ref reader, state.Status, state.Options));");
        w.Outdent();
    }

    /// <summary>
    /// <c>Read(response, error)</c>: the exception with the members of the body. The code reported is the one the
    /// response names (for a query-compatible service the x-amzn-query-error code, which the model may not list).
    /// </summary>
    private static void WriteErrorReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        if (type.IsMemberValue)
        {
            JsonCodecEmitter.WriteErrorValueReader(w, model, type, self);
        }

        w.Line("/// <summary>Reads the error's members; a body that cannot be read still gives the exception, without them.</summary>");
        w.Line($"public static {self} Read({Runtime}.Http.AwsHttpResponse response, {Runtime}.Errors.AwsErrorInfo error, {JsonCodecEmitter.Options} options)");
        w.OpenBrace();
        var members = type.Members.Where(m => m.PropertyName != "Message").ToList();
        if (members.Count > 0)
        {
            w.Line("try");
            w.OpenBrace();
            w.Line($"var reader = new global::System.Text.Json.Utf8JsonReader(response.Body.Span, {JsonCodecEmitter.Wire}.ReaderOptions);");
            w.Line($"if (reader.Read() && {JsonCodecEmitter.Wire}.StartObject(ref reader))");
            w.OpenBrace();
            JsonCodecEmitter.DeclareLocals(w, members);
            w.Line("string? member = null;");
            JsonCodecEmitter.WriteMemberLoop(w, model, members, JsonCodecEmitter.Locals(members.Count));
            JsonCodecEmitter.WriteErrorConstruction(w, self, members.Select((m, i) => (m.PropertyName, "v" + i)));
            w.CloseBrace();
            w.CloseBrace();
            JsonCodecEmitter.WriteSwallowReadFailures(w);
        }

        w.Line($"return new {self}(error.Message, response.StatusCode, response.RequestId) {{ ErrorCode = error.Code }};");
        w.CloseBrace();
    }
}

using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols.Json;

namespace Codegen.Generator.Protocols.Cbor;

/// <summary>
/// Smithy RPC v2 CBOR (<c>smithy.protocols#rpcv2Cbor</c>): every request is <c>POST /service/{Service}/operation/{Operation}</c>
/// with <c>smithy-protocol: rpc-v2-cbor</c> and <c>Accept: application/cbor</c>, and the whole input as a CBOR map
/// (<c>Content-Type: application/cbor</c>); an operation without input sends no body and no <c>Content-Type</c>.
/// Responses and errors are CBOR maps, the error named by <c>__type</c>.
/// </summary>
internal sealed class CborProtocol : IProtocolGenerator
{
    public static readonly CborProtocol Instance = new();

    private const string Runtime = TypeExpressions.Runtime;

    private CborProtocol()
    {
    }

    public bool CanSend => true;

    public void AddCodecFiles(CodeModel model, CodeType type, List<GeneratedFile> files)
    {
        switch (type.Role)
        {
            case TypeRole.Request:
                files.Add(CborCodecEmitter.CodecFile(model, type, "The rpcv2Cbor body of", (w, self) => CborCodecEmitter.WriteWriter(w, model, type, self)));
                break;
            case TypeRole.Response:
                files.Add(CborCodecEmitter.CodecFile(model, type, "The rpcv2Cbor reader of", (w, self) => WriteResponseReader(w, model, type, self)));
                break;
            case TypeRole.Error:
                files.Add(CborCodecEmitter.CodecFile(model, type, "The rpcv2Cbor reader of", (w, self) => WriteErrorReader(w, model, type, self)));
                break;
            default:
                if (type.Shape.Kind is ShapeKind.Structure or ShapeKind.Union)
                {
                    files.Add(CborCodecEmitter.EmitValueCodec(model, type));
                }

                break;
        }
    }

    public void WriteOperationFields(SourceWriter w, CodeModel model, CodeOperation operation)
    {
        const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";
        w.Line($"private static readonly {Pair}[] Headers =");
        w.OpenBrace();
        w.Line($"new {Pair}(\"smithy-protocol\", \"rpc-v2-cbor\"),");
        w.Line($"new {Pair}(\"Accept\", \"application/cbor\"),");
        if (operation.Operation.Input is not null)
        {
            w.Line($"new {Pair}(\"Content-Type\", \"application/cbor\"),");
        }

        if (model.Metadata.AwsQueryCompatible)
        {
            // Tells a service that also speaks awsQuery to answer errors with the awsQuery codes (x-amzn-query-error).
            w.Line($"new {Pair}(\"x-amzn-query-mode\", \"true\"),");
        }

        w.CloseBrace(";");
        w.Line();
    }

    public void WriteSerializeRequest(SourceWriter w, CodeModel model, CodeOperation operation, string? hostPrefix)
    {
        var op = operation.Operation;
        var path = CSharp.Literal("/service/" + ServiceName(model.Metadata) + "/operation/" + op.Name);
        if (op.Input is null)
        {
            // No input: no body (and no Content-Type).
            w.Line("_ = typed;");
            w.Line("_ = options;");
            RequestCode.Return(w, "\"POST\"", path, "Headers", "global::System.ReadOnlyMemory<byte>.Empty", hostPrefix);
            return;
        }

        var codec = $"global::{model.Namespace}.Serialization.{operation.RequestTypeName}CborCodec";
        w.Line($"var body = {CborCodecEmitter.WireWriter}.WriteToArray((typed, options), static (writer, state) => {codec}.Write(writer, state.typed, state.options));");
        RequestCode.Return(w, "\"POST\"", path, "Headers", "body", hostPrefix);
    }

    public void WriteDeserializeResponse(SourceWriter w, CodeModel model, CodeOperation operation) =>
        w.Line($"return global::{model.Namespace}.Serialization.{operation.ResponseTypeName}CborCodec.ReadResponse(response);");

    public string ErrorInfoExpression(CodeModel model) =>
        $"{Runtime}.Protocols.Cbor.CborErrors.Read(response, queryCompatible: {(model.Metadata.AwsQueryCompatible ? "true" : "false")})";

    public string RequestIdExpression(CodeModel model) => "response.RequestId";

    public string ReadErrorExpression(CodeModel model, CodeType error) =>
        $"global::{model.Namespace}.Serialization.{CborCodecEmitter.CodecName(error)}.Read(response, error)";

    /// <summary>
    /// The <c>{serviceName}</c> of the request path: the service shape's name (Smithy), which botocore models give as
    /// <c>targetPrefix</c>; without one, the service id without spaces.
    /// </summary>
    private static string ServiceName(ServiceMetadata metadata) => metadata.TargetPrefix ?? metadata.ServiceId.Replace(" ", string.Empty);

    /// <summary><c>Read(reader, httpStatus)</c> of the output map and <c>ReadResponse(response)</c> over a whole body.</summary>
    private static void WriteResponseReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line($"public static {self}? Read({CborCodecEmitter.Reader} reader, int httpStatus)");
        w.OpenBrace();
        CborCodecEmitter.WriteMapRead(w, model, type.Members, "null");
        CborCodecEmitter.WriteRequiredChecks(w, type.Members);
        JsonCodecEmitter.WriteConstruction(w, self, type.Members, leading: "httpStatus");
        w.CloseBrace();
        w.Line();
        w.Line($"public static {self} ReadResponse({Runtime}.Http.AwsHttpResponse response) =>");
        w.Indent();
        w.Line($"{CborCodecEmitter.Wire}.ReadResponseBody<int, {self}>(response.Body, response.StatusCode, static (reader, httpStatus) => Read(reader, httpStatus));");
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
            CborCodecEmitter.WriteErrorValueReader(w, model, type, self);
        }

        w.Line("/// <summary>Reads the error's members; a body that cannot be read still gives the exception, without them.</summary>");
        w.Line($"public static {self} Read({Runtime}.Http.AwsHttpResponse response, {Runtime}.Errors.AwsErrorInfo error)");
        w.OpenBrace();
        var members = type.Members.Where(m => m.PropertyName != "Message").ToList();
        if (members.Count > 0)
        {
            w.Line("try");
            w.OpenBrace();
            w.Line($"var reader = {CborCodecEmitter.Wire}.CreateReader(response.Body);");
            w.Line($"if ({CborCodecEmitter.Wire}.StartMap(reader))");
            w.OpenBrace();
            JsonCodecEmitter.DeclareLocals(w, members);
            CborCodecEmitter.WriteMemberLoop(w, model, members);
            JsonCodecEmitter.WriteErrorConstruction(w, self, members.Select((m, i) => (m.PropertyName, "v" + i)));
            w.CloseBrace();
            w.CloseBrace();
            w.Line($"catch ({Runtime}.Serialization.AwsDeserializationException)");
            w.OpenBrace();
            w.Line("// A member that cannot be read is left unset; the error itself is not lost.");
            w.CloseBrace();
            w.Line();
        }

        w.Line($"return new {self}(error.Message, response.StatusCode, response.RequestId) {{ ErrorCode = error.Code }};");
        w.CloseBrace();
    }
}

using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols.Json;
using Codegen.Generator.Protocols.Xml;

namespace Codegen.Generator.Protocols.Query;

/// <summary>
/// awsQuery and ec2Query: every request is <c>POST /</c> with an <c>application/x-www-form-urlencoded</c> body,
/// <c>Action={Operation}&amp;Version={apiVersion}</c> and the input's members flattened into form fields
/// (<see cref="QueryCodecEmitter"/>). Responses are XML (<see cref="XmlCodecEmitter"/>): awsQuery's output members are
/// in <c>&lt;{Operation}Response&gt;&lt;{Operation}Result&gt;</c>, ec2Query's in <c>&lt;{Operation}Response&gt;</c>.
/// Errors are <c>&lt;ErrorResponse&gt;&lt;Error&gt;</c> (awsQuery) or <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c>
/// (ec2Query), named by <c>Code</c>.
/// </summary>
internal sealed class QueryProtocol : IProtocolGenerator
{
    public static readonly QueryProtocol AwsQuery = new(ec2: false);
    public static readonly QueryProtocol Ec2Query = new(ec2: true);

    private const string Runtime = TypeExpressions.Runtime;
    private readonly bool _ec2;

    private QueryProtocol(bool ec2) => _ec2 = ec2;

    public bool CanSend => true;

    public void AddCodecFiles(CodeModel model, CodeType type, List<GeneratedFile> files)
    {
        switch (type.Role)
        {
            case TypeRole.Request:
                files.Add(QueryCodecEmitter.EmitCodec(model, type, _ec2));
                break;
            case TypeRole.Response:
                files.Add(XmlCodecEmitter.CodecFile(model, type, _ec2 ? "The ec2Query reader of" : "The awsQuery reader of", (w, self) => WriteResponseReader(w, model, type, self)));
                break;
            case TypeRole.Error:
                files.Add(XmlCodecEmitter.CodecFile(model, type, _ec2 ? "The ec2Query reader of" : "The awsQuery reader of", (w, self) => WriteErrorReader(w, model, type, self)));
                break;
            default:
                if (type.Shape.Kind is ShapeKind.Structure or ShapeKind.Union)
                {
                    files.Add(QueryCodecEmitter.EmitCodec(model, type, _ec2));
                    files.Add(XmlCodecEmitter.EmitValueCodec(model, type));
                }

                break;
        }
    }

    public void WriteOperationFields(SourceWriter w, CodeModel model, CodeOperation operation)
    {
        const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";
        w.Line($"private static readonly {Pair}[] Headers =");
        w.OpenBrace();
        w.Line($"new {Pair}(\"Content-Type\", \"application/x-www-form-urlencoded\"),");
        w.CloseBrace(";");
        w.Line();
    }

    public void WriteSerializeRequest(SourceWriter w, CodeModel model, CodeOperation operation, string? hostPrefix)
    {
        var op = operation.Operation;
        w.Line($"var writer = new {QueryCodecEmitter.Writer}({CSharp.Literal(op.Name)}, {CSharp.Literal(model.Metadata.ApiVersion)});");
        if (op.Input is null)
        {
            w.Line("_ = typed;");
            w.Line("_ = options;");
        }
        else
        {
            w.Line($"global::{model.Namespace}.Serialization.{operation.RequestTypeName}QueryCodec.Write(writer, \"\", typed, options);");
        }

        var uri = string.IsNullOrEmpty(op.RequestUri) ? "/" : op.RequestUri;
        RequestCode.Return(w, CSharp.Literal(string.IsNullOrEmpty(op.HttpMethod) ? "POST" : op.HttpMethod), CSharp.Literal(uri), "Headers", "writer.ToBody()", hostPrefix);
    }

    public void WriteDeserializeResponse(SourceWriter w, CodeModel model, CodeOperation operation) =>
        w.Line($"return global::{model.Namespace}.Serialization.{operation.ResponseTypeName}XmlCodec.ReadResponse(response, options);");

    public string ErrorInfoExpression(CodeModel model) => $"{Runtime}.Protocols.Query.QueryErrors.Read(response)";

    public string RequestIdExpression(CodeModel model) => $"{Runtime}.Protocols.Query.QueryErrors.RequestId(response)";

    public string ReadErrorExpression(CodeModel model, CodeType error) =>
        $"global::{model.Namespace}.Serialization.{XmlCodecEmitter.CodecName(error)}.Read(response, error, options)";

    /// <summary><c>Read(reader, httpStatus, options)</c> of the output's members and <c>ReadResponse(response, options)</c> over a whole body.</summary>
    private void WriteResponseReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        var options = XmlCodecEmitter.Options;
        w.Line($"public static {self} Read({XmlCodecEmitter.Reader}? reader, int httpStatus, {options} options)");
        w.OpenBrace();
        JsonCodecEmitter.DeclareLocals(w, type.Members);
        w.Line($"if (reader is not null && {XmlCodecEmitter.Wire}.Enter(reader))");
        w.OpenBrace();
        XmlCodecEmitter.WriteMemberLoop(w, model, type.Members);
        w.CloseBrace();
        w.Line();
        JsonCodecEmitter.WriteRequiredChecks(w, model, type.Members);
        JsonCodecEmitter.WriteConstruction(w, self, type.Members, leading: "httpStatus");
        w.CloseBrace();
        w.Line();
        var wrapper = _ec2 ? "null" : CSharp.Literal(type.OperationName + "Result");
        w.Line($"public static {self} ReadResponse({Runtime}.Http.AwsHttpResponse response, {options} options)");
        w.OpenBrace();
        w.Line($"using var reader = {Runtime}.Protocols.Query.QueryResponses.Open(response.Body, {wrapper});");
        w.Line("var result = Read(reader, response.StatusCode, options);");
        w.Line($"{XmlCodecEmitter.Wire}.Finish(reader);");
        w.Line("return result;");
        w.CloseBrace();
    }

    /// <summary>
    /// <c>Read(response, error, options)</c>: the exception with the members of the <c>Error</c> element. A body that
    /// cannot be read still gives the exception, without them.
    /// </summary>
    private static void WriteErrorReader(SourceWriter w, CodeModel model, CodeType type, string self)
    {
        w.Line("/// <summary>Reads the error's members; a body that cannot be read still gives the exception, without them.</summary>");
        w.Line($"public static {self} Read({Runtime}.Http.AwsHttpResponse response, {Runtime}.Errors.AwsErrorInfo error, {XmlCodecEmitter.Options} options)");
        w.OpenBrace();
        var members = type.Members.Where(m => m.PropertyName != "Message").ToList();
        if (members.Count > 0)
        {
            JsonCodecEmitter.DeclareLocals(w, members);
            w.Line("try");
            w.OpenBrace();
            w.Line($"using var reader = {Runtime}.Protocols.Query.QueryErrors.OpenError(response.Body);");
            w.Line($"if (reader is not null && {XmlCodecEmitter.Wire}.Enter(reader))");
            w.OpenBrace();
            XmlCodecEmitter.WriteMemberLoop(w, model, members);
            w.CloseBrace();
            w.CloseBrace();
            w.Line($"catch ({Runtime}.Serialization.AwsDeserializationException)");
            w.OpenBrace();
            w.Line("// A member that cannot be read is left unset; the error itself is not lost.");
            w.CloseBrace();
            w.Line();
        }
        else
        {
            w.Line("_ = options;");
        }

        w.Line($"return new {self}(error.Message, response.StatusCode, {Runtime}.Protocols.Query.QueryErrors.RequestId(response))");
        w.OpenBrace();
        w.Line("ErrorCode = error.Code,");
        for (var i = 0; i < members.Count; i++)
        {
            w.Line($"{members[i].PropertyName} = v{i},");
        }

        w.CloseBrace(";");
        w.CloseBrace();
    }
}

using System.Collections.Generic;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;

namespace Codegen.Generator.Protocols;

/// <summary>
/// The stand-in for a protocol that has no generator yet: no codecs, and operations whose wire methods throw
/// <c>NotSupportedException</c> (the client refuses them before that: <c>IOperation.IsWireSupported</c> is false).
/// </summary>
internal sealed class NotImplementedProtocol : IProtocolGenerator
{
    public static readonly NotImplementedProtocol Instance = new();

    private NotImplementedProtocol()
    {
    }

    public bool CanSend => false;

    public void AddCodecFiles(CodeModel model, CodeType type, List<GeneratedFile> files)
    {
    }

    public void WriteOperationFields(SourceWriter w, CodeModel model, CodeOperation operation)
    {
    }

    public void WriteSerializeRequest(SourceWriter w, CodeModel model, CodeOperation operation, string? hostPrefix) =>
        w.Line($"throw new global::System.NotSupportedException({CSharp.Literal($"The {model.Metadata.Protocol.DisplayName()} protocol has no generated serializer yet.")});");

    public void WriteDeserializeResponse(SourceWriter w, CodeModel model, CodeOperation operation) =>
        w.Line($"throw new global::System.NotSupportedException({CSharp.Literal($"The {model.Metadata.Protocol.DisplayName()} protocol has no generated deserializer yet.")});");

    public string ErrorInfoExpression(CodeModel model) =>
        $"new {TypeExpressions.Runtime}.Errors.AwsErrorInfo(\"HttpStatus\" + response.StatusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture), null)";

    public string RequestIdExpression(CodeModel model) => "response.RequestId";

    public string ReadErrorExpression(CodeModel model, CodeType error) =>
        throw new System.InvalidOperationException("a protocol without a generator reads no modelled errors");
}

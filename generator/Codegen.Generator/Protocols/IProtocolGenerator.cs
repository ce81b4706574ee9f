using System.Collections.Generic;
using Codegen.Generator.Emit;
using Codegen.Generator.Model;

namespace Codegen.Generator.Protocols;

/// <summary>
/// Writes the wire code of one protocol: everything about how requests, responses and errors look on the wire.
/// The protocol-neutral emitters (types, the operation classes, the error dispatcher, the client) ask it for their
/// wire parts and contain no wire format themselves. <see cref="ProtocolGenerators"/> lists the implementations.
/// </summary>
/// <remarks>
/// In the statements it writes, the generated operation class has these locals in scope: <c>typed</c> (the request,
/// of the operation's request type) and <c>options</c> (the <c>SerializationOptions</c>, never null) in
/// <c>SerializeRequest</c>; <c>response</c> (the <c>AwsHttpResponse</c>) and <c>options</c> (the
/// <c>DeserializationOptions</c>, never null) in <c>DeserializeResponse</c> and the error reader; and <c>error</c> (the
/// <c>AwsErrorInfo</c>) when a modelled error is read. Readers treat a missing required member with
/// <see cref="Emit.RequiredMembers.WriteMissingChecks"/>, the same for every protocol.
/// </remarks>
internal interface IProtocolGenerator
{
    /// <summary>Whether requests can be sent: false only for the placeholder of protocols not implemented yet.</summary>
    bool CanSend { get; }

    /// <summary>Adds the codec files of one type of the model (nothing for types the protocol needs no code for).</summary>
    void AddCodecFiles(CodeModel model, CodeType type, List<GeneratedFile> files);

    /// <summary>Static members of the operation class, e.g. the headers every request of the operation has.</summary>
    void WriteOperationFields(SourceWriter w, CodeModel model, CodeOperation operation);

    /// <summary>
    /// The statements of <c>SerializeRequest</c>, ending in a return of the <c>AwsHttpRequest</c>
    /// (<see cref="RequestCode.Return"/>); <paramref name="hostPrefix"/> is the expression of the operation's host prefix, if any.
    /// </summary>
    void WriteSerializeRequest(SourceWriter w, CodeModel model, CodeOperation operation, string? hostPrefix);

    /// <summary>The statements of <c>DeserializeResponse</c>, ending in a return of the response type.</summary>
    void WriteDeserializeResponse(SourceWriter w, CodeModel model, CodeOperation operation);

    /// <summary>The expression reading an error response's code and message (an <c>AwsErrorInfo</c>) from <c>response</c>.</summary>
    string ErrorInfoExpression(CodeModel model);

    /// <summary>The expression of an error response's request id (a <c>string?</c>) from <c>response</c>.</summary>
    string RequestIdExpression(CodeModel model);

    /// <summary>The expression building the exception of the modelled error <paramref name="error"/> from <c>response</c> and <c>error</c>.</summary>
    string ReadErrorExpression(CodeModel model, CodeType error);
}

/// <summary>Code every protocol writes the same way.</summary>
internal static class RequestCode
{
    /// <summary>
    /// <c>return new AwsHttpRequest(...)</c>, with the host prefix when the operation has one, and the streaming
    /// payload (<paramref name="bodyStream"/>, an expression of a <c>Stream?</c>) when the body is one.
    /// </summary>
    public static void Return(SourceWriter w, string method, string path, string headers, string body, string? hostPrefix, string? bodyStream = null, bool requiresLength = false)
    {
        var create = $"new {TypeExpressions.Runtime}.Http.AwsHttpRequest({method}, {path}, {headers}, {body})";
        var initializers = new List<string>();
        if (hostPrefix is not null)
        {
            initializers.Add($"HostPrefix = {hostPrefix}");
        }

        if (bodyStream is not null)
        {
            initializers.Add($"BodyStream = {bodyStream}");
            if (requiresLength)
            {
                initializers.Add("RequiresLength = true");
            }
        }

        w.Line(initializers.Count == 0 ? $"return {create};" : $"return {create} {{ {string.Join(", ", initializers)} }};");
    }
}

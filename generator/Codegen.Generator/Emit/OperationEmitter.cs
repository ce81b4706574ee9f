using System.Linq;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes, per operation, the internal <c>IOperation</c> that pairs its metadata with its wire codec, and per
/// service the public <c>{Service}Operations</c> class (metadata reachable from generic code) and the error
/// dispatcher that turns an error response into the matching typed exception.
/// </summary>
internal static class OperationEmitter
{
    private const string Runtime = TypeExpressions.Runtime;

    public static string OperationClassName(CodeOperation operation) => Naming.Identifiers.ToPascalCase(operation.Operation.Name) + "Operation";

    public static string EmitOperation(CodeModel model, IProtocolGenerator protocol, CodeOperation operation, System.Collections.Generic.ISet<string> validated)
    {
        var ns = model.Namespace + ".Serialization";
        var request = $"global::{model.Namespace}.{operation.RequestTypeName}";
        var response = $"global::{model.Namespace}.{operation.ResponseTypeName}";
        var name = OperationClassName(operation);
        var op = operation.Operation;
        var w = SourceWriter.StartFile(ns);
        w.Line($"/// <summary>The {DocComments.Escape(op.Name)} operation: its metadata and wire codec.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"internal sealed class {name} : {Runtime}.Operations.IOperation<{response}>");
        w.OpenBrace();
        w.Line($"public static readonly {name} Instance = new {name}();");
        w.Line();
        protocol.WriteOperationFields(w, model, operation);
        w.Line($"private {name}()");
        w.OpenBrace();
        w.CloseBrace();
        w.Line();
        var infoOptions = new System.Collections.Generic.List<string>();
        if (model.Types.Any(t => t.Role == TypeRole.Response && t.TypeName == operation.ResponseTypeName && TypeExpressions.StreamingPayload(t) is not null))
        {
            infoOptions.Add("HasStreamingOutput = true");
        }

        if (op.UnsignedPayload)
        {
            infoOptions.Add("UnsignedPayload = true");
        }

        if (ChecksumInfo(model, operation) is { } checksum)
        {
            infoOptions.Add("Checksum = " + checksum);
        }

        // Of the encodings the service accepts, the first one the runtime writes (gzip is the only one Smithy defines).
        if (op.RequestCompression.FirstOrDefault(e => e == "gzip") is { } encoding)
        {
            infoOptions.Add("RequestCompression = " + CSharp.Literal(encoding));
        }

        var infoInitializer = infoOptions.Count == 0 ? "" : " { " + string.Join(", ", infoOptions) + " }";
        w.Line($"public {Runtime}.Operations.OperationInfo Info {{ get; }} = new {Runtime}.Operations.OperationInfo(global::{model.Namespace}.{model.OperationsName}.Service, {CSharp.Literal(op.Name)}, {CSharp.Literal(op.HttpMethod)}, {CSharp.Literal(op.RequestUri)}, {(op.RequiresSigning ? "true" : "false")}){infoInitializer};");
        w.Line();
        w.Line($"public bool IsWireSupported => {(protocol.CanSend ? "true" : "false")};");
        w.Line();
        w.Line($"public void ValidateRequest({Runtime}.Operations.IAwsRequest<{response}> request, {Runtime}.Validation.ValidationOptions? options = null)");
        w.OpenBrace();
        WriteTypedRequest(w, request, operation);
        if (validated.Contains(operation.RequestTypeName))
        {
            w.Line($"options ??= {Runtime}.Validation.ValidationOptions.Default;");
            w.Line("if (!options.Enabled)");
            w.OpenBrace();
            w.Line("return;");
            w.CloseBrace();
            w.Line();
            w.Line($"var context = new {Runtime}.Validation.ValidationContext(options);");
            w.Line($"global::{ns}.{ValidationEmitter.ValidatorName(operation.RequestTypeName)}.Validate(typed, context, string.Empty);");
            w.Line($"context.ThrowIfInvalid({CSharp.Literal(operation.RequestTypeName)});");
        }
        else
        {
            w.Line("// The model constrains nothing in this request.");
            w.Line("_ = typed;");
            w.Line("_ = options;");
        }

        w.CloseBrace();
        w.Line();
        w.Line($"public {Runtime}.Http.AwsHttpRequest SerializeRequest({Runtime}.Operations.IAwsRequest<{response}> request, {Runtime}.Operations.SerializationOptions? options = null)");
        w.OpenBrace();
        var hostPrefix = HostPrefixExpression(model, operation);
        if (protocol.CanSend)
        {
            WriteTypedRequest(w, request, operation);
            w.Line($"options ??= {Runtime}.Operations.SerializationOptions.Default;");
        }

        protocol.WriteSerializeRequest(w, model, operation, hostPrefix);
        w.CloseBrace();
        w.Line();
        w.Line($"public {response} DeserializeResponse({Runtime}.Http.AwsHttpResponse response, {RequiredMembers.OptionsType}? options = null)");
        w.OpenBrace();
        if (protocol.CanSend)
        {
            w.Line($"options ??= {RequiredMembers.OptionsType}.Default;");
        }

        protocol.WriteDeserializeResponse(w, model, operation);
        w.CloseBrace();
        w.Line();
        w.Line($"public {Runtime}.Errors.AwsServiceException DeserializeError({Runtime}.Http.AwsHttpResponse response, {RequiredMembers.OptionsType}? options = null) =>");
        w.Indent();
        w.Line($"global::{ns}.{model.ServiceName}ErrorReader.Read(response, options ?? {RequiredMembers.OptionsType}.Default);");
        w.Outdent();
        if (protocol.CanSend && hostPrefix is not null && op.HostPrefix!.Contains("{"))
        {
            w.Line();
            w.Lines("""
                /// <summary>A host label: a member's value checked to be letters, digits, dots and hyphens.</summary>
                private static string HostLabel(string? value, string member)
                {
                    if (string.IsNullOrEmpty(value))
                    {
                        throw new global::System.ArgumentException("The member " + member + " goes into the host name and must be set.", "request");
                    }

                    foreach (var c in value)
                    {
                        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
                        {
                            throw new global::System.ArgumentException("The member " + member + " goes into the host name and may hold only letters, digits, '.' and '-'.", "request");
                        }
                    }

                    return value;
                }
                """);
        }

        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary><c>if (request is not T typed) throw ...;</c></summary>
    /// <summary>
    /// The operation's <c>HttpChecksumInfo</c> expression, or null: the trait's members become the headers they are
    /// bound to (the client reads them from the serialized request).
    /// </summary>
    private static string? ChecksumInfo(CodeModel model, CodeOperation operation)
    {
        var op = operation.Operation;
        if (op.HttpChecksum is null && !op.HttpChecksumRequired)
        {
            return null;
        }

        var request = model.Types.FirstOrDefault(t => t.Role == TypeRole.Request && t.TypeName == operation.RequestTypeName);
        string? Header(string? member) =>
            member is null ? null : request?.Members.FirstOrDefault(m => m.Member.Name == member && m.Member.Location == HttpLocation.Header)?.WireName;

        var parts = new System.Collections.Generic.List<string>();
        if (op.HttpChecksum is { } trait)
        {
            if (Header(trait.RequestAlgorithmMember) is { } algorithmHeader)
            {
                parts.Add($"RequestAlgorithmHeader = {CSharp.Literal(algorithmHeader)}");
            }

            if (trait.RequestChecksumRequired)
            {
                parts.Add("RequestChecksumRequired = true");
            }

            if (Header(trait.RequestValidationModeMember) is { } modeHeader)
            {
                parts.Add($"ValidationModeHeader = {CSharp.Literal(modeHeader)}");
            }

            if (trait.ResponseAlgorithms.Count > 0)
            {
                parts.Add($"ResponseAlgorithms = new string[] {{ {string.Join(", ", trait.ResponseAlgorithms.Select(CSharp.Literal))} }}");
            }
        }
        else
        {
            parts.Add("ContentMd5Required = true");
        }

        return $"new {Runtime}.Operations.HttpChecksumInfo {{ {string.Join(", ", parts)} }}";
    }

    private static void WriteTypedRequest(SourceWriter w, string request, CodeOperation operation)
    {
        w.Line($"if (request is not {request} typed)");
        w.OpenBrace();
        w.Line($"throw new global::System.ArgumentException(\"Expected a {operation.RequestTypeName}.\", nameof(request));");
        w.CloseBrace();
        w.Line();
    }

    /// <summary>
    /// The C# expression of the operation's host prefix, its <c>{label}</c>s read from the request's host label
    /// members (as botocore does: each must be letters, digits, dots and hyphens); <see langword="null"/> for none.
    /// </summary>
    private static string? HostPrefixExpression(CodeModel model, CodeOperation operation)
    {
        var template = operation.Operation.HostPrefix;
        if (string.IsNullOrEmpty(template))
        {
            return null;
        }

        var request = model.Types.FirstOrDefault(t => t.Role == TypeRole.Request && t.TypeName == operation.RequestTypeName);
        var parts = new System.Collections.Generic.List<string>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < template!.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            var label = close > i ? template.Substring(i + 1, close - i - 1) : null;
            var member = label is null ? null : request?.Members.FirstOrDefault(m => m.Member.Name == label && m.Type.Kind == ShapeKind.String);
            if (member is null)
            {
                literal.Append(template[i]);
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(CSharp.Literal(literal.ToString()));
                literal.Clear();
            }

            parts.Add($"HostLabel(typed.{member.PropertyName}, {CSharp.Literal(member.Member.Name)})");
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(CSharp.Literal(literal.ToString()));
        }

        return string.Join(" + ", parts);
    }

    public static string EmitErrorReader(CodeModel model, IProtocolGenerator protocol)
    {
        var ns = model.Namespace + ".Serialization";
        var w = SourceWriter.StartFile(ns);
        w.Line($"/// <summary>Turns an error response of {DocComments.Escape(model.Metadata.ServiceId)} into the matching typed exception.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"internal static class {model.ServiceName}ErrorReader");
        w.OpenBrace();
        w.Line($"public static {Runtime}.Errors.AwsServiceException Read({Runtime}.Http.AwsHttpResponse response, {RequiredMembers.OptionsType} options)");
        w.OpenBrace();
        w.Line($"var error = {protocol.ErrorInfoExpression(model)};");
        var errors = protocol.CanSend ? model.Types.Where(t => t.Role == TypeRole.Error).ToList() : new System.Collections.Generic.List<CodeType>();
        if (errors.Count > 0)
        {
            // Dispatch on the code that names the shape; error.Code may be another code the protocol reports.
            w.Line("switch (error.TypeCode)");
            w.OpenBrace();
            var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var error in errors)
            {
                var codes = new[] { error.ErrorCode!, error.Shape.Name }.Where(c => seen.Add(c)).ToList();
                if (codes.Count == 0)
                {
                    continue;
                }

                foreach (var code in codes)
                {
                    w.Line($"case {CSharp.Literal(code)}:");
                }

                w.Indent();
                w.Line($"return {protocol.ReadErrorExpression(model, error)};");
                w.Outdent();
            }

            w.CloseBrace();
            w.Line();
        }

        w.Line($"return new global::{model.Namespace}.{model.BaseExceptionName}(error.Code, error.Message, response.StatusCode, {protocol.RequestIdExpression(model)});");
        w.CloseBrace();
        w.CloseBrace();
        return w.EndFile();
    }

    public static string EmitOperationsClass(CodeModel model)
    {
        var meta = model.Metadata;
        var w = SourceWriter.StartFile(model.Namespace);
        w.Line($"/// <summary>The operations of {DocComments.Escape(meta.ServiceFullName ?? meta.ServiceId)} as values: metadata and wire codecs, for generic code.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} static partial class {model.OperationsName}");
        w.OpenBrace();
        w.Line("/// <summary>The service's names, protocol and signing name.</summary>");
        w.Line($"public static {Runtime}.Operations.ServiceInfo Service {{ get; }} = new {Runtime}.Operations.ServiceInfo(");
        w.Indent();
        w.Line($"ServiceId: {CSharp.Literal(meta.ServiceId)},");
        w.Line($"ApiVersion: {CSharp.Literal(meta.ApiVersion)},");
        w.Line($"Protocol: {Runtime}.Operations.AwsProtocol.{meta.Protocol},");
        w.Line($"EndpointPrefix: {CSharp.Literal(meta.EndpointPrefix)},");
        w.Line($"SigningName: {CSharp.Literal(meta.SigningName)});");
        w.Outdent();
        foreach (var operation in model.Operations)
        {
            var response = $"global::{model.Namespace}.{operation.ResponseTypeName}";
            w.Line();
            w.Line($"/// <summary>The {DocComments.Escape(operation.Operation.Name)} operation.</summary>");
            // Names the class already has (or inherits from object) get the suffix "Operation".
            var property = Naming.CodeModelBuilder.ReservedOperationsMembers.Contains(operation.RequestTypeName)
                ? operation.RequestTypeName + "Operation"
                : operation.RequestTypeName;
            w.Line($"public static {Runtime}.Operations.IOperation<{response}> {property} => global::{model.Namespace}.Serialization.{OperationClassName(operation)}.Instance;");
        }

        w.Line();
        w.Line("/// <summary>The metadata of every operation, ordered by name.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Runtime}.Operations.OperationInfo> All => s_all ??= new {Runtime}.Operations.OperationInfo[]");
        w.OpenBrace();
        foreach (var operation in model.Operations)
        {
            w.Line($"global::{model.Namespace}.Serialization.{OperationClassName(operation)}.Instance.Info,");
        }

        w.CloseBrace(";");
        w.Line();
        w.Line("// Built on first use: the operations' own metadata refers to Service, so it cannot be built during this type's initialisation.");
        w.Line($"private static global::System.Collections.Generic.IReadOnlyList<{Runtime}.Operations.OperationInfo>? s_all;");
        w.CloseBrace();
        return w.EndFile();
    }
}

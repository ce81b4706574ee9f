using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes the per-service client: a subclass of the runtime's <c>AwsClient</c> with one async method per
/// operation (<c>VerifySoftwareTokenAsync</c>), for services whose protocol can send. Everything else (endpoint,
/// signing, retries) is the runtime's.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = TypeExpressions.Runtime;

    public static string Emit(CodeModel model, bool canSend)
    {
        var name = model.ClientName;
        var meta = model.Metadata;
        var w = SourceWriter.StartFile(model.Namespace);
        w.Line($"/// <summary>A client for {DocComments.Escape(meta.ServiceFullName ?? meta.ServiceId)}: one method per operation; signs, retries and sends.</summary>");
        w.Line($"/// <remarks>Thread-safe and meant to be long-lived. It disposes only an HttpClient it created itself.</remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} partial class {name} : {Runtime}.Client.AwsClient");
        w.OpenBrace();
        w.Lines($$"""
            /// <summary>Creates a client that owns its HttpClient.</summary>
            public {{name}}({{Runtime}}.Client.AwsClientOptions options)
                : base(options)
            {
            }

            /// <summary>Creates a client over an HttpClient the caller owns (e.g. from IHttpClientFactory).</summary>
            public {{name}}({{Runtime}}.Client.AwsClientOptions options, global::System.Net.Http.HttpClient httpClient)
                : base(options, httpClient)
            {
            }
            """);
        if (!canSend)
        {
            // No operation methods: a call could only throw NotSupportedException (diagnostic CG0008 says why).
            w.CloseBrace();
            return w.EndFile();
        }

        foreach (var operation in model.Operations)
        {
            var request = $"global::{model.Namespace}.{operation.RequestTypeName}";
            var response = $"global::{model.Namespace}.{operation.ResponseTypeName}";
            w.Line();
            DocComments.Summary(w, operation.Operation.Documentation, $"Calls {operation.Operation.Name}.");
            w.Line("/// <param name=\"request\">The request.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the call, including its retries.</param>");
            foreach (var error in operation.ErrorTypeNames)
            {
                w.Line($"/// <exception cref=\"global::{model.Namespace}.{error}\">The service returned this error.</exception>");
            }

            if (operation.Operation.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"The service model marks this operation as deprecated.\")]");
            }

            w.Line($"public global::System.Threading.Tasks.Task<{response}> {operation.MethodName}({request} request, global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Indent();
            w.Line("SendAsync(request, cancellationToken);");
            w.Outdent();
        }

        w.CloseBrace();
        return w.EndFile();
    }
}

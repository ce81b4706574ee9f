using Codegen.Generator.Model;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes the service's client interface, <c>I{Service}Client</c>: every operation method of the client with the
/// same signature, and the generic <c>SendAsync</c>; the paginators add their methods to it
/// (<see cref="Paging.PaginatorEmitter"/>). The generated client implements all of it.
/// </summary>
/// <remarks>
/// Code that depends on the interface can be tested with a plain hand-written fake. So that a fake of a service with
/// a hundred operations need not spell out all of them, the members have default bodies, used only by a class that
/// leaves them out (the client overrides every one): an operation method throws <c>NotImplementedException</c>
/// naming the fake and the method, <c>SendAsync</c> hands each request to its operation method, and a paginator
/// method pages through the operation method. A fake therefore implements just the operation methods the code under
/// test calls, and every way of calling them (the method, <c>SendAsync</c>, a paginator) reaches them.
/// </remarks>
internal static class ClientInterfaceEmitter
{
    private const string Runtime = TypeExpressions.Runtime;

    public static string Emit(CodeModel model, bool canSend)
    {
        var name = model.ClientInterfaceName;
        var meta = model.Metadata;
        var service = DocComments.Escape(meta.ServiceFullName ?? meta.ServiceId);
        var task = "global::System.Threading.Tasks.Task";
        var token = "global::System.Threading.CancellationToken";
        var w = SourceWriter.StartFile(model.Namespace);
        w.Line("/// <summary>");
        w.Line($"/// The operations of {service}: what code that calls the service can depend on, so that a test can give it a fake.");
        w.Line($"/// <see cref=\"global::{model.Namespace}.{model.ClientName}\"/> implements it.");
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        w.Line("/// Every member has a default body, used only by a class that leaves the member out (the generated client implements");
        w.Line("/// them all): an operation method throws <see cref=\"global::System.NotImplementedException\"/>, <see cref=\"SendAsync{TResponse}\"/>");
        w.Line("/// calls the operation method of the request's type, and a paginator method pages through the operation method. A fake");
        w.Line("/// implements the operation methods the code under test calls, and is reached whichever way they are called.");
        w.Line("/// </remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"{model.Accessibility} partial interface {name}");
        w.OpenBrace();
        var dispatched = canSend && model.Operations.Count > 0;
        var notOurs = $"throw new global::System.NotSupportedException(GetType().Name + \": \" + request.GetType().Name + \" is not a request of {EscapeString(meta.ServiceId)}.\");";
        w.Lines($$"""
            /// <summary>Sends a request of this service and returns its response; the response type follows from the request.</summary>
            /// <typeparam name="TResponse">The operation's response type.</typeparam>
            /// <param name="request">The request.</param>
            /// <param name="cancellationToken">Cancels the call, including its retries.</param>
            /// <remarks>The default body (for a fake) calls the operation method of the request's type.</remarks>
            /// <exception cref="global::System.NotSupportedException">The default body was given a request of another service.</exception>
            {{(dispatched ? "async " : "")}}{{task}}<TResponse> SendAsync<TResponse>({{Runtime}}.Operations.IAwsRequest<TResponse> request, {{token}} cancellationToken = default)
                where TResponse : {{Runtime}}.Operations.IAwsResponse
            {
            """);
        w.Indent();
        if (dispatched)
        {
            w.Line("switch (request)");
            w.OpenBrace();
            foreach (var operation in model.Operations)
            {
                w.Line($"case global::{model.Namespace}.{operation.RequestTypeName} input:");
                w.Line($"    return (TResponse)(object)await {operation.MethodName}(input, cancellationToken).ConfigureAwait(false);");
            }

            w.Line("case null:");
            w.Line("    throw new global::System.ArgumentNullException(nameof(request));");
            w.Line("default:");
            w.Line("    " + notOurs);
            w.CloseBrace();
        }
        else
        {
            w.Line("if (request is null)");
            w.OpenBrace();
            w.Line("throw new global::System.ArgumentNullException(nameof(request));");
            w.CloseBrace();
            w.Line();
            w.Line(notOurs);
        }

        w.CloseBrace();

        if (canSend)
        {
            foreach (var operation in model.Operations)
            {
                var request = $"global::{model.Namespace}.{operation.RequestTypeName}";
                var response = $"global::{model.Namespace}.{operation.ResponseTypeName}";
                w.Line();
                ClientEmitter.OperationDocs(w, model, operation);
                w.Line("/// <remarks>The default body (for a fake that leaves it out) throws <see cref=\"global::System.NotImplementedException\"/>.</remarks>");
                if (operation.Operation.Deprecated)
                {
                    w.Line("[global::System.Obsolete(\"The service model marks this operation as deprecated.\")]");
                }

                w.Line($"{task}<{response}> {operation.MethodName}({request} request, {token} cancellationToken = default) =>");
                w.Line($"    throw new global::System.NotImplementedException(GetType().Name + \" does not implement {operation.MethodName}.\");");
            }
        }

        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary>Text for inside a C# string literal (the service id is model text).</summary>
    private static string EscapeString(string text)
    {
        var literal = CSharp.Literal(text);
        return literal.Substring(1, literal.Length - 2);
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emit;
using Codegen.Generator.Jmespath;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;

namespace Codegen.Generator.Paging;

/// <summary>The paginator files of a model and the problems found compiling them.</summary>
internal sealed record PaginatorOutput(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Writes one <c>{Operation}Paginator</c> type per paginated operation, and a part of the client and of its
/// interface with a method that makes each (<c>client.ListTablesPaginator(request)</c>); a paginator sends through
/// the interface's operation method, so it pages over a fake of the interface too. A paginator has <c>Pages</c> (every response) and
/// one property per result key (<c>TableNames</c>: the items of every page); the loop is the runtime's
/// <c>Codegen.Runtime.Paging.Paginator</c>, the rest is compiled from the model: the tokens, <c>more_results</c> and the
/// result keys are JMESPath expressions compiled to C# over the generated response type (<see cref="JmesCompiler"/>).
/// A paginator that does not fit its operation (a token member the input does not have, an expression that cannot
/// be typed) is a diagnostic at the expression in its file, CG0022 or CG0023, and is not generated; the rest of
/// the model is.
/// </summary>
internal static class PaginatorEmitter
{
    private const string Paginator = TypeExpressions.Runtime + ".Paging.Paginator";

    private static readonly string[] ReservedMembers = { "Pages", "Request", "Next", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };

    public static PaginatorOutput Emit(CodeModel model, CancellationToken cancellationToken)
    {
        var files = new List<GeneratedFile>();
        var diagnostics = new List<DiagnosticInfo>();
        var path = model.PaginatorsPath ?? model.SpecPath;
        var shapes = new CodeModelShapes(model);
        var made = new List<(CodePaginator Paginator, CodeOperation Operation)>();
        foreach (var paginator in model.Paginators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = model.Operations.First(o => o.Operation.Name == paginator.Paginator.Operation);
            var problems = new List<DiagnosticInfo>();
            var file = EmitPaginator(model, paginator, operation, shapes, path, problems);
            diagnostics.AddRange(problems);
            if (file is not null)
            {
                files.Add(new GeneratedFile(model.Namespace + "/" + paginator.TypeName + ".g.cs", file));
                made.Add((paginator, operation));
            }
        }

        if (made.Count > 0)
        {
            files.Add(new GeneratedFile(model.Namespace + "/" + model.ClientName + ".Paginators.g.cs", EmitClientPart(model, made, asInterface: false)));
            files.Add(new GeneratedFile(model.Namespace + "/" + model.ClientInterfaceName + ".Paginators.g.cs", EmitClientPart(model, made, asInterface: true)));
        }

        return new PaginatorOutput(files.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static string? EmitPaginator(CodeModel model, CodePaginator code, CodeOperation operation, CodeModelShapes shapes, string path, List<DiagnosticInfo> problems)
    {
        var paginator = code.Paginator;
        var owner = "the paginator of " + paginator.Operation;
        var request = model.Types.First(t => t.TypeName == operation.RequestTypeName);
        var response = model.Types.First(t => t.TypeName == operation.ResponseTypeName);
        var requestType = "global::" + model.Namespace + "." + request.TypeName;
        var responseType = "global::" + model.Namespace + "." + response.TypeName;
        var root = CodeModelShapes.Root(model, response, "response");
        var compiler = JmesCompiler.Create(shapes);

        JmesValue? Compile(ModelExpression expression, string part)
        {
            var (tree, error) = JmesParser.Parse(expression.Text);
            if (tree is not null)
            {
                try
                {
                    return compiler.Node(tree, root);
                }
                catch (JmesException e)
                {
                    error = e.Error;
                }
            }

            problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingExpression, path, At(expression, error!.Offset), part, expression.Text, owner, error.KindName, error.Message));
            return null;
        }

        void Problem(ModelExpression at, string message) =>
            problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingDefinition, path, at.Position, message));

        // Tokens: each input member with the output expression that gives its next value.
        var tokens = new List<(CodeMember Input, JmesValue Output, ModelExpression At)>();
        for (var i = 0; i < paginator.InputTokens.Count; i++)
        {
            var input = paginator.InputTokens[i];
            var member = request.Members.FirstOrDefault(m => m.Member.Name == input.Text);
            var output = Compile(paginator.OutputTokens[i], "output token");
            if (member is null)
            {
                Problem(input, $"{owner} takes its token in input member '{input.Text}', which {paginator.Operation}'s input does not have");
                continue;
            }

            if (!member.Nullable)
            {
                Problem(input, $"{owner} takes its token in input member '{input.Text}', which is required: the first page could not be asked for without a token");
                continue;
            }

            if (output is null)
            {
                continue;
            }

            var wanted = JmesCompiler.TypeOf(member.Type);
            if (output.Type != wanted)
            {
                problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingExpression, path, At(paginator.OutputTokens[i], 0), "output token", paginator.OutputTokens[i].Text, owner, "untypable",
                    $"it is {output.Type.Describe}, but input token '{input.Text}' takes {wanted.Describe}"));
                continue;
            }

            tokens.Add((member, output, paginator.OutputTokens[i]));
        }

        var more = paginator.MoreResults is { } moreResults ? Compile(moreResults, "more_results expression") : null;
        if (paginator.LimitKey is { } limit && !request.Members.Any(m => m.Member.Name == limit.Text))
        {
            Problem(limit, $"{owner} sets the page size with input member '{limit.Text}', which {paginator.Operation}'s input does not have");
        }

        var taken = new HashSet<string>(ReservedMembers, System.StringComparer.Ordinal) { code.TypeName };
        var items = new List<(string Name, JmesValue Value, ModelExpression Key)>();
        foreach (var key in paginator.ResultKeys)
        {
            if (Compile(key, "result key") is { } value)
            {
                items.Add((Identifiers.Unique(ItemsName(key.Text), taken), value, key));
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var w = SourceWriter.StartFile(model.Namespace);
        var limitMember = paginator.LimitKey is { } l ? request.Members.First(m => m.Member.Name == l.Text) : null;
        w.Line($"/// <summary>");
        w.Line($"/// The pages of <see cref=\"{requestType}\"/> ({DocComments.Escape(paginator.Operation)}), one request after another until the last page{(items.Count > 0 ? ", and the items on them" : "")}.");
        w.Line($"/// Made by <see cref=\"global::{model.Namespace}.{model.ClientName}.{code.TypeName}\"/>.");
        w.Line($"/// </summary>");
        w.Line("/// <remarks>");
        w.Line($"/// Each enumeration starts again from the request it was made with. The next request is that request with {string.Join(" and ", tokens.Select(t => $"<see cref=\"{requestType}.{t.Input.PropertyName}\"/>"))} set from the response;"
            + (limitMember is null ? "" : $" <see cref=\"{requestType}.{limitMember.PropertyName}\"/> sets the page size;")
            + " paging stops when the response has no next token, and throws <see cref=\"global::Codegen.Runtime.Paging.PaginationException\"/> if a response repeats the token of its own request.");
        w.Line("/// Cancel with the enumerator's token (<c>WithCancellation</c>): it is checked before each request and passed to it.");
        w.Line("/// </remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        if (operation.Operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"The service model marks this operation as deprecated.\")]");
        }

        w.Line($"{model.Accessibility} sealed partial class {code.TypeName}");
        w.OpenBrace();
        w.Line($"private readonly global::{model.Namespace}.{model.ClientInterfaceName} _client;");
        w.Line();
        w.Line($"/// <summary>Pages <paramref name=\"request\"/> with <paramref name=\"client\"/>.</summary>");
        var sender = Protocols.ProtocolGenerators.For(model.Metadata.Protocol).CanSend ? operation.MethodName : "SendAsync{TResponse}";
        w.Line($"/// <param name=\"client\">The client that sends the requests (through <see cref=\"global::{model.Namespace}.{model.ClientInterfaceName}.{sender}\"/>), or a fake of it.</param>");
        w.Line($"/// <param name=\"request\">The first request; its token members, if set, say where paging starts.</param>");
        w.Line($"public {code.TypeName}(global::{model.Namespace}.{model.ClientInterfaceName} client, {requestType} request)");
        w.OpenBrace();
        w.Line("_client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        w.Line("Request = request ?? throw new global::System.ArgumentNullException(nameof(request));");
        w.CloseBrace();
        w.Line();
        w.Line("/// <summary>The first request.</summary>");
        w.Line($"public {requestType} Request {{ get; }}");
        w.Line();
        w.Line("/// <summary>Every response, in order, from the first request's.</summary>");
        w.Line($"public global::System.Collections.Generic.IAsyncEnumerable<{responseType}> Pages =>");
        w.Indent();
        w.Line($"{Paginator}.Pages<{requestType}, {responseType}>(Request, {Send(model, operation, responseType)}, Next, {CSharp.Literal(paginator.Operation)}, {CSharp.Literal(string.Join(", ", tokens.Select(t => t.Input.Member.Name)))});");
        w.Outdent();
        foreach (var (name, value, key) in items)
        {
            w.Line();
            string call;
            if (value.Type is JmesList list)
            {
                w.Line($"/// <summary>The items of every page, in order: <c>{DocComments.Escape(key.Text)}</c> of each response.</summary>");
                call = $"{Paginator}.Items<{responseType}, {list.ElementCSharp}>";
                w.Line($"public global::System.Collections.Generic.IAsyncEnumerable<{list.ElementCSharp}> {name} =>");
            }
            else
            {
                w.Line($"/// <summary><c>{DocComments.Escape(key.Text)}</c> of every response that has it, in order.</summary>");
                call = $"{Paginator}.{(value.Type.IsValueType ? "StructValues" : "Values")}<{responseType}, {value.Type.NonNullCSharp}>";
                w.Line($"public global::System.Collections.Generic.IAsyncEnumerable<{value.Type.NonNullCSharp}> {name} =>");
            }

            w.Indent();
            w.Line($"{call}(Pages, static response => {value.Code});");
            w.Outdent();
        }

        w.Line();
        w.Line("/// <summary>The request for the page after <paramref name=\"response\"/>, or null when it is the last.</summary>");
        w.Line($"private static {requestType}? Next({requestType} request, {responseType} response)");
        w.OpenBrace();
        if (more is not null)
        {
            w.Line($"if (!({compiler.Truthy(more, 0)}))");
            w.OpenBrace();
            w.Line("return null;");
            w.CloseBrace();
            w.Line();
        }

        var names = new List<(string Token, string Has)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = "token" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var has = "has" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.Line($"var {token} = {tokens[i].Output.Code};");
            // Like botocore, an empty token (an empty string, list or object) is no token.
            w.Line($"var {has} = {compiler.Truthy(tokens[i].Output with { Code = token }, 0)};");
            names.Add((token, has));
        }

        w.Line($"if ({string.Join(" && ", names.Select(n => "!" + n.Has))})");
        w.OpenBrace();
        w.Line("return null;");
        w.CloseBrace();
        w.Line();
        w.Line("return request");
        w.Indent();
        for (var i = 0; i < tokens.Count; i++)
        {
            // With several tokens, one without a next value is unset (botocore drops it from the request).
            var value = tokens.Count == 1 ? names[i].Token : $"{names[i].Has} ? {names[i].Token} : null";
            w.Line($".With{tokens[i].Input.PropertyName}({value}){(i == tokens.Count - 1 ? ";" : "")}");
        }

        w.Outdent();
        w.CloseBrace();
        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary>
    /// What a paginator sends with: the interface's operation method (a fake's, when the client is a fake), or, for a
    /// protocol that cannot send yet (CG0008: no operation methods), <c>SendAsync</c>, which throws NotSupportedException.
    /// </summary>
    private static string Send(CodeModel model, CodeOperation operation, string responseType) =>
        Protocols.ProtocolGenerators.For(model.Metadata.Protocol).CanSend ? "_client." + operation.MethodName : $"_client.SendAsync<{responseType}>";

    /// <summary>
    /// The paginator methods, as a part of the client or of its interface (where the method has a default body, so a
    /// fake of the interface pages through its own operation method).
    /// </summary>
    private static string EmitClientPart(CodeModel model, List<(CodePaginator Paginator, CodeOperation Operation)> made, bool asInterface)
    {
        var w = SourceWriter.StartFile(model.Namespace);
        w.Line(asInterface ? $"{model.Accessibility} partial interface {model.ClientInterfaceName}" : $"{model.Accessibility} partial class {model.ClientName}");
        w.OpenBrace();
        var first = true;
        foreach (var (paginator, operation) in made)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var type = "global::" + model.Namespace + "." + paginator.TypeName;
            w.Line($"/// <summary>Pages through {DocComments.Escape(paginator.Paginator.Operation)} from <paramref name=\"request\"/>: <c>Pages</c> gives every response{(paginator.Paginator.ResultKeys.Count > 0 ? ", the other properties the items on them" : "")}. Nothing is sent until it is enumerated.</summary>");
            w.Line("/// <param name=\"request\">The first request.</param>");
            if (operation.Operation.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"The service model marks this operation as deprecated.\")]");
            }

            w.Line($"{(asInterface ? "" : "public ")}{type} {paginator.TypeName}(global::{model.Namespace}.{operation.RequestTypeName} request) => new {type}(this, request);");
        }

        w.CloseBrace();
        return w.EndFile();
    }

    /// <summary>The property for a result key: its last member name (<c>Contents</c>, <c>Reservations[].Instances[]</c>: <c>Instances</c>).</summary>
    private static string ItemsName(string expression)
    {
        var (tree, _) = JmesParser.Parse(expression);
        var name = tree is null ? null : LastField(tree);
        return name is null ? "Items" : Identifiers.ToPascalCase(name);
    }

    private static string? LastField(JmesNode node) => node switch
    {
        JmesField field => field.Name,
        JmesSubexpression sub => LastField(sub.Right) ?? LastField(sub.Left),
        JmesPipe pipe => LastField(pipe.Right) ?? LastField(pipe.Left),
        JmesProjection projection => LastField(projection.Right) ?? LastField(projection.Left),
        JmesFlatten flatten => LastField(flatten.Left),
        JmesIndex index => LastField(index.Left),
        JmesSlice slice => LastField(slice.Left),
        _ => null,
    };

    /// <summary>Where offset <paramref name="offset"/> of an expression is in its file: past the opening quote.</summary>
    private static SourceSpan At(ModelExpression expression, int offset)
    {
        var start = expression.Position;
        return new SourceSpan(start.Line, start.Column + 1 + offset, start.Offset + 1 + offset, 1);
    }
}

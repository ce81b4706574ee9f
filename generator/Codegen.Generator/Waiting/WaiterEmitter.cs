using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emit;
using Codegen.Generator.Jmespath;
using Codegen.Generator.Model;

namespace Codegen.Generator.Waiting;

/// <summary>The waiter file of a model and the problems found compiling its waiters.</summary>
internal sealed record WaiterOutput(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Writes the waiters of a model as a part of the client, <c>{Client}.Waiters.g.cs</c>: for each waiter
/// <c>WaitUntil{Name}Async(request, maxWait, cancellationToken)</c> (and an overload that takes
/// <c>WaiterOptions</c>), and the waiter's definition: its delays, its acceptors and one method that matches them,
/// compiled from the model. A path acceptor's JMESPath expression becomes C# over the generated response type
/// (<see cref="JmesCompiler"/>), compared with the expected value there; an expression that cannot be compiled, or
/// whose value can never equal the expected one, is a diagnostic at its place in the file (CG0023, CG0022) and the
/// waiter is not generated. The loop is the runtime's <c>Codegen.Runtime.Waiters.Waiter</c>.
/// </summary>
internal static class WaiterEmitter
{
    private const string Waiters = TypeExpressions.Runtime + ".Waiters";
    private const string ServiceError = TypeExpressions.Runtime + ".Errors.AwsServiceException";
    private const string TimeSpan = "global::System.TimeSpan";

    public static WaiterOutput Emit(CodeModel model, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var path = model.WaitersPath ?? model.SpecPath;
        var shapes = new CodeModelShapes(model);
        var made = new List<(CodeWaiter Waiter, CodeOperation Operation, string Match)>();
        foreach (var waiter in model.Waiters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = model.Operations.First(o => o.Operation.Name == waiter.Waiter.Operation);
            var problems = new List<DiagnosticInfo>();
            var match = CompileAcceptors(model, waiter, operation, shapes, path, problems);
            diagnostics.AddRange(problems);
            if (match is not null)
            {
                made.Add((waiter, operation, match));
            }
        }

        // The client's part holds the definitions; the interface's part has the same methods with default bodies that
        // send through the interface's SendAsync (and so its operation method), so that a hand-written fake of the
        // interface can be waited on.
        var files = made.Count == 0
            ? EquatableArray<GeneratedFile>.Empty
            : new[]
            {
                new GeneratedFile(model.Namespace + "/" + model.ClientName + ".Waiters.g.cs", EmitClientPart(model, made, asInterface: false)),
                new GeneratedFile(model.Namespace + "/" + model.ClientInterfaceName + ".Waiters.g.cs", EmitClientPart(model, made, asInterface: true)),
            }.ToEquatableArray();
        return new WaiterOutput(files, diagnostics.ToEquatableArray());
    }

    /// <summary>The body of the match method (statements), or null when an acceptor does not compile.</summary>
    private static string? CompileAcceptors(CodeModel model, CodeWaiter code, CodeOperation operation, CodeModelShapes shapes, string path, List<DiagnosticInfo> problems)
    {
        var waiter = code.Waiter;
        var owner = "the waiter " + waiter.Name;
        var response = model.Types.First(t => t.TypeName == operation.ResponseTypeName);
        var root = CodeModelShapes.Root(model, response, "response");
        var compiler = JmesCompiler.Create(shapes);
        var w = new SourceWriter();
        for (var i = 0; i < waiter.Acceptors.Count; i++)
        {
            var acceptor = waiter.Acceptors[i];
            var index = CSharp.Int(i);
            w.Line($"// {i + 1}. {OneLine(Describe(acceptor))}");
            switch (acceptor.Matcher)
            {
                case WaiterMatcher.Status:
                    w.Line($"if ((response?.HttpStatus ?? error?.StatusCode) == {acceptor.Expected!.Json}) return {index};");
                    break;
                case WaiterMatcher.Error:
                    w.Line($"if (error is not null && error.ErrorCode == {CSharp.Literal(acceptor.Expected!.Display)}) return {index};");
                    break;
                case WaiterMatcher.AnyError:
                    w.Line($"if (error is not null) return {index};");
                    break;
                case WaiterMatcher.NoError:
                    w.Line($"if (response is not null) return {index};");
                    break;
                default:
                    var condition = PathCondition(compiler, acceptor, root, path, owner, i, problems);
                    if (condition is null)
                    {
                        continue;
                    }

                    // A JMESPath error in the expression (length of an absent list) is no match: WaiterMatchers.Holds. Only
                    // the runtime's JMESPath functions raise one; a condition of member reads and comparisons cannot.
                    w.Line(condition.Contains(TypeExpressions.Runtime + ".Jmespath.")
                        ? $"if (response is not null && {Waiters}.WaiterMatchers.Holds(response, static response => {condition})) return {index};"
                        : $"if (response is not null && {condition}) return {index};");
                    break;
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        w.Line("return -1;");
        return w.ToString();
    }

    /// <summary>
    /// A C# <c>bool</c> over <c>response</c> (not null): whether a path, pathAll or pathAny acceptor matches. Internal for
    /// the typed JMESPath differential of the CLI (<c>jmespath-typed</c>), which runs the same condition against JmesPath.Net.
    /// </summary>
    internal static string? PathCondition(JmesCompiler compiler, WaiterAcceptor acceptor, JmesValue root, string path, string owner, int i, List<DiagnosticInfo> problems)
    {
        var argument = acceptor.Argument!;
        var part = "acceptor " + (i + 1).ToString(CultureInfo.InvariantCulture) + " expression";
        var (tree, error) = JmesParser.Parse(argument.Text);
        if (tree is not null)
        {
            try
            {
                var value = compiler.Node(tree, root);
                var expected = compiler.Node(new JmesLiteral(acceptor.Expected!.Json, 0), root);
                if (acceptor.Matcher == WaiterMatcher.Path)
                {
                    Comparable(value.Type, expected.Type, acceptor);
                    return compiler.Equality(value, expected, 0);
                }

                // pathAll: a non-empty list whose every element equals the expected value; pathAny: some element does.
                var all = acceptor.Matcher == WaiterMatcher.PathAll;
                var list = compiler.NewName("l");
                switch (value.Type)
                {
                    case JmesList { Element: var elementType, ElementNullable: var nullable }:
                        Comparable(elementType, expected.Type, acceptor);
                        var element = compiler.NewName("e");
                        var test = compiler.Equality(new JmesValue(element, elementType, !nullable), expected, 0);
                        return all
                            ? $"{value.Code} is {{ Count: > 0 }} {list} && global::System.Linq.Enumerable.All({list}, static {element} => {test})"
                            : $"{value.Code} is {{ }} {list} && global::System.Linq.Enumerable.Any({list}, static {element} => {test})";
                    case JmesAny:
                        return $"{Waiters}.WaiterMatchers.{(all ? "All" : "Any")}({value.Code}, {compiler.ToNode(expected, 0)})";
                    default:
                        throw JmesCompiler.Untypable(0, $"a {(all ? "pathAll" : "pathAny")} acceptor needs a list, but here the value is {value.Type.Describe}");
                }
            }
            catch (JmesException e)
            {
                error = e.Error;
            }
        }

        problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingExpression, path, At(argument, error!.Offset), part, argument.Text, owner, error.KindName, error.Message));
        return null;
    }

    /// <summary>Fails when a value of <paramref name="actual"/> can never equal the expected value (a string against a number, ...).</summary>
    private static void Comparable(JmesType actual, JmesType expected, WaiterAcceptor acceptor)
    {
        static string? Kind(JmesType type) => type switch
        {
            JmesString or JmesEnum { IsInt: false } => "string",
            JmesNumber or JmesEnum { IsInt: true } => "number",
            JmesBoolean => "boolean",
            JmesAny => null,
            _ => "other",
        };

        var a = Kind(actual);
        var e = Kind(expected);
        if (a is not null && e is not null && a != e)
        {
            throw JmesCompiler.Untypable(0, $"it is {actual.Describe}, which never equals the expected {e} {acceptor.Expected!.Json}");
        }
    }

    private static string EmitClientPart(CodeModel model, List<(CodeWaiter Waiter, CodeOperation Operation, string Match)> made, bool asInterface)
    {
        var w = SourceWriter.StartFile(model.Namespace);
        w.Line(asInterface ? $"{model.Accessibility} partial interface {model.ClientInterfaceName}" : $"{model.Accessibility} partial class {model.ClientName}");
        var modifier = asInterface ? "" : "public ";
        w.OpenBrace();
        var first = true;
        foreach (var (code, operation, match) in made)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var waiter = code.Waiter;
            var requestType = "global::" + model.Namespace + "." + operation.RequestTypeName;
            var responseType = "global::" + model.Namespace + "." + operation.ResponseTypeName;
            var definitionType = $"{Waiters}.WaiterDefinition<{responseType}>";
            var field = code.MethodName.Substring(0, code.MethodName.Length - "Async".Length) + "Definition";
            var result = $"global::System.Threading.Tasks.Task<{responseType}?>";
            var delays = waiter.MinDelay == waiter.MaxDelay
                ? $"every {waiter.MinDelay} s"
                : $"with exponential backoff and jitter from {waiter.MinDelay} s to {waiter.MaxDelay} s";
            var attempts = waiter.MaxAttempts is { } max ? $", at most {max} times" : "";
            var deprecated = waiter.Deprecated || operation.Operation.Deprecated;

            w.Line("/// <summary>");
            w.Line($"/// Waits until {DocComments.Escape(waiter.Name)}: calls {DocComments.Escape(waiter.Operation)} with <paramref name=\"request\"/> {delays}{attempts}, until an acceptor says success or failure.");
            if (waiter.Documentation is { Length: > 0 } documentation)
            {
                w.Line($"/// {DocComments.Escape(OneLine(documentation))}");
            }

            w.Line("/// </summary>");
            w.Line("/// <remarks>The acceptors, in order:");
            w.Line("/// <list type=\"number\">");
            foreach (var acceptor in waiter.Acceptors)
            {
                w.Line($"/// <item><description>{State(acceptor.State)}: <c>{DocComments.Escape(Describe(acceptor))}</c></description></item>");
            }

            w.Line("/// </list>");
            w.Line("/// A service error no acceptor matches stops the waiter in failure.");
            w.Line("/// </remarks>");
            w.Line("/// <param name=\"request\">The request sent at every attempt.</param>");
            w.Line("/// <param name=\"maxWait\">The longest to wait in all.</param>");
            w.Line("/// <param name=\"cancellationToken\">Stops waiting; also passed to every request.</param>");
            w.Line("/// <returns>The response that matched a success acceptor, or null when an error acceptor did.</returns>");
            w.Line($"/// <exception cref=\"{Waiters}.WaiterFailureException\">A failure acceptor matched (it names it), or an error that no acceptor matches.</exception>");
            w.Line($"/// <exception cref=\"{Waiters}.WaiterTimeoutException\">The time or the attempts ran out; it carries the last response.</exception>");
            if (deprecated)
            {
                w.Line("[global::System.Obsolete(\"The service model marks this waiter or its operation as deprecated.\")]");
            }

            w.Line($"{modifier}{result} {code.MethodName}({requestType} request, {TimeSpan} maxWait, global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Indent();
            w.Line($"{code.MethodName}(request, new {Waiters}.WaiterOptions(maxWait), cancellationToken);");
            w.Outdent();
            w.Line();
            w.Line($"/// <summary>Waits until {DocComments.Escape(waiter.Name)}, as <see cref=\"{code.MethodName}({requestType}, {TimeSpan}, global::System.Threading.CancellationToken)\"/> does, with <paramref name=\"options\"/> for the maximum wait and what to change from the model (delays, attempts, the clock).</summary>");
            w.Line("/// <param name=\"request\">The request sent at every attempt.</param>");
            w.Line("/// <param name=\"options\">The maximum wait and the changes.</param>");
            w.Line("/// <param name=\"cancellationToken\">Stops waiting; also passed to every request.</param>");
            w.Line("/// <returns>The response that matched a success acceptor, or null when an error acceptor did.</returns>");
            if (deprecated)
            {
                w.Line("[global::System.Obsolete(\"The service model marks this waiter or its operation as deprecated.\")]");
            }

            w.Line($"{modifier}{result} {code.MethodName}({requestType} request, {Waiters}.WaiterOptions options, global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Indent();
            if (asInterface)
            {
                // Through the interface's SendAsync, which calls the (faked) operation method, or says the protocol
                // cannot send; no client clock here: the options' clock, else the system's.
                w.Line($"{Waiters}.Waiter.WaitAsync<{requestType}, {responseType}>(global::{model.Namespace}.{model.ClientName}.{field}, request, SendAsync<{responseType}>, options, null, cancellationToken);");
                w.Outdent();
                continue;
            }

            w.Line($"{Waiters}.Waiter.WaitAsync<{requestType}, {responseType}>({field}, request, SendAsync<{responseType}>, options, Clock, cancellationToken);");
            w.Outdent();
            w.Line();
            w.Line($"internal static readonly {definitionType} {field} = new {definitionType}(");
            w.Indent();
            w.Line($"{CSharp.Literal(waiter.Name)},");
            w.Line($"{CSharp.Literal(waiter.Operation)},");
            w.Line($"new {Waiters}.WaiterAcceptor[]");
            w.OpenBrace();
            for (var i = 0; i < waiter.Acceptors.Count; i++)
            {
                var acceptor = waiter.Acceptors[i];
                w.Line($"new {Waiters}.WaiterAcceptor({i + 1}, {Waiters}.WaiterState.{acceptor.State}, {CSharp.Literal(Describe(acceptor))}),");
            }

            w.CloseBrace(",");
            w.Line($"static ({responseType}? response, {ServiceError}? error) =>");
            w.OpenBrace();
            w.Lines(match.TrimEnd('\n'));
            w.CloseBrace(",");
            w.Line($"{TimeSpan}.FromSeconds({waiter.MinDelay}),");
            w.Line($"{TimeSpan}.FromSeconds({waiter.MaxDelay}),");
            w.Line($"{(waiter.MaxAttempts is { } limit ? CSharp.Int(limit) : "null")});");
            w.Outdent();
        }

        w.CloseBrace();
        return w.EndFile();
    }

    private static string State(WaiterState state) => state switch
    {
        WaiterState.Success => "success",
        WaiterState.Failure => "failure",
        _ => "retry",
    };

    /// <summary>What an acceptor matches, as the model says it: <c>path Table.TableStatus == "ACTIVE"</c>.</summary>
    private static string Describe(WaiterAcceptor acceptor) => acceptor.Matcher switch
    {
        WaiterMatcher.Path => $"path({acceptor.Argument!.Text}) == {acceptor.Expected!.Json}",
        WaiterMatcher.PathAll => $"pathAll({acceptor.Argument!.Text}) == {acceptor.Expected!.Json}",
        WaiterMatcher.PathAny => $"pathAny({acceptor.Argument!.Text}) == {acceptor.Expected!.Json}",
        WaiterMatcher.Status => $"status == {acceptor.Expected!.Json}",
        WaiterMatcher.Error => $"error == {acceptor.Expected!.Display}",
        WaiterMatcher.AnyError => "any error",
        _ => "no error",
    };

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ').Replace('\u0085', ' ');

    /// <summary>Where offset <paramref name="offset"/> of an expression is in its file: past the opening quote.</summary>
    private static SourceSpan At(ModelExpression expression, int offset)
    {
        var start = expression.Position;
        return new SourceSpan(start.Line, start.Column + 1 + offset, start.Offset + 1 + offset, 1);
    }
}

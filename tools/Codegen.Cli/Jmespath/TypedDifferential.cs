using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Codegen.Generator;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emit;
using Codegen.Generator.Jmespath;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Generator.Waiting;
using Codegen.Testing;
using Microsoft.CodeAnalysis;

namespace Codegen.Cli.Jmespath;

/// <summary>One JMESPath expression of a model's paginators or waiters, where it is used.</summary>
internal sealed record TypedExpression(string Owner, string Expression, CodeType Response)
{
    /// <summary>For a waiter's path acceptor: the acceptor, whose whole condition is compared too.</summary>
    public WaiterAcceptor? Acceptor { get; init; }
}

/// <summary>What happened to one expression over its samples.</summary>
internal sealed record TypedOutcome(string Model, TypedExpression Expression, int Samples, int Agreed, int ConditionsTrue, string? Failure)
{
    /// <summary>Samples on which both sides raised a JMESPath error (e.g. <c>length</c> of an absent list).</summary>
    public int Errors { get; init; }

    public bool Passed => Failure is null;
}

/// <summary>
/// The typed JMESPath differential: every expression of a model's paginators (output tokens, result keys, more
/// results) and waiters (path acceptors) compiled by the generator's <see cref="JmesCompiler"/> to C# over the
/// generated response type, as the paginator and waiter emitters compile them, then run on random responses
/// (<see cref="TypedSamples"/>) and compared with JmesPath.Net (a JMESPath implementation nobody here wrote) on the
/// same responses as JSON: the value of the expression, and for a waiter acceptor whether it matches.
/// </summary>
internal static class TypedDifferential
{
    private const string HarnessNamespace = "JmesTypedHarness";

    /// <param name="modelName">The model's name in the outcomes.</param>
    /// <param name="path">The service-2.json (its paginators and waiters files beside it).</param>
    /// <param name="samples">Random responses per expression.</param>
    /// <param name="reference">
    /// The expression JmesPath.Net evaluates for a given one: the same one, except in the test that proves a
    /// disagreement is reported.
    /// </param>
    public static List<TypedOutcome> Run(string modelName, string path, int samples, Func<string, string>? reference = null)
    {
        reference ??= static expression => expression;
        var input = CompanionFiles.With(new SpecInput(path, File.ReadAllText(path), SpecOptions.Default));
        var named = SpecPipeline.Name(SpecPipeline.Parse(input, default), default);
        var model = named.Model ?? throw new InvalidOperationException(modelName + " does not read: " + string.Join("; ", named.Diagnostics.Take(3).Select(d => d.Message)));
        var expressions = Expressions(model);
        if (expressions.Count == 0)
        {
            return new List<TypedOutcome>();
        }

        var outcomes = new List<TypedOutcome>();
        var shapes = new CodeModelShapes(model);
        var methods = new List<(TypedExpression Expression, int Index, string Value, string? Condition)>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            var root = CodeModelShapes.Root(model, expression.Response, "response");
            var compiler = JmesCompiler.Create(shapes);
            var (tree, error) = JmesParser.Parse(expression.Expression);
            string? value = null;
            string? condition = null;
            if (tree is not null)
            {
                try
                {
                    value = compiler.Node(tree, root).Code;
                    if (expression.Acceptor is { } acceptor)
                    {
                        var problems = new List<DiagnosticInfo>();
                        condition = WaiterEmitter.PathCondition(compiler, acceptor, root, path, expression.Owner, 0, problems);
                        if (condition is null)
                        {
                            error = new JmesError(JmesErrorKind.Untypable, 0, problems.FirstOrDefault()?.Message ?? "the acceptor does not compile");
                        }
                    }
                }
                catch (JmesException e)
                {
                    error = e.Error;
                }
            }

            if (error is not null || value is null)
            {
                // The emitters report the same expression as CG0023 and generate no paginator or waiter for it.
                outcomes.Add(new TypedOutcome(modelName, expression, 0, 0, 0, "not compiled (CG0023): " + error?.Message));
                continue;
            }

            methods.Add((expression, i, value, condition));
        }

        var assembly = Compile(model, methods.Select(m => (m.Index, m.Expression.Response, m.Value, m.Condition)).ToList(), out var compileErrors);
        if (assembly is null)
        {
            outcomes.AddRange(methods.Select(m => new TypedOutcome(modelName, m.Expression, 0, 0, 0, "the generated C# does not compile: " + compileErrors)));
            return outcomes;
        }

        var strings = new List<string>();
        var numbers = new List<long>();
        foreach (var expression in expressions)
        {
            Literals(expression, strings, numbers);
        }

        var sampler = new TypedSamples(model, assembly, strings, numbers);
        var harness = assembly.GetType(HarnessNamespace + ".Expressions")!;
        var jmes = new DevLab.JmesPath.JmesPath();
        foreach (var (expression, index, _, condition) in methods)
        {
            var responseType = assembly.GetType(model.Namespace + "." + expression.Response.TypeName)!;
            var valueMethod = harness.GetMethod("Value" + index)!;
            var conditionMethod = condition is null ? null : harness.GetMethod("Condition" + index)!;
            string? failure = null;
            var agreed = 0;
            var conditionsTrue = 0;
            var errors = 0;
            for (var s = 0; s < samples && failure is null; s++)
            {
                var (typed, json) = sampler.Structure(responseType, unchecked(StableHash(modelName + expression.Owner + expression.Expression) * 31 + s));
                var document = json.ToJsonString();
                string? expected;
                string? referenceError = null;
                try
                {
                    expected = jmes.Transform(document, reference(expression.Expression));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // JmesPath.Net reports a type error (length(null), ...) by throwing, as the specification says.
                    expected = null;
                    referenceError = e.GetType().Name + ": " + e.Message;
                }

                var (actual, typedError) = Typed(valueMethod, typed, sampler);
                if (referenceError is not null || typedError is not null)
                {
                    if (referenceError is null || typedError is null)
                    {
                        failure = $"sample {s}: JmesPath.Net {referenceError ?? expected}, typed {typedError ?? actual}; document {document}";
                        break;
                    }

                    errors++;
                    agreed++;
                    continue; // both raise a JMESPath error: the waiter's condition raises it too
                }

                var differences = JsonSemantics.Differences(expected!, actual!);
                if (differences.Count > 0)
                {
                    failure = $"sample {s}: JmesPath.Net {expected}, typed {actual} ({string.Join("; ", differences.Take(3))}); document {document}";
                    break;
                }

                if (conditionMethod is not null)
                {
                    var referenceMatch = Matches(expression.Acceptor!, JsonNode.Parse(expected!));
                    var ours = (bool)conditionMethod.Invoke(null, new[] { typed })!;
                    if (referenceMatch != ours)
                    {
                        failure = $"sample {s}: the acceptor ({expression.Acceptor!.Matcher} {expression.Acceptor.Expected!.Json}) matches by JmesPath.Net: {referenceMatch}, typed: {ours}; value {expected}; document {document}";
                        break;
                    }

                    conditionsTrue += ours ? 1 : 0;
                }

                agreed++;
            }

            outcomes.Add(new TypedOutcome(modelName, expression, samples, agreed, conditionsTrue, failure) { Errors = errors });
        }

        return outcomes;
    }

    /// <summary>Every expression of the model's paginators and waiters, with the response type it runs on.</summary>
    internal static List<TypedExpression> Expressions(CodeModel model)
    {
        var list = new List<TypedExpression>();
        CodeType? ResponseOf(string operation)
        {
            var code = model.Operations.FirstOrDefault(o => o.Operation.Name == operation);
            return code is null ? null : model.Types.FirstOrDefault(t => t.TypeName == code.ResponseTypeName);
        }

        foreach (var paginator in model.Paginators)
        {
            if (ResponseOf(paginator.Paginator.Operation) is not { } response)
            {
                continue; // CG0022: the paginator names an operation the model does not have
            }

            var owner = "paginator " + paginator.Paginator.Operation;
            list.AddRange(paginator.Paginator.OutputTokens.Select(t => new TypedExpression(owner + " output_token", t.Text, response)));
            list.AddRange(paginator.Paginator.ResultKeys.Select(t => new TypedExpression(owner + " result_key", t.Text, response)));
            if (paginator.Paginator.MoreResults is { } more)
            {
                list.Add(new TypedExpression(owner + " more_results", more.Text, response));
            }
        }

        foreach (var waiter in model.Waiters)
        {
            if (ResponseOf(waiter.Waiter.Operation) is not { } response)
            {
                continue;
            }

            for (var i = 0; i < waiter.Waiter.Acceptors.Count; i++)
            {
                var acceptor = waiter.Waiter.Acceptors[i];
                if (acceptor.Argument is { } argument && acceptor.Matcher is WaiterMatcher.Path or WaiterMatcher.PathAll or WaiterMatcher.PathAny)
                {
                    list.Add(new TypedExpression($"waiter {waiter.Waiter.Name} acceptor {i + 1}", argument.Text, response) { Acceptor = acceptor });
                }
            }
        }

        return list;
    }

    /// <summary>Whether a path, pathAll or pathAny acceptor matches the value JmesPath.Net found (the Smithy waiter rules).</summary>
    private static bool Matches(WaiterAcceptor acceptor, JsonNode? value)
    {
        bool Equal(JsonNode? node) => JsonSemantics.Differences(acceptor.Expected!.Json, node?.ToJsonString() ?? "null").Count == 0;
        return acceptor.Matcher switch
        {
            WaiterMatcher.Path => Equal(value),
            WaiterMatcher.PathAll => value is JsonArray all && all.Count > 0 && all.All(Equal),
            WaiterMatcher.PathAny => value is JsonArray any && any.Any(Equal),
            _ => throw new ArgumentOutOfRangeException(nameof(acceptor)),
        };
    }

    /// <summary>The typed value as JSON text, or the JMESPath error it raised.</summary>
    private static (string? Json, string? Error) Typed(MethodInfo method, object typed, TypedSamples sampler)
    {
        try
        {
            return (sampler.ToJson(method.Invoke(null, new[] { typed }))?.ToJsonString() ?? "null", null);
        }
        catch (TargetInvocationException e) when (e.InnerException is Codegen.Runtime.Jmespath.JmesPathException error)
        {
            return (null, error.Kind + ": " + error.Message);
        }
    }

    /// <summary>The string and number literals of an expression and of its acceptor's expected value.</summary>
    private static void Literals(TypedExpression expression, List<string> strings, List<long> numbers)
    {
        void Add(JsonNode? node)
        {
            switch (node)
            {
                case JsonValue value when value.TryGetValue<string>(out var text):
                    strings.Add(text);
                    break;
                case JsonValue value when value.TryGetValue<long>(out var number):
                    numbers.Add(number);
                    break;
                case JsonValue value when value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 1e15:
                    numbers.Add((long)real);
                    break;
            }
        }

        if (expression.Acceptor?.Expected is { } expected)
        {
            Add(JsonNode.Parse(expected.Json));
        }

        // Raw strings ('stopped') and JSON literals (`0`) in filters and comparisons.
        var text = expression.Expression;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\'' or '`')
            {
                var end = text.IndexOf(text[i], i + 1);
                if (end < 0)
                {
                    break;
                }

                var literal = text.Substring(i + 1, end - i - 1);
                if (text[i] == '\'')
                {
                    strings.Add(literal);
                }
                else
                {
                    try
                    {
                        Add(JsonNode.Parse(literal));
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        // a literal the expression itself would reject: nothing to learn from it
                    }
                }

                i = end;
            }
        }
    }

    /// <summary>The response types and what they reach, the harness methods, compiled into one in-memory assembly.</summary>
    private static Assembly? Compile(CodeModel model, List<(int Index, CodeType Response, string Value, string? Condition)> methods, out string errors)
    {
        var files = new List<(string, string)>();
        foreach (var type in Reachable(model, methods.Select(m => m.Response)))
        {
            var source = type.Shape.Kind switch
            {
                ShapeKind.Enum or ShapeKind.IntEnum => EnumEmitter.Emit(model, type),
                ShapeKind.Union => UnionEmitter.Emit(model, type),
                _ => type.Role == TypeRole.Error ? ErrorEmitter.Emit(model, type) : StructureEmitter.Emit(model, type),
            };
            files.Add((type.FileName + ".g.cs", source));
        }

        var harness = new System.Text.StringBuilder();
        harness.Append("#nullable enable\nnamespace ").Append(HarnessNamespace).Append("\n{\n    public static class Expressions\n    {\n");
        foreach (var (index, response, value, condition) in methods)
        {
            var type = "global::" + model.Namespace + "." + response.TypeName;
            harness.Append($"        public static object? Value{index}({type} response) => {value};\n");
            if (condition is not null)
            {
                harness.Append($"        public static bool Condition{index}({type} response) => {condition};\n");
            }
        }

        harness.Append("    }\n}\n");
        files.Add(("Harness.cs", harness.ToString()));

        var compilation = InMemoryCompiler.Create("JmesTyped_" + model.ServiceName, files);
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            errors = string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).Select(d => d.ToString()));
            return null;
        }

        errors = "";
        stream.Position = 0;
        return new AssemblyLoadContext("JmesTyped_" + model.ServiceName, isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>The generated types a value of <paramref name="roots"/> can hold, the roots included.</summary>
    private static List<CodeType> Reachable(CodeModel model, IEnumerable<CodeType> roots)
    {
        var byName = new Dictionary<string, CodeType>(StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            byName["global::" + model.Namespace + "." + type.TypeName] = type;
        }

        var seen = new HashSet<CodeType>();
        var queue = new Queue<CodeType>(roots);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var member in type.Members)
            {
                for (var t = member.Type; t is not null; t = t.Element)
                {
                    if (byName.TryGetValue(t.CSharpType.TrimEnd('?'), out var target))
                    {
                        queue.Enqueue(target);
                    }
                }
            }
        }

        return seen.OrderBy(t => t.TypeName, StringComparer.Ordinal).ToList();
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}

using System.Collections.Generic;
using System.Linq;

namespace Codegen.Generator.Jmespath;

/// <summary>
/// The JMESPath built-in functions: their signatures (checked at compile time: unknown names, arities, and argument
/// types where the type is known) and their code. <c>length</c>, <c>contains</c>, <c>starts_with</c>,
/// <c>ends_with</c>, <c>keys</c> and <c>not_null</c> are typed over the generated types; every function also runs over JSON
/// values (the runtime's <c>JmesFunctions</c>), which is where the others go.
/// </summary>
internal static class JmesFunctions
{
    private const string Typed = "global::Codegen.Runtime.Jmespath.JmesTyped";
    private const string Runtime = "global::Codegen.Runtime.Jmespath.JmesFunctions";

    /// <summary>What an argument accepts.</summary>
    private enum Accepts
    {
        Any,
        Number,
        String,
        Array,
        Object,
        ArrayOfNumbers,
        ArrayOfStrings,
        ArrayOfNumbersOrStrings,
        StringOrArray,
        StringArrayOrObject,
        Expression,
    }

    private sealed record Signature(string Method, Accepts[] Parameters, bool Variadic = false);

    private static readonly Dictionary<string, Signature> Signatures = new(System.StringComparer.Ordinal)
    {
        ["abs"] = new("Abs", new[] { Accepts.Number }),
        ["avg"] = new("Avg", new[] { Accepts.ArrayOfNumbers }),
        ["ceil"] = new("Ceil", new[] { Accepts.Number }),
        ["contains"] = new("Contains", new[] { Accepts.StringOrArray, Accepts.Any }),
        ["ends_with"] = new("EndsWith", new[] { Accepts.String, Accepts.String }),
        ["floor"] = new("Floor", new[] { Accepts.Number }),
        ["join"] = new("Join", new[] { Accepts.String, Accepts.ArrayOfStrings }),
        ["keys"] = new("Keys", new[] { Accepts.Object }),
        ["length"] = new("Length", new[] { Accepts.StringArrayOrObject }),
        ["map"] = new("Map", new[] { Accepts.Expression, Accepts.Array }),
        ["max"] = new("Max", new[] { Accepts.ArrayOfNumbersOrStrings }),
        ["max_by"] = new("MaxBy", new[] { Accepts.Array, Accepts.Expression }),
        ["merge"] = new("Merge", new[] { Accepts.Object }, Variadic: true),
        ["min"] = new("Min", new[] { Accepts.ArrayOfNumbersOrStrings }),
        ["min_by"] = new("MinBy", new[] { Accepts.Array, Accepts.Expression }),
        ["not_null"] = new("NotNull", new[] { Accepts.Any }, Variadic: true),
        ["reverse"] = new("Reverse", new[] { Accepts.StringOrArray }),
        ["sort"] = new("Sort", new[] { Accepts.ArrayOfNumbersOrStrings }),
        ["sort_by"] = new("SortBy", new[] { Accepts.Array, Accepts.Expression }),
        ["starts_with"] = new("StartsWith", new[] { Accepts.String, Accepts.String }),
        ["sum"] = new("Sum", new[] { Accepts.ArrayOfNumbers }),
        ["to_array"] = new("ToArray", new[] { Accepts.Any }),
        ["to_number"] = new("ToNumber", new[] { Accepts.Any }),
        ["to_string"] = new("ToStringValue", new[] { Accepts.Any }),
        ["type"] = new("Type", new[] { Accepts.Any }),
        ["values"] = new("Values", new[] { Accepts.Object }),
    };

    public static JmesValue Compile(JmesCompiler compiler, JmesFunction function, JmesValue current)
    {
        if (!Signatures.TryGetValue(function.Name, out var signature))
        {
            throw JmesCompiler.Error(JmesErrorKind.UnknownFunction, function.Offset, "unknown function '" + function.Name + "'");
        }

        var count = function.Arguments.Count;
        var required = signature.Parameters.Length;
        if (signature.Variadic ? count < required : count != required)
        {
            throw JmesCompiler.Error(JmesErrorKind.InvalidArity, function.Offset,
                $"{function.Name}() takes {(signature.Variadic ? "at least " : "")}{required} argument{(required == 1 ? "" : "s")}, not {count}");
        }

        return compiler.Bind(current, self =>
        {
            var arguments = new List<JmesValue?>();
            for (var i = 0; i < count; i++)
            {
                var accepts = signature.Parameters[System.Math.Min(i, required - 1)];
                var node = function.Arguments[i];
                if ((accepts == Accepts.Expression) != (node is JmesExpressionReference))
                {
                    throw JmesCompiler.Error(JmesErrorKind.InvalidType, node.Offset,
                        accepts == Accepts.Expression
                            ? $"argument {i + 1} of {function.Name}() is an expression reference (&...)"
                            : $"argument {i + 1} of {function.Name}() is a value, not an expression reference");
                }

                if (node is JmesExpressionReference)
                {
                    arguments.Add(null);
                    continue;
                }

                var value = compiler.Node(node, self);
                if (!Fits(accepts, value.Type))
                {
                    throw JmesCompiler.Error(JmesErrorKind.InvalidType, node.Offset,
                        $"argument {i + 1} of {function.Name}() must be {Describe(accepts)}, not {value.Type.Describe}");
                }

                arguments.Add(value);
            }

            return TypedCall(compiler, function, arguments) ?? JsonCall(compiler, function, signature, arguments);
        });
    }

    /// <summary>The typed forms; null when the function or these argument types have none.</summary>
    private static JmesValue? TypedCall(JmesCompiler compiler, JmesFunction function, List<JmesValue?> arguments)
    {
        switch (function.Name)
        {
            case "length":
                var subject = arguments[0]!;
                if (JmesCompiler.StringOf(subject) is { } text)
                {
                    return new JmesValue($"{Typed}.Length({text})", new JmesNumber("int"), true);
                }

                return subject.Type is JmesList or JmesMap
                    ? new JmesValue($"{Typed}.Length({subject.Code})", new JmesNumber("int"), true)
                    : null;
            case "starts_with":
            case "ends_with":
                var method = function.Name == "starts_with" ? "StartsWith" : "EndsWith";
                return JmesCompiler.StringOf(arguments[0]!) is { } s && JmesCompiler.StringOf(arguments[1]!) is { } prefix
                    ? new JmesValue($"{Typed}.{method}({s}, {prefix})", JmesBoolean.Instance, true)
                    : null;
            case "contains":
                var search = JmesCompiler.StringOf(arguments[1]!);
                if (search is null)
                {
                    return null;
                }

                if (JmesCompiler.StringOf(arguments[0]!) is { } within)
                {
                    return new JmesValue($"{Typed}.Contains({within}, {search})", JmesBoolean.Instance, true);
                }

                return arguments[0]!.Type is JmesList { Element: JmesString }
                    ? new JmesValue($"{Typed}.Contains({arguments[0]!.Code}, {search})", JmesBoolean.Instance, true)
                    : null;
            case "keys":
                return arguments[0]!.Type is JmesMap
                    ? new JmesValue($"{Typed}.Keys({arguments[0]!.Code})", new JmesList(JmesString.Instance, false), false)
                    : null;
            case "not_null":
                var first = arguments[0]!.Type;
                if (first is JmesAny || arguments.Any(a => a!.Type != first))
                {
                    return null;
                }

                var code = "(" + string.Join(" ?? ", arguments.Select(a => a!.Code)) + ")";
                return new JmesValue(code, first, arguments.Any(a => a!.NonNull));
            default:
                return null;
        }
    }

    /// <summary>The function over JSON values: every argument becomes a <c>JsonNode</c>, expression references lambdas over one.</summary>
    private static JmesValue JsonCall(JmesCompiler compiler, JmesFunction function, Signature signature, List<JmesValue?> arguments)
    {
        var parts = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var node = function.Arguments[i];
            if (node is JmesExpressionReference reference)
            {
                var element = compiler.NewName("e");
                var body = compiler.Node(reference.Expression, new JmesValue(element, JmesAny.Instance, false));
                parts.Add($"static {element} => {compiler.ToNode(body, reference.Offset)}");
            }
            else
            {
                parts.Add(compiler.ToNode(arguments[i]!, node.Offset));
            }
        }

        return JmesCompiler.Any($"{Runtime}.{signature.Method}({string.Join(", ", parts)})");
    }

    /// <summary>Whether a value of <paramref name="type"/> may be an argument that accepts <paramref name="accepts"/> (values known only at run time always may).</summary>
    private static bool Fits(Accepts accepts, JmesType type)
    {
        if (type is JmesAny || accepts == Accepts.Any)
        {
            return true;
        }

        var isString = type is JmesString or JmesEnum { IsInt: false };
        var isNumber = type is JmesNumber or JmesEnum { IsInt: true };
        var isObject = type is JmesMap or JmesStructure;
        return accepts switch
        {
            Accepts.Number => isNumber,
            Accepts.String => isString,
            Accepts.Array => type is JmesList,
            Accepts.Object => isObject,
            Accepts.ArrayOfNumbers => type is JmesList list && (list.Element is JmesAny || Fits(Accepts.Number, list.Element)),
            Accepts.ArrayOfStrings => type is JmesList list && (list.Element is JmesAny || Fits(Accepts.String, list.Element)),
            Accepts.ArrayOfNumbersOrStrings => type is JmesList list && (list.Element is JmesAny || Fits(Accepts.Number, list.Element) || Fits(Accepts.String, list.Element)),
            Accepts.StringOrArray => isString || type is JmesList,
            Accepts.StringArrayOrObject => isString || type is JmesList || isObject,
            _ => false,
        };
    }

    private static string Describe(Accepts accepts) => accepts switch
    {
        Accepts.Number => "a number",
        Accepts.String => "a string",
        Accepts.Array => "a list",
        Accepts.Object => "an object",
        Accepts.ArrayOfNumbers => "a list of numbers",
        Accepts.ArrayOfStrings => "a list of strings",
        Accepts.ArrayOfNumbersOrStrings => "a list of numbers or of strings",
        Accepts.StringOrArray => "a string or a list",
        Accepts.StringArrayOrObject => "a string, a list or an object",
        _ => "any value",
    };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Generator.Emit;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Jmespath;

/// <summary>A compiled expression: C# code of <see cref="Type"/> (never null when <see cref="NonNull"/>).</summary>
internal sealed record JmesValue(string Code, JmesType Type, bool NonNull)
{
    /// <summary>The C# type of <see cref="Code"/>.</summary>
    public string CSharp => NonNull ? Type.NonNullCSharp : Type.CSharp;
}

/// <summary>The structures the compiler can look into: the generated types of a code model, by shape name.</summary>
internal interface IJmesShapes
{
    /// <summary>The generated structure or union of shape <paramref name="shapeName"/>, or null.</summary>
    CodeType? Find(string shapeName);
}

/// <summary>
/// Compiles a JMESPath tree to one C# expression over the generated types, typing every node as it goes (a
/// type-directed translation: the type of a node decides the code written for it). Where the code model knows a
/// value's type the C# is typed (<c>output.Table?.TableStatus</c>, a projection over an <c>IReadOnlyList</c> of a
/// generated structure); where it cannot (a document, a mix of types) the value becomes a
/// <c>System.Text.Json.Nodes.JsonNode</c> and the runtime's <c>JmesJson</c> does the JMESPath operation on it.
/// Compiled over a root of <see cref="JmesAny"/>, every operation takes the second road: that is the test-only
/// evaluation mode the compliance suite runs through (docs/paginators.md).
/// <para>
/// Errors are <see cref="JmesError"/>s at the offending node: unknown functions and wrong arities always, wrong
/// argument types when the type is known, and <see cref="JmesErrorKind.Untypable"/> for what cannot be typed
/// (a member the structure does not have, a member of a list, ...).
/// </para>
/// </summary>
internal sealed class JmesCompiler
{
    private const string Typed = "global::Codegen.Runtime.Jmespath.JmesTyped";
    private const string Json = "global::Codegen.Runtime.Jmespath.JmesJson";

    private readonly IJmesShapes _shapes;
    private int _names;

    private JmesCompiler(IJmesShapes shapes, int firstName)
    {
        _shapes = shapes;
        _names = firstName;
    }

    /// <summary>The number of local names used so far (lambda parameters, pattern variables).</summary>
    public int NamesUsed => _names;

    /// <summary>Parses and compiles <paramref name="expression"/> over <paramref name="root"/>.</summary>
    /// <param name="firstName">The first number for generated local names (to keep several expressions of one method apart).</param>
    public static (JmesValue? Value, JmesError? Error) Compile(string expression, JmesValue root, IJmesShapes shapes, int firstName = 0)
    {
        var (tree, error) = JmesParser.Parse(expression);
        if (tree is null)
        {
            return (null, error);
        }

        return Compile(tree, root, shapes, firstName);
    }

    /// <summary>Compiles a parsed tree over <paramref name="root"/>.</summary>
    public static (JmesValue? Value, JmesError? Error) Compile(JmesNode tree, JmesValue root, IJmesShapes shapes, int firstName = 0)
    {
        try
        {
            var compiler = new JmesCompiler(shapes, firstName);
            return (compiler.Node(tree, root), null);
        }
        catch (JmesException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>A compiler for several expressions that share local names (see <see cref="NamesUsed"/>).</summary>
    public static JmesCompiler Create(IJmesShapes shapes, int firstName = 0) => new(shapes, firstName);

    /// <summary>Compiles <paramref name="tree"/> over <paramref name="current"/>; throws <see cref="JmesException"/>.</summary>
    public JmesValue Node(JmesNode tree, JmesValue current) => tree switch
    {
        JmesCurrent => current,
        JmesField field => Field(current, field.Name, field.Offset),
        JmesSubexpression sub => Node(sub.Right, Node(sub.Left, current)),
        JmesPipe pipe => Node(pipe.Right, Node(pipe.Left, current)),
        JmesIndex index => Index(Node(index.Left, current), index),
        JmesSlice slice => Slice(Node(slice.Left, current), slice),
        JmesFlatten flatten => Flatten(Node(flatten.Left, current), flatten.Offset),
        JmesProjection projection => Projection(projection, current),
        JmesLiteral literal => Literal(literal.Json),
        JmesMultiSelectList list => MultiSelectList(list, current),
        JmesMultiSelectHash hash => MultiSelectHash(hash, current),
        JmesCompare compare => Compare(compare, current),
        JmesOr or => Or(or, current),
        JmesAnd and => And(and, current),
        JmesNot not => new JmesValue("!" + Truthy(Node(not.Operand, current), not.Offset), JmesBoolean.Instance, true),
        JmesFunction function => JmesFunctions.Compile(this, function, current),
        JmesExpressionReference reference => throw Error(JmesErrorKind.InvalidType, reference.Offset, "an expression reference (&...) is only an argument of a function that takes one"),
        _ => throw new InvalidOperationException("unknown JMESPath node " + tree.GetType().Name),
    };

    // ---- members, indexes, slices, flattening

    private JmesValue Field(JmesValue current, string name, int offset)
    {
        switch (current.Type)
        {
            case JmesAny:
                return Any($"{Json}.Field({current.Code}, {CSharp.Literal(name)})");
            case JmesStructure structure:
                var type = _shapes.Find(structure.ShapeName) ?? throw Untypable(offset, "the structure " + structure.ShapeName + " is not generated");
                var member = type.Members.FirstOrDefault(m => m.Member.Name == name)
                    ?? throw Untypable(offset, structure.ShapeName + " has no member '" + name + "'" + Suggestion(type, name));
                if (structure.IsUnion)
                {
                    var caseValue = $"({current.Code} as {structure.Clr}.{member.PropertyName})?.Value";
                    return FromMember(caseValue, member.Type, nonNull: false);
                }

                var access = current.Code + (current.NonNull ? "." : "?.") + member.PropertyName;
                return FromMember(access, member.Type, nonNull: current.NonNull && !member.Nullable);
            case JmesMap map:
                return Get(current, map, CSharp.Literal(name));
            default:
                throw Untypable(offset, "'" + name + "' is a member of an object, but here the value is " + current.Type.Describe + Hint(current.Type));
        }
    }

    private static string Hint(JmesType type) => type is JmesList ? " (a projection, '[].', takes the member of each element)" : "";

    private static string Suggestion(CodeType type, string name)
    {
        var close = type.Members.FirstOrDefault(m => string.Equals(m.Member.Name, name, StringComparison.OrdinalIgnoreCase));
        return close is null ? "" : " (did you mean '" + close.Member.Name + "'?)";
    }

    private JmesValue Get(JmesValue current, JmesMap map, string key)
    {
        var method = !map.Value.IsValueType ? "GetRef" : map.ValueNullable ? "GetNullableValue" : "GetValue";
        return new JmesValue($"{Typed}.{method}({current.Code}, {key})", map.Value, false);
    }

    /// <summary>The value of a member of type <paramref name="type"/> read by <paramref name="code"/>.</summary>
    private static JmesValue FromMember(string code, TypeRef type, bool nonNull)
    {
        if (type.Kind == ShapeKind.Document)
        {
            return Any($"{Json}.FromElement({code})");
        }

        return new JmesValue(code, TypeOf(type), nonNull);
    }

    /// <summary>The JMESPath type of values of a model type.</summary>
    public static JmesType TypeOf(TypeRef type) => type.Kind switch
    {
        ShapeKind.String => JmesString.Instance,
        ShapeKind.Enum => new JmesEnum(type.CSharpType, IsInt: false),
        ShapeKind.IntEnum => new JmesEnum(type.CSharpType, IsInt: true),
        ShapeKind.Boolean => JmesBoolean.Instance,
        ShapeKind.Byte or ShapeKind.Short or ShapeKind.Integer or ShapeKind.Long or ShapeKind.Float or ShapeKind.Double or ShapeKind.BigDecimal => new JmesNumber(type.CSharpType),
        ShapeKind.List => new JmesList(ElementTypeOf(type.Element!), type.ElementNullable),
        ShapeKind.Map => new JmesMap(ElementTypeOf(type.Element!), type.ElementNullable),
        ShapeKind.Structure => new JmesStructure(type.CSharpType, type.ShapeName, IsUnion: false),
        ShapeKind.Union => new JmesStructure(type.CSharpType, type.ShapeName, IsUnion: true),
        ShapeKind.Timestamp => new JmesOpaque(type.CSharpType, true, "a timestamp"),
        ShapeKind.Blob => new JmesOpaque(type.CSharpType, true, "a blob"),
        ShapeKind.Document => JmesAny.Instance,
        _ => new JmesOpaque(type.CSharpType, type.IsValueType, "a " + type.Kind.ToString().ToLowerInvariant()),
    };

    // A document inside a list or map stays a JsonElement in C#: it cannot be an element type here.
    private static JmesType ElementTypeOf(TypeRef type) =>
        type.Kind == ShapeKind.Document ? new JmesOpaque(type.CSharpType, true, "a document") : TypeOf(type);

    private JmesValue Index(JmesValue left, JmesIndex index)
    {
        var at = CSharp.Int(index.Index);
        switch (left.Type)
        {
            case JmesAny:
                return Any($"{Json}.Index({left.Code}, {at})");
            case JmesList list:
                var method = !list.Element.IsValueType ? "IndexRef" : list.ElementNullable ? "IndexNullableValue" : "IndexValue";
                return new JmesValue($"{Typed}.{method}({left.Code}, {at})", list.Element, false);
            default:
                throw Untypable(index.Offset, "an index applies to a list, but here the value is " + left.Type.Describe);
        }
    }

    private JmesValue Slice(JmesValue left, JmesSlice slice)
    {
        var arguments = $"{Optional(slice.Start)}, {Optional(slice.Stop)}, {Optional(slice.Step)}";
        return left.Type switch
        {
            JmesAny => Any($"{Json}.Slice({left.Code}, {arguments})"),
            JmesList list => new JmesValue($"{Typed}.Slice({left.Code}, {arguments})", list, false),
            _ => throw Untypable(slice.Offset, "a slice applies to a list, but here the value is " + left.Type.Describe),
        };
    }

    private static string Optional(int? value) => value is { } v ? CSharp.Int(v) : "null";

    private JmesValue Flatten(JmesValue left, int offset)
    {
        switch (left.Type)
        {
            case JmesAny:
                return Any($"{Json}.Flatten({left.Code})");
            case JmesList { Element: JmesList inner }:
                return new JmesValue($"{Typed}.Flatten({left.Code})", inner, false);
            case JmesList { Element: JmesAny }:
                return Any($"{Json}.Flatten({Json}.FromList({left.Code}, static e => e))");
            case JmesList list:
                return new JmesValue(left.Code, list, left.NonNull);
            default:
                throw Untypable(offset, "'[]' flattens a list, but here the value is " + left.Type.Describe);
        }
    }

    // ---- projections

    private JmesValue Projection(JmesProjection projection, JmesValue current)
    {
        var left = Node(projection.Left, current);
        if (projection.Kind == JmesProjectionKind.Values)
        {
            left = left.Type switch
            {
                JmesAny => Any($"{Json}.Values({left.Code})"),
                JmesMap map => new JmesValue($"{Typed}.Values({left.Code})", new JmesList(map.Value, map.ValueNullable), false),
                _ => throw Untypable(projection.Offset, "'*' projects the values of an object with values of one type, but here the value is " + left.Type.Describe),
            };
        }

        if (left.Type is JmesAny)
        {
            var element = NewName("e");
            var source = left.Code;
            if (projection.Condition is { } anyCondition)
            {
                var test = Truthy(Node(anyCondition, new JmesValue(element, JmesAny.Instance, true)), anyCondition.Offset);
                source = $"{Json}.Filter({source}, static {element} => {test})";
            }

            if (projection.Right is JmesCurrent)
            {
                return Any(projection.Condition is null ? $"{Json}.Compact({source})" : source);
            }

            var right = ToNode(Node(projection.Right, new JmesValue(element, JmesAny.Instance, true)), projection.Right.Offset);
            return Any($"{Json}.Project({source}, static {element} => {right})");
        }

        if (left.Type is not JmesList list)
        {
            throw Untypable(projection.Offset, "a projection applies to a list, but here the value is " + left.Type.Describe);
        }

        // Null elements never reach the result (the right side of a projection is null on null), so they go first.
        var code = left.Code;
        if (list.ElementNullable)
        {
            code = $"{Typed}.{(list.Element.IsValueType ? "CompactValue" : "CompactRef")}({code})";
            list = list with { ElementNullable = false };
        }

        var name = NewName("e");
        var item = new JmesValue(name, list.Element, true);
        if (projection.Condition is { } condition)
        {
            code = $"{Typed}.Filter({code}, static {name} => {Truthy(Node(condition, item), condition.Offset)})";
        }

        if (projection.Right is JmesCurrent)
        {
            return new JmesValue(code, list, left.NonNull && code == left.Code);
        }

        var projected = Node(projection.Right, item);
        var method = projected.Type.IsValueType ? "ProjectValue" : "ProjectRef";
        // ProjectValue's selector returns T?: a struct known not to be null (a required enum member) is cast to it.
        var body = projected.Type.IsValueType && projected.NonNull ? $"({projected.Type.CSharp})({projected.Code})" : projected.Code;
        return new JmesValue($"{Typed}.{method}({code}, static {name} => {body})", new JmesList(projected.Type, false), false);
    }

    // ---- literals, multi-selects

    private static JmesValue Literal(string json)
    {
        var value = JsonParser.Parse(json);
        switch (value)
        {
            case JsonString text:
                return new JmesValue(CSharp.Literal(text.Value), JmesString.Instance, true);
            case JsonBoolean boolean:
                return new JmesValue(boolean.Value ? "true" : "false", JmesBoolean.Instance, true);
            case JsonNumber number when number.TryGetInt64(out var integer):
                return integer is >= int.MinValue and <= int.MaxValue
                    ? new JmesValue(CSharp.Int(integer), new JmesNumber("int"), true)
                    : new JmesValue(CSharp.Int(integer) + "L", new JmesNumber("long"), true);
            case JsonNumber number when number.TryGetDouble(out var real) && !double.IsInfinity(real):
                return new JmesValue(real.ToString("R", CultureInfo.InvariantCulture) + "d", new JmesNumber("double"), true);
            case JsonNull:
                return Any($"({JmesAny.Node}?)null");
            default:
                return new JmesValue($"{Json}.Parse({CSharp.Literal(json)})", JmesAny.Instance, false);
        }
    }

    private JmesValue MultiSelectList(JmesMultiSelectList list, JmesValue current) =>
        Bind(current, self =>
        {
            var items = list.Items.Select(item => Node(item, self)).ToList();
            var common = CommonType(items);
            if (common is not null)
            {
                var elements = string.Join(", ", items.Select(i => i.Code));
                var nullable = items.Any(i => !i.NonNull);
                var type = new JmesList(common, nullable);
                var array = $"new {type.ElementCSharp}[] {{ {elements} }}";
                return self.NonNull
                    ? new JmesValue(array, type, true)
                    : new JmesValue($"{self.Code} is null ? null : ({type.NonNullCSharp}){array}", type, false);
            }

            var nodes = string.Join(", ", items.Select((item, i) => ToNode(item, list.Items[i].Offset)));
            var made = $"{Json}.Array({nodes})";
            return self.NonNull ? Any(made) : Any($"{self.Code} is null ? null : {made}");
        });

    private JmesValue MultiSelectHash(JmesMultiSelectHash hash, JmesValue current) =>
        Bind(current, self =>
        {
            var pairs = string.Join(", ", hash.Items.Select(pair => $"({CSharp.Literal(pair.Key)}, {ToNode(Node(pair.Value, self), pair.Value.Offset)})"));
            var made = $"{Json}.Object({pairs})";
            return self.NonNull ? Any(made) : Any($"{self.Code} is null ? null : {made}");
        });

    /// <summary>The one type all values share (numbers of different C# types do not), or null.</summary>
    private static JmesType? CommonType(IReadOnlyList<JmesValue> values)
    {
        var first = values[0].Type;
        return values.All(v => v.Type == first) && first is not JmesAny ? first : null;
    }

    // ---- comparisons and logic

    private JmesValue Compare(JmesCompare compare, JmesValue current) =>
        Bind(current, self =>
        {
            var left = Node(compare.Left, self);
            var right = Node(compare.Right, self);
            if (compare.Operator is JmesComparison.Equal or JmesComparison.NotEqual)
            {
                // Parenthesized: the value may stand beside other operators (`a == b == true`, `!(...)`, `... is var v`).
                var equal = Equality(left, right, compare.Offset);
                return new JmesValue(compare.Operator == JmesComparison.Equal ? "(" + equal + ")" : "!(" + equal + ")", JmesBoolean.Instance, true);
            }

            var name = compare.Operator switch
            {
                JmesComparison.Less => "Less",
                JmesComparison.LessOrEqual => "LessOrEqual",
                JmesComparison.Greater => "Greater",
                _ => "GreaterOrEqual",
            };
            if (AsDouble(left) is { } a && AsDouble(right) is { } b)
            {
                return new JmesValue($"{Typed}.{name}({a}, {b})", JmesBoolean.Instance, false);
            }

            if (left.Type is JmesAny || right.Type is JmesAny)
            {
                return new JmesValue($"{Json}.{name}({ToNode(left, compare.Left.Offset)}, {ToNode(right, compare.Right.Offset)})", JmesBoolean.Instance, false);
            }

            throw Untypable(compare.Offset, "an ordering compares numbers, but here it compares " + left.Type.Describe + " with " + right.Type.Describe);
        });

    /// <summary>A number as <c>double?</c>, or null when the value is not a number.</summary>
    private static string? AsDouble(JmesValue value) => value.Type switch
    {
        JmesNumber number => number.Clr is "double" ? value.Code : $"(double?)({value.Code})",
        JmesEnum { IsInt: true } => $"(double?)({value.Code})?.WireValue",
        _ => null,
    };

    /// <summary>A C# <c>bool</c> expression: whether two values are equal as JSON values.</summary>
    public string Equality(JmesValue left, JmesValue right, int offset)
    {
        if (StringOf(left) is { } ls && StringOf(right) is { } rs)
        {
            return $"{ls} == {rs}";
        }

        if (AsDouble(left) is { } ld && AsDouble(right) is { } rd)
        {
            return $"{ld} == {rd}";
        }

        if (left.Type is JmesBoolean && right.Type is JmesBoolean)
        {
            return $"{left.Code} == {right.Code}";
        }

        return $"{Json}.Equal({ToNode(left, offset)}, {ToNode(right, offset)})";
    }

    /// <summary>A string or string enum as <c>string?</c>, or null when it is neither.</summary>
    public static string? StringOf(JmesValue value) => value.Type switch
    {
        JmesString => value.Code,
        JmesEnum { IsInt: false } => value.NonNull ? $"{value.Code}.WireValue" : $"({value.Code})?.WireValue",
        _ => null,
    };

    private JmesValue Or(JmesOr or, JmesValue current) =>
        Bind(current, self => Choose(Node(or.Left, self), Node(or.Right, self), or.Offset, takeLeftWhenTruthy: true));

    private JmesValue And(JmesAnd and, JmesValue current) =>
        Bind(current, self => Choose(Node(and.Left, self), Node(and.Right, self), and.Offset, takeLeftWhenTruthy: false));

    /// <summary><c>a || b</c> (the left value when truthy, else the right) or <c>a &amp;&amp; b</c> (the right value when the left is truthy, else the left).</summary>
    private JmesValue Choose(JmesValue left, JmesValue right, int offset, bool takeLeftWhenTruthy)
    {
        if (left.Type != right.Type || left.Type is JmesAny)
        {
            left = Any(ToNode(left, offset));
            right = Any(ToNode(right, offset));
        }

        var name = NewName("v");
        var bound = new JmesValue(name, left.Type, left.NonNull);
        var truthy = Truthy(bound, offset);
        var type = left.Type;
        var nonNull = left.NonNull && right.NonNull;
        var cast = "(" + (nonNull ? type.NonNullCSharp : type.CSharp) + ")";
        var leftCode = IsPath(left.Code) ? left.Code : "(" + left.Code + ")"; // `a == b is var v` would read as `a == (b is var v)`
        var code = takeLeftWhenTruthy
            ? $"({leftCode} is var {name} && {truthy} ? {cast}{name} : {right.Code})"
            : $"({leftCode} is var {name} && {truthy} ? {cast}({right.Code}) : {name})";
        return new JmesValue(code, type, nonNull);
    }

    /// <summary>A C# <c>bool</c> expression: whether the value is truthy (not null, false, empty string, list or object).</summary>
    public string Truthy(JmesValue value, int offset)
    {
        var code = value.Code;
        switch (value.Type)
        {
            case JmesAny:
                return $"{Json}.Truthy({code})";
            case JmesBoolean:
                return value.NonNull ? code : $"{code} == true";
            case JmesNumber:
            case JmesEnum { IsInt: true }:
                return value.NonNull ? "true" : $"{code} != null";
            case JmesString:
            case JmesEnum:
                return $"!string.IsNullOrEmpty({StringOf(value)})";
            case JmesList:
            case JmesMap:
                return $"{code} is {{ Count: > 0 }}";
            case JmesOpaque { What: "a blob" }:
                return $"{code} is {{ Length: > 0 }}";
            case JmesOpaque:
                return value.NonNull ? "true" : $"{code} != null";
            case JmesStructure structure:
                // An object is truthy when it has a member: a structure with every member unset is {}.
                var type = _shapes.Find(structure.ShapeName) ?? throw Untypable(offset, "the structure " + structure.ShapeName + " is not generated");
                if (structure.IsUnion || type.Members.Any(m => !m.Nullable))
                {
                    return value.NonNull ? "true" : $"{code} != null";
                }

                var name = NewName("s");
                var members = type.Members.Count == 0 ? "false" : string.Join(" || ", type.Members.Select(m => $"{name}.{m.PropertyName} != null"));
                return $"({code} is {{ }} {name} && ({members}))";
            default:
                throw Untypable(offset, "the truth of " + value.Type.Describe + " is unknown");
        }
    }

    /// <summary>The value as a <c>JsonNode?</c> (for the runtime's JMESPath operations); a structure cannot be.</summary>
    public string ToNode(JmesValue value, int offset)
    {
        var code = value.Code;
        switch (value.Type)
        {
            case JmesAny:
                return code;
            case JmesBoolean:
            case JmesNumber:
            case JmesString:
                return $"{Json}.From({code})";
            case JmesEnum:
                return value.NonNull ? $"{Json}.From({code}.WireValue)" : $"{Json}.From(({code})?.WireValue)";
            case JmesList list:
                var element = NewName("e");
                return $"{Json}.FromList({code}, static {element} => {ToNode(new JmesValue(element, list.Element, !list.ElementNullable), offset)})";
            case JmesMap map:
                var item = NewName("e");
                return $"{Json}.FromMap({code}, static {item} => {ToNode(new JmesValue(item, map.Value, !map.ValueNullable), offset)})";
            default:
                throw Untypable(offset, "here " + value.Type.Describe + " would have to become a JSON value, which the compiler does not do");
        }
    }

    // ---- helpers

    /// <summary>
    /// Runs <paramref name="body"/> on a value it may use more than once: the value itself when its code is a name or a
    /// member path (cheap and without effects), else bound once to a lambda parameter (<c>JmesTyped.Let</c>).
    /// </summary>
    public JmesValue Bind(JmesValue value, Func<JmesValue, JmesValue> body)
    {
        if (IsPath(value.Code))
        {
            return body(value);
        }

        var name = NewName("p");
        var result = body(new JmesValue(name, value.Type, value.NonNull));
        return new JmesValue($"{Typed}.Let({value.Code}, static ({value.CSharp} {name}) => ({result.CSharp}){result.Code})", result.Type, result.NonNull);
    }

    private static bool IsPath(string code) =>
        code.Length > 0 && (char.IsLetter(code[0]) || code[0] == '_') && code.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '?');

    public string NewName(string prefix) => prefix + (++_names).ToString(CultureInfo.InvariantCulture);

    public static JmesValue Any(string code) => new(code, JmesAny.Instance, false);

    public static JmesException Error(JmesErrorKind kind, int offset, string message) => new(new JmesError(kind, offset, message));

    public static JmesException Untypable(int offset, string message) => Error(JmesErrorKind.Untypable, offset, message);
}

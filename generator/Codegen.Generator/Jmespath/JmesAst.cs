using Codegen.Generator.Model;

namespace Codegen.Generator.Jmespath;

// The JMESPath syntax tree: equatable records (they travel in the pipeline inside the model), each with the
// 0-based offset of its first character in the expression text, so that a problem is reported at its column.

/// <summary>A node of a parsed JMESPath expression.</summary>
internal abstract record JmesNode(int Offset);

/// <summary><c>@</c>, and the implicit current node of a projection's right side.</summary>
internal sealed record JmesCurrent(int Offset) : JmesNode(Offset);

/// <summary>An identifier, quoted or not: the member of an object.</summary>
internal sealed record JmesField(string Name, int Offset) : JmesNode(Offset);

/// <summary><c>left.right</c>: <paramref name="Right"/> evaluated on the value of <paramref name="Left"/>.</summary>
internal sealed record JmesSubexpression(JmesNode Left, JmesNode Right, int Offset) : JmesNode(Offset);

/// <summary><c>left[index]</c>; a negative index counts from the end.</summary>
internal sealed record JmesIndex(JmesNode Left, int Index, int Offset) : JmesNode(Offset);

/// <summary><c>left[start:stop:step]</c> (the projection over it is a separate <see cref="JmesProjection"/>).</summary>
internal sealed record JmesSlice(JmesNode Left, int? Start, int? Stop, int? Step, int Offset) : JmesNode(Offset);

/// <summary><c>left[]</c>: the list with its list elements merged in, one level.</summary>
internal sealed record JmesFlatten(JmesNode Left, int Offset) : JmesNode(Offset);

/// <summary>
/// <c>left[*].right</c> (list), <c>left.*.right</c> (the values of an object) or <c>left[?condition].right</c>
/// (the list elements for which <see cref="Condition"/> is true): <see cref="Right"/> on each element, nulls dropped.
/// </summary>
internal sealed record JmesProjection(JmesProjectionKind Kind, JmesNode Left, JmesNode Right, JmesNode? Condition, int Offset) : JmesNode(Offset);

internal enum JmesProjectionKind
{
    List,
    Values,
    Filter,
}

/// <summary>A JSON literal (<c>`...`</c>, kept as JSON text) or a raw string (<c>'...'</c>, kept as a JSON string).</summary>
internal sealed record JmesLiteral(string Json, int Offset) : JmesNode(Offset);

/// <summary><c>[a, b]</c>.</summary>
internal sealed record JmesMultiSelectList(EquatableArray<JmesNode> Items, int Offset) : JmesNode(Offset);

/// <summary><c>{k: a, l: b}</c>.</summary>
internal sealed record JmesMultiSelectHash(EquatableArray<JmesKeyValue> Items, int Offset) : JmesNode(Offset);

internal sealed record JmesKeyValue(string Key, JmesNode Value);

internal enum JmesComparison
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed record JmesCompare(JmesComparison Operator, JmesNode Left, JmesNode Right, int Offset) : JmesNode(Offset);

internal sealed record JmesAnd(JmesNode Left, JmesNode Right, int Offset) : JmesNode(Offset);

internal sealed record JmesOr(JmesNode Left, JmesNode Right, int Offset) : JmesNode(Offset);

internal sealed record JmesNot(JmesNode Operand, int Offset) : JmesNode(Offset);

/// <summary><c>left | right</c>: ends a projection.</summary>
internal sealed record JmesPipe(JmesNode Left, JmesNode Right, int Offset) : JmesNode(Offset);

internal sealed record JmesFunction(string Name, EquatableArray<JmesNode> Arguments, int Offset) : JmesNode(Offset);

/// <summary><c>&amp;expression</c>, an argument of <c>sort_by</c>, <c>map</c> and the like.</summary>
internal sealed record JmesExpressionReference(JmesNode Expression, int Offset) : JmesNode(Offset);

/// <summary>The kinds of error the JMESPath specification names (and the compliance suite expects).</summary>
internal enum JmesErrorKind
{
    Syntax,
    InvalidType,
    InvalidValue,
    InvalidArity,
    UnknownFunction,

    /// <summary>Valid JMESPath that the typed compiler cannot turn into C# over the generated types.</summary>
    Untypable,
}

/// <summary>A problem found in an expression: its kind, where (offset in the expression) and what.</summary>
internal sealed record JmesError(JmesErrorKind Kind, int Offset, string Message)
{
    /// <summary>The kind as the compliance suite names it (<c>syntax</c>, <c>invalid-type</c>, ...).</summary>
    public string KindName => Kind switch
    {
        JmesErrorKind.Syntax => "syntax",
        JmesErrorKind.InvalidType => "invalid-type",
        JmesErrorKind.InvalidValue => "invalid-value",
        JmesErrorKind.InvalidArity => "invalid-arity",
        JmesErrorKind.UnknownFunction => "unknown-function",
        _ => "untypable",
    };
}

namespace Codegen.Generator.Jmespath;

/// <summary>
/// The static type of a JMESPath value in generated C#: what the compiler knows about it from the code model, and
/// the C# type that holds it. Every value may be null (JMESPath's null): <see cref="CSharp"/> is the nullable form.
/// </summary>
internal abstract record JmesType
{
    /// <summary>The C# type of a value that may be null.</summary>
    public abstract string CSharp { get; }

    /// <summary>The C# type of a value known not to be null.</summary>
    public abstract string NonNullCSharp { get; }

    /// <summary>The C# type is a struct: <c>T?</c> is <c>Nullable&lt;T&gt;</c>.</summary>
    public virtual bool IsValueType => false;

    /// <summary>How the type reads in a diagnostic.</summary>
    public abstract string Describe { get; }
}

/// <summary>Any JSON value, known only at run time: a <c>System.Text.Json.Nodes.JsonNode</c>.</summary>
internal sealed record JmesAny : JmesType
{
    public static readonly JmesAny Instance = new();

    public const string Node = "global::System.Text.Json.Nodes.JsonNode";

    public override string CSharp => Node + "?";

    public override string NonNullCSharp => Node;

    public override string Describe => "any JSON value";
}

internal sealed record JmesBoolean : JmesType
{
    public static readonly JmesBoolean Instance = new();

    public override string CSharp => "bool?";

    public override string NonNullCSharp => "bool";

    public override bool IsValueType => true;

    public override string Describe => "a boolean";
}

/// <summary>A number held in the C# numeric type <paramref name="Clr"/> (<c>int</c>, <c>long</c>, <c>double</c>, ...).</summary>
internal sealed record JmesNumber(string Clr) : JmesType
{
    public override string CSharp => Clr + "?";

    public override string NonNullCSharp => Clr;

    public override bool IsValueType => true;

    public override string Describe => "a number";
}

internal sealed record JmesString : JmesType
{
    public static readonly JmesString Instance = new();

    public override string CSharp => "string?";

    public override string NonNullCSharp => "string";

    public override string Describe => "a string";
}

/// <summary>A generated enum (a struct over its wire value, <c>WireValue</c>): a string, or a number for an intEnum.</summary>
internal sealed record JmesEnum(string Clr, bool IsInt) : JmesType
{
    public override string CSharp => Clr + "?";

    public override string NonNullCSharp => Clr;

    public override bool IsValueType => true;

    public override string Describe => IsInt ? "a number (an intEnum)" : "a string (an enum)";
}

/// <summary>A value JMESPath can pass along but not look into here: a timestamp, a blob, a big integer.</summary>
internal sealed record JmesOpaque(string Clr, bool ValueType, string What) : JmesType
{
    public override string CSharp => Clr + "?";

    public override string NonNullCSharp => Clr;

    public override bool IsValueType => ValueType;

    public override string Describe => What;
}

/// <summary>A list: <c>IReadOnlyList</c> of <paramref name="Element"/>, whose elements may be null when <paramref name="ElementNullable"/>.</summary>
internal sealed record JmesList(JmesType Element, bool ElementNullable) : JmesType
{
    public string ElementCSharp => ElementNullable ? Element.CSharp : Element.NonNullCSharp;

    public override string CSharp => NonNullCSharp + "?";

    public override string NonNullCSharp => $"global::System.Collections.Generic.IReadOnlyList<{ElementCSharp}>";

    public override string Describe => "a list of " + Element.Describe;
}

/// <summary>An object with string keys and values of one type (a map shape).</summary>
internal sealed record JmesMap(JmesType Value, bool ValueNullable) : JmesType
{
    public string ValueCSharp => ValueNullable ? Value.CSharp : Value.NonNullCSharp;

    public override string CSharp => NonNullCSharp + "?";

    public override string NonNullCSharp => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {ValueCSharp}>";

    public override string Describe => "a map of " + Value.Describe;
}

/// <summary>An object with known members: a generated structure or union, by its shape name.</summary>
internal sealed record JmesStructure(string Clr, string ShapeName, bool IsUnion) : JmesType
{
    public override string CSharp => Clr + "?";

    public override string NonNullCSharp => Clr;

    public override string Describe => (IsUnion ? "the union " : "the structure ") + ShapeName;
}

using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;

namespace Codegen.Generator.Endpoints;

// An endpoint rule set (botocore endpoint-rule-set-1.json, or the value of Smithy's smithy.rules#endpointRuleSet
// trait) as equatable records, so that the incremental pipeline can cache on it. Positions are kept for diagnostics.

/// <summary>A whole rule set: its parameters and its rules, evaluated in order.</summary>
internal sealed record EndpointRuleSet(
    string Version,
    EquatableArray<EndpointParameter> Parameters,
    EquatableArray<EndpointRule> Rules,
    SourceSpan Position);

internal enum EndpointParameterType
{
    String,
    Boolean,
    StringArray,
}

/// <summary>One input of the rules: a client setting (<see cref="BuiltIn"/>), a request member or a constant.</summary>
internal sealed record EndpointParameter(string Name, EndpointParameterType Type, SourceSpan Position)
{
    public bool Required { get; init; }

    /// <summary>The SDK setting that fills it, e.g. <c>AWS::Region</c>, <c>AWS::UseFIPS</c>, <c>SDK::Endpoint</c>.</summary>
    public string? BuiltIn { get; init; }

    public string? Documentation { get; init; }

    /// <summary>The default, when there is one: a string, a boolean or an array of strings.</summary>
    public EndpointLiteral? Default { get; init; }

    /// <summary>The deprecation message (empty when deprecated without one); null when not deprecated.</summary>
    public string? Deprecated { get; init; }
}

/// <summary>A constant value (parameter defaults): exactly one of the fields is meaningful, by <see cref="Type"/>.</summary>
internal sealed record EndpointLiteral(EndpointParameterType Type, string? Text, bool Boolean, EquatableArray<string> Items);

internal enum EndpointRuleKind
{
    Endpoint,
    Error,
    Tree,
}

/// <summary>
/// A rule: when every condition holds (a condition holds when its function gives neither unset nor false), an
/// endpoint rule gives its endpoint, an error rule fails with its message and a tree rule tries its rules in order.
/// </summary>
internal sealed record EndpointRule(EndpointRuleKind Kind, EquatableArray<EndpointCondition> Conditions, SourceSpan Position)
{
    public string? Documentation { get; init; }

    public EndpointDefinition? Endpoint { get; init; }

    /// <summary>The message of an error rule (a string template or an expression).</summary>
    public EndpointExpression? Error { get; init; }

    public EquatableArray<EndpointRule> Rules { get; init; } = EquatableArray<EndpointRule>.Empty;
}

/// <summary>A function call whose result, when <see cref="Assign"/> is set, is bound to that name for later conditions and the rule's body.</summary>
internal sealed record EndpointCondition(EndpointExpression Function, string? Assign, SourceSpan Position);

internal enum EndpointExpressionKind
{
    /// <summary>A string, possibly a template with <c>{Name}</c> or <c>{Name#path}</c> references (<see cref="EndpointExpression.Template"/>).</summary>
    String,
    Boolean,
    Integer,
    /// <summary><c>{"ref": "Name"}</c>: a parameter or an assigned value.</summary>
    Reference,
    /// <summary><c>{"fn": "name", "argv": [...]}</c>.</summary>
    Function,
}

/// <summary>An expression of the rules language. Which fields matter depends on <see cref="Kind"/>.</summary>
internal sealed record EndpointExpression(EndpointExpressionKind Kind, SourceSpan Position)
{
    /// <summary>The string's text, the referenced name, or the function's name.</summary>
    public string Text { get; init; } = string.Empty;

    public bool Boolean { get; init; }

    public long Integer { get; init; }

    /// <summary>The parts of a string: literal text and references, in order.</summary>
    public EquatableArray<EndpointTemplatePart> Template { get; init; } = EquatableArray<EndpointTemplatePart>.Empty;

    public EquatableArray<EndpointExpression> Arguments { get; init; } = EquatableArray<EndpointExpression>.Empty;
}

/// <summary>Literal text, or a reference <c>{Name}</c> / <c>{Name#path}</c> (<see cref="Path"/> as in <c>getAttr</c>).</summary>
internal sealed record EndpointTemplatePart(string Text, bool IsReference, string? Path);

/// <summary>What an endpoint rule gives: the URL, headers (each a list of expressions) and properties.</summary>
internal sealed record EndpointDefinition(
    EndpointExpression Url,
    EquatableArray<EndpointHeader> Headers,
    EquatableArray<EndpointProperty> Properties);

internal sealed record EndpointHeader(string Name, EquatableArray<EndpointExpression> Values);

internal sealed record EndpointProperty(string Name, EndpointPropertyValue Value);

internal enum EndpointPropertyKind
{
    /// <summary>A string template (<see cref="EndpointPropertyValue.Text"/>).</summary>
    String,
    Boolean,
    /// <summary>A JSON number, kept as written.</summary>
    Number,
    Array,
    Object,
}

/// <summary>A JSON-like property value; strings may be templates.</summary>
internal sealed record EndpointPropertyValue(EndpointPropertyKind Kind, SourceSpan Position)
{
    public EndpointExpression? Text { get; init; }

    public bool Boolean { get; init; }

    public string? Number { get; init; }

    public EquatableArray<EndpointPropertyValue> Items { get; init; } = EquatableArray<EndpointPropertyValue>.Empty;

    public EquatableArray<EndpointProperty> Entries { get; init; } = EquatableArray<EndpointProperty>.Empty;
}

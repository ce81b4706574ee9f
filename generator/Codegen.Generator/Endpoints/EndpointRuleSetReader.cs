using System;
using System.Collections.Generic;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;
using Codegen.Generator.Readers;

namespace Codegen.Generator.Endpoints;

/// <summary>
/// Reads an endpoint rule set (botocore <c>endpoint-rule-set-1.json</c>, or the value of Smithy's
/// <c>smithy.rules#endpointRuleSet</c> trait) into <see cref="EndpointRuleSet"/>. Every problem is a CG0020
/// diagnostic at the offending value; the reader goes on past it, so that one run reports them all.
/// </summary>
internal static class EndpointRuleSetReader
{
    public const string SmithyTrait = "smithy.rules#endpointRuleSet";

    /// <summary>Parses a rule set file, or a Smithy model whose service shape carries the rule set trait.</summary>
    public static EndpointRuleSet? ReadText(string text, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        JsonValue root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonParseException e)
        {
            diagnostics.Add(DiagnosticDescriptors.MalformedJson, SourceSpan.At(e.Position), e.Reason);
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (root is JsonObject model && model["smithy"] is not null)
        {
            var trait = FindSmithyTrait(model);
            if (trait is null)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, root, "the Smithy model has no service shape with the '" + SmithyTrait + "' trait");
                return null;
            }

            return Read(trait, diagnostics, cancellationToken);
        }

        return Read(root, diagnostics, cancellationToken);
    }

    /// <summary>The value of the rule set trait on the model's service shape, if any.</summary>
    public static JsonValue? FindSmithyTrait(JsonObject model)
    {
        if (model.GetObject("shapes") is not { } shapes)
        {
            return null;
        }

        foreach (var shape in shapes.Properties)
        {
            if (shape.Value is JsonObject body && body.GetString("type") == "service" && body.GetObject("traits")?[SmithyTrait] is { } trait)
            {
                return trait;
            }
        }

        return null;
    }

    public static EndpointRuleSet? Read(JsonValue root, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (root is not JsonObject ruleSet)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, root, "an endpoint rule set must be a JSON object with 'version', 'parameters' and 'rules', found " + JsonValue.Describe(root.Kind));
            return null;
        }

        var version = ruleSet.GetString("version");
        if (version is null)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, ruleSet, "the endpoint rule set has no 'version' string");
        }
        else if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, ruleSet["version"]!, $"endpoint rule set version '{version}' is not supported: only 1.x is");
        }

        var parameters = new List<EndpointParameter>();
        if (Require<JsonObject>(ruleSet, "parameters", "an object", diagnostics) is { } parameterObject)
        {
            foreach (var property in parameterObject.Properties)
            {
                if (ReadParameter(property, diagnostics) is { } parameter)
                {
                    parameters.Add(parameter);
                }
            }
        }

        var rules = Require<JsonArray>(ruleSet, "rules", "an array", diagnostics) is { } ruleArray
            ? ReadRules(ruleArray, diagnostics, cancellationToken)
            : EquatableArray<EndpointRule>.Empty;
        return new EndpointRuleSet(version ?? "1.0", parameters.ToEquatableArray(), rules, DiagnosticBag.Span(ruleSet));
    }

    private static EndpointParameter? ReadParameter(JsonProperty property, DiagnosticBag diagnostics)
    {
        if (property.Value is not JsonObject body)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, property.Value, $"endpoint parameter '{property.Name}' must be an object, found {JsonValue.Describe(property.Value.Kind)}");
            return null;
        }

        var typeName = Require<JsonString>(body, "type", "a string", diagnostics, $"endpoint parameter '{property.Name}'");
        if (typeName is null)
        {
            return null;
        }

        EndpointParameterType type;
        switch (typeName.Value.ToLowerInvariant())
        {
            case "string": type = EndpointParameterType.String; break;
            case "boolean": type = EndpointParameterType.Boolean; break;
            case "stringarray": type = EndpointParameterType.StringArray; break;
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, typeName, $"endpoint parameter '{property.Name}' has type '{typeName.Value}': expected string, boolean or stringArray");
                return null;
        }

        var parameter = new EndpointParameter(property.Name, type, DiagnosticBag.NameSpan(property))
        {
            Required = body.GetBoolean("required"),
            BuiltIn = body.GetString("builtIn"),
            Documentation = body.GetString("documentation"),
            Deprecated = body.GetObject("deprecated") is { } deprecated ? deprecated.GetString("message") ?? string.Empty : null,
        };
        if (body["default"] is { } defaultValue)
        {
            parameter = parameter with { Default = ReadLiteral(defaultValue, type, property.Name, diagnostics) };
        }

        return parameter;
    }

    private static EndpointLiteral? ReadLiteral(JsonValue value, EndpointParameterType type, string parameter, DiagnosticBag diagnostics)
    {
        switch (type)
        {
            case EndpointParameterType.String when value is JsonString text:
                return new EndpointLiteral(type, text.Value, false, EquatableArray<string>.Empty);
            case EndpointParameterType.Boolean when value is JsonBoolean flag:
                return new EndpointLiteral(type, null, flag.Value, EquatableArray<string>.Empty);
            case EndpointParameterType.StringArray when value is JsonArray array:
                var items = new List<string>();
                foreach (var item in array.Items)
                {
                    if (item is JsonString itemText)
                    {
                        items.Add(itemText.Value);
                    }
                    else
                    {
                        diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, item, $"the default of endpoint parameter '{parameter}' must hold strings only, found {JsonValue.Describe(item.Kind)}");
                    }
                }

                return new EndpointLiteral(type, null, false, items.ToEquatableArray());
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, value, $"the default of endpoint parameter '{parameter}' must be {Describe(type)}, found {JsonValue.Describe(value.Kind)}");
                return null;
        }
    }

    private static string Describe(EndpointParameterType type) => type switch
    {
        EndpointParameterType.String => "a string",
        EndpointParameterType.Boolean => "a boolean",
        _ => "an array of strings",
    };

    private static EquatableArray<EndpointRule> ReadRules(JsonArray array, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var rules = new List<EndpointRule>(array.Items.Count);
        foreach (var item in array.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadRule(item, diagnostics, cancellationToken) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.ToEquatableArray();
    }

    private static EndpointRule? ReadRule(JsonValue value, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (value is not JsonObject body)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, value, "an endpoint rule must be an object, found " + JsonValue.Describe(value.Kind));
            return null;
        }

        var type = Require<JsonString>(body, "type", "a string", diagnostics, "an endpoint rule");
        if (type is null)
        {
            return null;
        }

        var conditions = new List<EndpointCondition>();
        if (body["conditions"] is { } conditionValue)
        {
            if (conditionValue is JsonArray conditionArray)
            {
                foreach (var item in conditionArray.Items)
                {
                    if (ReadCondition(item, diagnostics) is { } condition)
                    {
                        conditions.Add(condition);
                    }
                }
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, conditionValue, "'conditions' must be an array, found " + JsonValue.Describe(conditionValue.Kind));
            }
        }

        var rule = new EndpointRule(EndpointRuleKind.Endpoint, conditions.ToEquatableArray(), DiagnosticBag.Span(body))
        {
            Documentation = body.GetString("documentation"),
        };
        switch (type.Value)
        {
            case "endpoint":
                return Require<JsonObject>(body, "endpoint", "an object", diagnostics, "an endpoint rule") is { } endpoint
                    && ReadEndpoint(endpoint, diagnostics) is { } definition
                    ? rule with { Endpoint = definition }
                    : null;
            case "error":
                return body["error"] is { } error
                    ? (ReadExpression(error, diagnostics) is { } message ? rule with { Kind = EndpointRuleKind.Error, Error = message } : null)
                    : Missing(body, "error", "an error rule", diagnostics);
            case "tree":
                return Require<JsonArray>(body, "rules", "an array", diagnostics, "a tree rule") is { } rules
                    ? rule with { Kind = EndpointRuleKind.Tree, Rules = ReadRules(rules, diagnostics, cancellationToken) }
                    : null;
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, type, $"unknown endpoint rule type '{type.Value}': expected endpoint, error or tree");
                return null;
        }
    }

    private static EndpointCondition? ReadCondition(JsonValue value, DiagnosticBag diagnostics)
    {
        if (value is not JsonObject body || body["fn"] is null)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, value, "a condition must be a function call object ({\"fn\": ..., \"argv\": [...]})");
            return null;
        }

        string? assign = null;
        if (body["assign"] is { } assignValue)
        {
            if (assignValue is JsonString name && name.Value.Length > 0)
            {
                assign = name.Value;
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, assignValue, "'assign' must be a non-empty string");
            }
        }

        return ReadExpression(body, diagnostics) is { } function ? new EndpointCondition(function, assign, DiagnosticBag.Span(body)) : null;
    }

    private static EndpointExpression? ReadExpression(JsonValue value, DiagnosticBag diagnostics)
    {
        var span = DiagnosticBag.Span(value);
        switch (value)
        {
            case JsonString text:
                return ReadTemplate(text, diagnostics);
            case JsonBoolean flag:
                return new EndpointExpression(EndpointExpressionKind.Boolean, span) { Boolean = flag.Value };
            case JsonNumber number when number.TryGetInt64(out var integer) && integer is >= int.MinValue and <= int.MaxValue:
                return new EndpointExpression(EndpointExpressionKind.Integer, span) { Integer = integer };
            case JsonObject body when body["ref"] is { } reference:
                if (reference is JsonString name)
                {
                    return new EndpointExpression(EndpointExpressionKind.Reference, span) { Text = name.Value };
                }

                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, reference, "'ref' must name a parameter or an assigned value, found " + JsonValue.Describe(reference.Kind));
                return null;
            case JsonObject body when body["fn"] is { } function:
                if (function is not JsonString functionName)
                {
                    diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, function, "'fn' must be a function name, found " + JsonValue.Describe(function.Kind));
                    return null;
                }

                if (Require<JsonArray>(body, "argv", "an array", diagnostics, $"the call of '{functionName.Value}'") is not { } argv)
                {
                    return null;
                }

                var arguments = new List<EndpointExpression>(argv.Items.Count);
                foreach (var item in argv.Items)
                {
                    if (ReadExpression(item, diagnostics) is not { } argument)
                    {
                        return null;
                    }

                    arguments.Add(argument);
                }

                return new EndpointExpression(EndpointExpressionKind.Function, span) { Text = functionName.Value, Arguments = arguments.ToEquatableArray() };
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, value, "expected a string, a boolean, an integer, {\"ref\": ...} or {\"fn\": ...}, found " + JsonValue.Describe(value.Kind));
                return null;
        }
    }

    /// <summary>Splits <c>https://{Bucket}.s3.{PartitionResult#dnsSuffix}</c> into text and references; <c>{{</c> and <c>}}</c> are literal braces.</summary>
    private static EndpointExpression? ReadTemplate(JsonString value, DiagnosticBag diagnostics)
    {
        var text = value.Value;
        var parts = new List<EndpointTemplatePart>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                var reference = close < 0 ? string.Empty : text.Substring(i + 1, close - i - 1);
                var hash = reference.IndexOf('#');
                var name = hash < 0 ? reference : reference.Substring(0, hash);
                if (close < 0 || name.Length == 0 || (hash >= 0 && hash == reference.Length - 1))
                {
                    diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, value,
                        $"the template \"{text}\" has a '{{' at character {i + 1} that does not start a reference {{Name}} or {{Name#attribute}} (write '{{{{' for a literal brace)");
                    return null;
                }

                if (literal.Length > 0)
                {
                    parts.Add(new EndpointTemplatePart(literal.ToString(), false, null));
                    literal.Clear();
                }

                parts.Add(new EndpointTemplatePart(name, true, hash < 0 ? null : reference.Substring(hash + 1)));
                i = close;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new EndpointTemplatePart(literal.ToString(), false, null));
        }

        return new EndpointExpression(EndpointExpressionKind.String, DiagnosticBag.Span(value)) { Text = text, Template = parts.ToEquatableArray() };
    }

    private static EndpointDefinition? ReadEndpoint(JsonObject body, DiagnosticBag diagnostics)
    {
        if (body["url"] is not { } urlValue)
        {
            return Missing<EndpointDefinition>(body, "url", "an endpoint", diagnostics);
        }

        var url = ReadExpression(urlValue, diagnostics);
        var headers = new List<EndpointHeader>();
        if (body["headers"] is { } headerValue)
        {
            if (headerValue is JsonObject headerObject)
            {
                foreach (var header in headerObject.Properties)
                {
                    if (header.Value is not JsonArray values)
                    {
                        diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, header.Value, $"header '{header.Name}' must be an array of values, found {JsonValue.Describe(header.Value.Kind)}");
                        continue;
                    }

                    var items = new List<EndpointExpression>();
                    foreach (var item in values.Items)
                    {
                        if (ReadExpression(item, diagnostics) is { } expression)
                        {
                            items.Add(expression);
                        }
                    }

                    headers.Add(new EndpointHeader(header.Name, items.ToEquatableArray()));
                }
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, headerValue, "'headers' must be an object, found " + JsonValue.Describe(headerValue.Kind));
            }
        }

        var properties = EquatableArray<EndpointProperty>.Empty;
        if (body["properties"] is { } propertyValue)
        {
            if (propertyValue is JsonObject)
            {
                properties = ReadPropertyValue(propertyValue, diagnostics)?.Entries ?? properties;
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, propertyValue, "'properties' must be an object, found " + JsonValue.Describe(propertyValue.Kind));
            }
        }

        return url is null ? null : new EndpointDefinition(url, headers.ToEquatableArray(), properties);
    }

    private static EndpointPropertyValue? ReadPropertyValue(JsonValue value, DiagnosticBag diagnostics)
    {
        var span = DiagnosticBag.Span(value);
        switch (value)
        {
            case JsonString text:
                return ReadTemplate(text, diagnostics) is { } template ? new EndpointPropertyValue(EndpointPropertyKind.String, span) { Text = template } : null;
            case JsonBoolean flag:
                return new EndpointPropertyValue(EndpointPropertyKind.Boolean, span) { Boolean = flag.Value };
            case JsonNumber number:
                return new EndpointPropertyValue(EndpointPropertyKind.Number, span) { Number = number.Text };
            case JsonArray array:
                var items = new List<EndpointPropertyValue>();
                foreach (var item in array.Items)
                {
                    if (ReadPropertyValue(item, diagnostics) is { } read)
                    {
                        items.Add(read);
                    }
                }

                return new EndpointPropertyValue(EndpointPropertyKind.Array, span) { Items = items.ToEquatableArray() };
            case JsonObject body:
                var entries = new List<EndpointProperty>();
                foreach (var property in body.Properties)
                {
                    if (ReadPropertyValue(property.Value, diagnostics) is { } read)
                    {
                        entries.Add(new EndpointProperty(property.Name, read));
                    }
                }

                return new EndpointPropertyValue(EndpointPropertyKind.Object, span) { Entries = entries.ToEquatableArray() };
            default:
                diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, value, "an endpoint property cannot be null");
                return null;
        }
    }

    private static T? Require<T>(JsonObject body, string name, string expected, DiagnosticBag diagnostics, string? owner = null)
        where T : JsonValue
    {
        var value = body[name];
        if (value is T typed)
        {
            return typed;
        }

        var where = owner is null ? "the endpoint rule set" : owner;
        diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, value ?? body,
            value is null ? $"{where} has no '{name}' (expected {expected})" : $"'{name}' of {where} must be {expected}, found {JsonValue.Describe(value.Kind)}");
        return null;
    }

    private static EndpointRule? Missing(JsonObject body, string name, string owner, DiagnosticBag diagnostics) =>
        Missing<EndpointRule>(body, name, owner, diagnostics);

    private static T? Missing<T>(JsonObject body, string name, string owner, DiagnosticBag diagnostics)
        where T : class
    {
        diagnostics.Add(DiagnosticDescriptors.InvalidEndpointRuleSet, body, $"{owner} has no '{name}'");
        return null;
    }
}

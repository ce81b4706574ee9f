using System.Collections.Generic;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

/// <summary>
/// Reads paginators: botocore's <c>paginators-1.json</c> (<c>{"pagination": {"ListTables": {"input_token": ...}}}</c>)
/// and Smithy's <c>smithy.api#paginated</c> trait (on an operation, with the service's trait as defaults). Only the
/// shape of the definitions is checked here; whether the names and expressions fit the operation is checked when
/// they are compiled against the generated types (<see cref="Paging.PaginatorEmitter"/>). Problems are CG0022.
/// </summary>
internal static class PaginatorReader
{
    public const string SmithyTrait = "smithy.api#paginated";

    /// <summary>Parses a botocore paginators file; null (with diagnostics) when it is not one.</summary>
    public static EquatableArray<PaginatorModel>? ReadBotocore(string text, DiagnosticBag diagnostics, CancellationToken cancellationToken)
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
        if (root is not JsonObject file || file["pagination"] is not JsonObject pagination)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, root, "a paginators file must be a JSON object with a 'pagination' object, one member per operation");
            return null;
        }

        var result = new List<PaginatorModel>();
        foreach (var property in pagination.Properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.Value is not JsonObject definition)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, property.Value, $"the paginator of '{property.Name}' must be an object, found {JsonValue.Describe(property.Value.Kind)}");
                continue;
            }

            var owner = $"the paginator of '{property.Name}'";
            var inputs = Expressions(definition, "input_token", owner, diagnostics);
            var outputs = Expressions(definition, "output_token", owner, diagnostics);
            if (inputs is null || outputs is null)
            {
                continue;
            }

            if (inputs.Count != outputs.Count || inputs.Count == 0)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, definition, $"{owner} needs as many 'output_token' expressions as 'input_token' members, at least one; it has {inputs.Count} and {outputs.Count}");
                continue;
            }

            var results = definition["result_key"] is null ? new List<ModelExpression>() : Expressions(definition, "result_key", owner, diagnostics);
            if (results is null)
            {
                continue;
            }

            result.Add(new PaginatorModel(property.Name, BotocoreSpan(property))
            {
                InputTokens = inputs.ToEquatableArray(),
                OutputTokens = outputs.ToEquatableArray(),
                ResultKeys = results.ToEquatableArray(),
                LimitKey = Optional(definition, "limit_key", owner, diagnostics),
                MoreResults = Optional(definition, "more_results", owner, diagnostics),
            });
        }

        return result.ToEquatableArray();
    }

    /// <summary>
    /// The paginator of a Smithy operation with the <c>paginated</c> trait (<paramref name="trait"/>), its missing
    /// <c>inputToken</c>, <c>outputToken</c> and <c>pageSize</c> taken from the service's trait; null when the operation
    /// does not page (no trait, or no tokens even with the service's).
    /// </summary>
    public static PaginatorModel? ReadSmithy(string operation, SourceSpan position, JsonValue? trait, JsonValue? serviceTrait, DiagnosticBag diagnostics)
    {
        if (trait is null)
        {
            return null;
        }

        var owner = $"the paginated trait of '{operation}'";
        if (trait is not JsonObject own)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, trait, $"{owner} must be an object");
            return null;
        }

        var defaults = serviceTrait as JsonObject;
        ModelExpression? Member(string name, bool inherited) =>
            Optional(own, name, owner, diagnostics) ?? (inherited && defaults is not null ? Optional(defaults, name, "the service's paginated trait", diagnostics) : null);

        var input = Member("inputToken", inherited: true);
        var output = Member("outputToken", inherited: true);
        if (input is null || output is null)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, own, $"{owner} names no 'inputToken' and 'outputToken' (nor does the service's)");
            return null;
        }

        var items = Member("items", inherited: false);
        return new PaginatorModel(operation, position)
        {
            InputTokens = new[] { input }.ToEquatableArray(),
            OutputTokens = new[] { output }.ToEquatableArray(),
            LimitKey = Member("pageSize", inherited: true),
            ResultKeys = items is null ? EquatableArray<ModelExpression>.Empty : new[] { items }.ToEquatableArray(),
        };
    }

    /// <summary>A string or a non-empty list of strings (botocore allows either for tokens and result keys).</summary>
    private static List<ModelExpression>? Expressions(JsonObject definition, string name, string owner, DiagnosticBag diagnostics)
    {
        switch (definition[name])
        {
            case JsonString text:
                return new List<ModelExpression> { Expression(text) };
            case JsonArray { Items.Count: > 0 } list when list.Items.TrueForAll(i => i is JsonString):
                return list.Items.ConvertAll(i => Expression((JsonString)i));
            case null:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, definition, $"{owner} has no '{name}'");
                return null;
            case var other:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, other, $"'{name}' of {owner} must be a string or a list of strings, found {JsonValue.Describe(other.Kind)}");
                return null;
        }
    }

    private static ModelExpression? Optional(JsonObject definition, string name, string owner, DiagnosticBag diagnostics)
    {
        switch (definition[name])
        {
            case null:
                return null;
            case JsonString text:
                return Expression(text);
            case var other:
                diagnostics.Add(DiagnosticDescriptors.InvalidPagingDefinition, other, $"'{name}' of {owner} must be a string, found {JsonValue.Describe(other.Kind)}");
                return null;
        }
    }

    public static ModelExpression Expression(JsonString text) => new(text.Value, DiagnosticBag.Span(text));

    private static SourceSpan BotocoreSpan(JsonProperty property) => DiagnosticBag.NameSpan(property);
}

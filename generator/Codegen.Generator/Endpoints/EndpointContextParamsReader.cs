using System.Collections.Generic;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Endpoints;

/// <summary>
/// Reads what fills endpoint rules parameters from a model. botocore and Smithy write these alike (botocore's keys
/// are the Smithy trait values), so both readers call these with the object found under the key or trait.
/// Values of an unexpected shape are left out: the rule set decides the types, and a missing parameter is unset.
/// </summary>
internal static class EndpointContextParamsReader
{
    public const string ContextParamTrait = "smithy.rules#contextParam";
    public const string StaticContextParamsTrait = "smithy.rules#staticContextParams";
    public const string OperationContextParamsTrait = "smithy.rules#operationContextParams";
    public const string ClientContextParamsTrait = "smithy.rules#clientContextParams";

    /// <summary><c>{"name": "Bucket"}</c> on an input member: the rules parameter it fills.</summary>
    public static string? ContextParam(JsonValue? value) => (value as JsonObject)?.GetString("name");

    /// <summary><c>{"UseS3ExpressControlEndpoint": {"value": true}}</c> on an operation.</summary>
    public static EquatableArray<StaticContextParam> StaticContextParams(JsonValue? value)
    {
        var result = new List<StaticContextParam>();
        foreach (var property in Entries(value))
        {
            var literal = (property.Value as JsonObject)?["value"] switch
            {
                JsonString text => new EndpointLiteral(EndpointParameterType.String, text.Value, false, EquatableArray<string>.Empty),
                JsonBoolean flag => new EndpointLiteral(EndpointParameterType.Boolean, null, flag.Value, EquatableArray<string>.Empty),
                JsonArray array => new EndpointLiteral(EndpointParameterType.StringArray, null, false, Strings(array)),
                _ => null,
            };
            if (literal is not null)
            {
                result.Add(new StaticContextParam(property.Name, literal));
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary><c>{"ResourceArnList": {"path": "keys(RequestItems)"}}</c> on an operation.</summary>
    public static EquatableArray<OperationContextParam> OperationContextParams(JsonValue? value)
    {
        var result = new List<OperationContextParam>();
        foreach (var property in Entries(value))
        {
            if ((property.Value as JsonObject)?.GetString("path") is { } path)
            {
                result.Add(new OperationContextParam(property.Name, path));
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary><c>{"ForcePathStyle": {"type": "boolean", "documentation": "..."}}</c> on the service.</summary>
    public static EquatableArray<ClientContextParam> ClientContextParams(JsonValue? value)
    {
        var result = new List<ClientContextParam>();
        foreach (var property in Entries(value))
        {
            if (property.Value is JsonObject body && body.GetString("type") is { } type)
            {
                result.Add(new ClientContextParam(property.Name, type, body.GetString("documentation")));
            }
        }

        return result.ToEquatableArray();
    }

    private static IEnumerable<JsonProperty> Entries(JsonValue? value) =>
        value is JsonObject body ? body.Properties : (IEnumerable<JsonProperty>)System.Array.Empty<JsonProperty>();

    private static EquatableArray<string> Strings(JsonArray array)
    {
        var items = new List<string>();
        foreach (var item in array.Items)
        {
            if (item is JsonString text)
            {
                items.Add(text.Value);
            }
        }

        return items.ToEquatableArray();
    }
}

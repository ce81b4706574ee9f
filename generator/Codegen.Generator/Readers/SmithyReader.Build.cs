using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

// From resolved Smithy shapes to the model records.
internal sealed partial class SmithyReader
{
    private ShapeModel? BuildShape(SmithyShape shape, Dictionary<string, string> names)
    {
        var name = names[shape.Id];
        var traits = shape.Traits;
        var owner = $"shape '{shape.Id}'";
        var kind = shape.Type switch
        {
            "structure" => ShapeKind.Structure,
            "union" => ShapeKind.Union,
            "list" or "set" => ShapeKind.List,
            "map" => ShapeKind.Map,
            "string" when traits.ContainsKey(SmithyTraits.EnumTrait) => ShapeKind.Enum,
            "string" => ShapeKind.String,
            "enum" => ShapeKind.Enum,
            "intEnum" => ShapeKind.IntEnum,
            "byte" => ShapeKind.Byte,
            "short" => ShapeKind.Short,
            "integer" => ShapeKind.Integer,
            "long" => ShapeKind.Long,
            "float" => ShapeKind.Float,
            "double" => ShapeKind.Double,
            "bigInteger" => ShapeKind.BigInteger,
            "bigDecimal" => ShapeKind.BigDecimal,
            "boolean" => ShapeKind.Boolean,
            "timestamp" => ShapeKind.Timestamp,
            "blob" => ShapeKind.Blob,
            _ => ShapeKind.Document, // document, and unknown types (reported when indexed)
        };

        var (min, max) = Bounds(traits, SmithyTraits.Length, owner);
        if (min is null && max is null)
        {
            (min, max) = Bounds(traits, SmithyTraits.Range, owner);
        }

        var model = new ShapeModel(name, kind, shape.Position)
        {
            Documentation = TraitString(traits, SmithyTraits.Documentation, owner),
            Deprecated = traits.ContainsKey(SmithyTraits.Deprecated),
            Sensitive = traits.ContainsKey(SmithyTraits.Sensitive),
            Min = min,
            Max = max,
            Pattern = TraitString(traits, SmithyTraits.Pattern, owner),
            TimestampFormat = ReadTimestampFormat(traits, owner),
            Streaming = traits.ContainsKey(SmithyTraits.Streaming),
            RequiresLength = traits.ContainsKey(SmithyTraits.RequiresLength),
            Sparse = traits.ContainsKey(SmithyTraits.Sparse),
            XmlNamespace = ReadXmlNamespace(traits, owner),
            MediaType = TraitString(traits, SmithyTraits.MediaType, owner),
        };

        switch (kind)
        {
            case ShapeKind.Structure:
            case ShapeKind.Union:
                model = model with { Members = BuildMembers(shape, names, kind == ShapeKind.Structure) };
                if (traits.ContainsKey(SmithyTraits.Error))
                {
                    model = WithError(model, shape);
                }

                break;
            case ShapeKind.List:
                var element = BuildElement(shape, "member", names);
                if (element is null)
                {
                    return null;
                }

                model = model with { Element = element };
                break;
            case ShapeKind.Map:
                var key = BuildElement(shape, "key", names);
                var value = BuildElement(shape, "value", names);
                if (key is null || value is null)
                {
                    return null;
                }

                model = model with { Key = key, Element = value };
                break;
            case ShapeKind.Enum:
                model = model with { EnumValues = shape.Type == "enum" ? ReadEnumMembers(shape) : ReadEnumTrait(shape) };
                break;
            case ShapeKind.IntEnum:
                model = model with { EnumValues = ReadIntEnumMembers(shape) };
                break;
        }

        return model;
    }

    private ShapeModel WithError(ShapeModel model, SmithyShape shape)
    {
        var traits = shape.Traits;
        var owner = $"shape '{shape.Id}'";
        var kind = TraitString(traits, SmithyTraits.Error, owner);
        if (kind is not null and not "client" and not "server")
        {
            Report(DiagnosticDescriptors.Unsupported, traits[SmithyTraits.Error], $"the error trait of '{shape.Id}' must be \"client\" or \"server\", not \"{kind}\"; it is read as \"client\"");
        }

        int? status = traits.TryGetValue(SmithyTraits.HttpError, out var httpError)
            ? ReadInt(httpError, $"the httpError trait of '{shape.Id}'")
            : null;

        // The awsQuery protocols (and JSON services compatible with them) send the code awsQueryError names.
        string? code = null;
        if (_queryErrors && TraitObject(traits, SmithyTraits.AwsQueryError, owner) is { } queryError)
        {
            code = queryError.GetString("code");
            if (status is null && queryError["httpResponseCode"] is JsonNumber queryStatus)
            {
                status = ReadInt(queryStatus, $"the awsQueryError trait of '{shape.Id}'");
            }
        }

        if (code is null && model.Name != shape.ShortName)
        {
            code = shape.ShortName; // renamed or disambiguated: the wire still uses the shape's own name
        }

        return model with
        {
            IsError = true,
            IsFault = kind == "server",
            ErrorCode = code,
            ErrorHttpStatus = status,
            IsThrottling = TraitObject(traits, SmithyTraits.Retryable, owner)?["throttling"] is JsonBoolean { Value: true },
        };
    }

    private EquatableArray<MemberModel> BuildMembers(SmithyShape shape, Dictionary<string, string> names, bool isStructure)
    {
        var result = new List<MemberModel>();
        foreach (var member in shape.Members)
        {
            var model = BuildMember(shape, member, names, isStructure, body: true);
            if (model is not null)
            {
                result.Add(model);
            }
        }

        return result.ToEquatableArray();
    }

    private MemberModel? BuildElement(SmithyShape shape, string name, Dictionary<string, string> names)
    {
        var member = shape.Member(name);
        return member is null ? null : BuildMember(shape, member, names, isStructure: false, body: false);
    }

    private MemberModel? BuildMember(SmithyShape shape, SmithyMember member, Dictionary<string, string> names, bool isStructure, bool body)
    {
        if (member.Resolved is not { } target)
        {
            return null; // reported when the target was looked up
        }

        var traits = member.Traits;
        var owner = $"member '{shape.Id}${member.Name}'";

        // Nullability (docs/smithy.md): @required makes a member non-null unless @clientOptional says clients must
        // not rely on it; @input does not relax it, and @default alone does not make a member required.
        var required = isStructure && traits.ContainsKey(SmithyTraits.Required) && !traits.ContainsKey(SmithyTraits.ClientOptional);
        string? defaultValue = null;
        if (traits.TryGetValue(SmithyTraits.Default, out var defaultJson) && defaultJson is not JsonNull)
        {
            defaultValue = SmithyJsonText.Write(defaultJson);
        }

        var location = HttpLocation.Body;
        string? wireName = null;
        var jsonValue = false;
        if (isStructure && _restProtocol)
        {
            if (TraitString(traits, SmithyTraits.HttpHeader, owner) is { } header)
            {
                location = HttpLocation.Header;
                wireName = header;
                jsonValue = IsJsonMediaType(target);
            }
            else if (TraitString(traits, SmithyTraits.HttpPrefixHeaders, owner) is { } prefix)
            {
                location = HttpLocation.PrefixHeaders;
                wireName = prefix;
            }
            else if (TraitString(traits, SmithyTraits.HttpQuery, owner) is { } query)
            {
                location = HttpLocation.Query;
                wireName = query;
                jsonValue = IsJsonMediaType(target);
            }
            else if (traits.ContainsKey(SmithyTraits.HttpQueryParams))
            {
                location = HttpLocation.QueryParams;
            }
            else if (traits.ContainsKey(SmithyTraits.HttpLabel))
            {
                location = HttpLocation.Label;
                wireName = member.Name;
            }
            else if (traits.ContainsKey(SmithyTraits.HttpResponseCode))
            {
                location = HttpLocation.StatusCode;
            }
            else if (traits.ContainsKey(SmithyTraits.HttpPayload))
            {
                location = HttpLocation.Payload;
            }
        }

        if (location is HttpLocation.Body or HttpLocation.Payload)
        {
            // jsonName counts for restJson1 only: the awsJson protocols and rpcv2Cbor always use member names.
            wireName = _protocol switch
            {
                WireProtocol.RestJson1 when body => TraitString(traits, SmithyTraits.JsonName, owner),
                WireProtocol.RestXml or WireProtocol.AwsQuery or WireProtocol.Ec2Query => TraitString(traits, SmithyTraits.XmlName, owner),
                _ => null,
            };
        }

        return new MemberModel(member.Name, names[target.Id], member.Position)
        {
            Required = required,
            Documentation = TraitString(traits, SmithyTraits.Documentation, owner),
            Deprecated = traits.ContainsKey(SmithyTraits.Deprecated),
            Sensitive = traits.ContainsKey(SmithyTraits.Sensitive),
            WireName = wireName,
            Location = location,
            TimestampFormat = ReadTimestampFormat(traits, owner),
            IdempotencyToken = traits.ContainsKey(SmithyTraits.IdempotencyToken),
            JsonValue = jsonValue,
            DefaultValue = defaultValue,
            HostLabel = isStructure && traits.ContainsKey(SmithyTraits.HostLabel),
            XmlAttribute = traits.ContainsKey(SmithyTraits.XmlAttribute),
            Flattened = traits.ContainsKey(SmithyTraits.XmlFlattened),
            XmlNamespace = ReadXmlNamespace(traits, owner),
            QueryName = TraitString(traits, SmithyTraits.Ec2QueryName, owner),
            ContextParam = Endpoints.EndpointContextParamsReader.ContextParam(traits.TryGetValue(Endpoints.EndpointContextParamsReader.ContextParamTrait, out var contextParam) ? contextParam : null),
        };
    }

    private XmlNamespaceModel? ReadXmlNamespace(Dictionary<string, JsonValue> traits, string owner) =>
        TraitObject(traits, SmithyTraits.XmlNamespace, owner) is { } ns && ns.GetString("uri") is { } uri
            ? new XmlNamespaceModel(uri, ns.GetString("prefix"))
            : null;

    private static bool IsJsonMediaType(SmithyShape target) =>
        target.Type == "string" && target.Traits.TryGetValue(SmithyTraits.MediaType, out var mediaType) && mediaType is JsonString text &&
        (text.Value == "application/json" || text.Value.EndsWith("+json", StringComparison.Ordinal));

    private EquatableArray<EnumValueModel> ReadEnumMembers(SmithyShape shape)
    {
        var result = new List<EnumValueModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in shape.Members)
        {
            var owner = $"enum value '{shape.Id}${member.Name}'";
            var value = member.Name;
            if (member.Traits.TryGetValue(SmithyTraits.EnumValue, out var enumValue))
            {
                if (enumValue is JsonString text)
                {
                    value = text.Value;
                }
                else
                {
                    Report(DiagnosticDescriptors.Unsupported, enumValue, $"the enumValue of {owner} must be a string; the member name is used");
                }
            }

            if (seen.Add(value))
            {
                result.Add(new EnumValueModel(member.Name, value, null, TraitString(member.Traits, SmithyTraits.Documentation, owner)));
            }
        }

        return result.ToEquatableArray();
    }

    private EquatableArray<EnumValueModel> ReadIntEnumMembers(SmithyShape shape)
    {
        var result = new List<EnumValueModel>();
        var seen = new HashSet<int>();
        foreach (var member in shape.Members)
        {
            var owner = $"intEnum value '{shape.Id}${member.Name}'";
            if (!member.Traits.TryGetValue(SmithyTraits.EnumValue, out var enumValue))
            {
                Report(DiagnosticDescriptors.Unsupported, member.Position, $"{owner} has no enumValue; it is left out");
                continue;
            }

            if (ReadInt(enumValue, "the enumValue of " + owner) is { } number && seen.Add(number))
            {
                result.Add(new EnumValueModel(member.Name, number.ToString(CultureInfo.InvariantCulture), number, TraitString(member.Traits, SmithyTraits.Documentation, owner)));
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary>Smithy 1.0 <c>@enum([{value, name, documentation}])</c> on a string shape.</summary>
    private EquatableArray<EnumValueModel> ReadEnumTrait(SmithyShape shape)
    {
        var result = new List<EnumValueModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var trait = shape.Traits[SmithyTraits.EnumTrait];
        if (trait is not JsonArray definitions)
        {
            Report(DiagnosticDescriptors.Unsupported, trait, $"the enum trait of '{shape.Id}' must be an array of {{\"value\": ...}} objects; the shape has no values");
            return result.ToEquatableArray();
        }

        foreach (var item in definitions.Items)
        {
            if (item is JsonObject definition && definition["value"] is JsonString value)
            {
                if (seen.Add(value.Value))
                {
                    result.Add(new EnumValueModel(definition.GetString("name") ?? value.Value, value.Value, null, definition.GetString("documentation")));
                }
            }
            else
            {
                Report(DiagnosticDescriptors.Unsupported, item, $"an enum definition of '{shape.Id}' needs a string 'value'; it is left out");
            }
        }

        return result.ToEquatableArray();
    }

    private OperationModel? BuildOperation(OperationRead operation, Dictionary<string, string> names)
    {
        if (operation.Broken)
        {
            return null; // its input or output does not exist (reported)
        }

        var shape = operation.Shape;
        var traits = shape.Traits;
        var owner = $"operation '{shape.Id}'";
        var method = "POST";
        var uri = "/";
        if (_restProtocol && TraitObject(traits, SmithyTraits.Http, owner) is { } http)
        {
            method = http.GetString("method") ?? method;
            uri = http.GetString("uri") ?? uri;
        }

        var errors = new List<string>();
        foreach (var error in operation.Errors)
        {
            var name = names[error.Id];
            if (!errors.Contains(name))
            {
                errors.Add(name);
            }
        }

        return new OperationModel(
            Name: names[shape.Id],
            HttpMethod: method,
            RequestUri: uri,
            Input: operation.Input is { } input ? names[input.Id] : null,
            Output: operation.Output is { } output ? names[output.Id] : null,
            Errors: errors.ToEquatableArray(),
            Documentation: TraitString(traits, SmithyTraits.Documentation, owner),
            Deprecated: traits.ContainsKey(SmithyTraits.Deprecated),
            RequiresSigning: RequiresSigning(shape),
            Position: shape.Position)
        {
            HostPrefix = TraitObject(traits, SmithyTraits.Endpoint, owner)?.GetString("hostPrefix"),
            StaticContextParams = Endpoints.EndpointContextParamsReader.StaticContextParams(traits.TryGetValue(Endpoints.EndpointContextParamsReader.StaticContextParamsTrait, out var staticContext) ? staticContext : null),
            OperationContextParams = Endpoints.EndpointContextParamsReader.OperationContextParams(traits.TryGetValue(Endpoints.EndpointContextParamsReader.OperationContextParamsTrait, out var operationContext) ? operationContext : null),
            Iam = ReadIam(shape),
            UnsignedPayload = traits.ContainsKey(SmithyTraits.UnsignedPayload),
            HttpChecksum = BotocoreReader.ReadHttpChecksum(TraitObject(traits, SmithyTraits.HttpChecksum, owner)),
            HttpChecksumRequired = traits.ContainsKey(SmithyTraits.HttpChecksumRequired),
            RequestCompression = BotocoreReader.ReadRequestCompression(TraitObject(traits, SmithyTraits.RequestCompression, owner)),
        };
    }

    /// <summary>
    /// False when the operation may be called without credentials: <c>@optionalAuth</c>, or an effective auth list
    /// (the operation's <c>@auth</c>, else the service's <c>@auth</c>, else the service's auth scheme traits) that
    /// is empty or holds only <c>smithy.api#noAuth</c>.
    /// </summary>
    private bool RequiresSigning(SmithyShape operation)
    {
        if (operation.Has(SmithyTraits.OptionalAuth))
        {
            return false;
        }

        var list = (operation.Traits.TryGetValue(SmithyTraits.Auth, out var own) ? own : null) as JsonArray
            ?? (_service.Traits.TryGetValue(SmithyTraits.Auth, out var inherited) ? inherited : null) as JsonArray;
        if (list is not null)
        {
            return list.Items.Any(item => item is JsonString scheme && scheme.Value != SmithyTraits.NoAuth);
        }

        return SmithyTraits.AuthSchemes.Any(_service.Has);
    }

    /// <summary>Drops what points at something left out, until nothing does (so that the model is self-consistent).</summary>
    private static void MakeConsistent(Dictionary<string, ShapeModel> shapes, List<OperationModel> operations)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var shape in shapes.Values.ToList())
            {
                if ((shape.Element is { } element && !shapes.ContainsKey(element.Target)) || (shape.Key is { } key && !shapes.ContainsKey(key.Target)))
                {
                    shapes.Remove(shape.Name);
                    changed = true;
                }
                else if (shape.Members.Any(m => !shapes.ContainsKey(m.Target)))
                {
                    shapes[shape.Name] = shape with { Members = shape.Members.Where(m => shapes.ContainsKey(m.Target)).ToEquatableArray() };
                    changed = true;
                }
            }
        }
        while (changed);

        for (var i = operations.Count - 1; i >= 0; i--)
        {
            var operation = operations[i];
            if ((operation.Input is { } input && !shapes.ContainsKey(input)) || (operation.Output is { } output && !shapes.ContainsKey(output)))
            {
                operations.RemoveAt(i);
            }
            else if (operation.Errors.Any(e => !shapes.ContainsKey(e)))
            {
                operations[i] = operation with { Errors = operation.Errors.Where(shapes.ContainsKey).ToEquatableArray() };
            }
        }
    }

    // ---- Trait values ------------------------------------------------------------------------------------

    private string? TraitString(Dictionary<string, JsonValue> traits, string trait, string owner)
    {
        if (!traits.TryGetValue(trait, out var value))
        {
            return null;
        }

        if (value is JsonString text)
        {
            return text.Value;
        }

        Report(DiagnosticDescriptors.Unsupported, value, $"trait {trait} of {owner} must be a string, found {JsonValue.Describe(value.Kind)}; it is ignored");
        return null;
    }

    private JsonObject? TraitObject(Dictionary<string, JsonValue> traits, string trait, string owner)
    {
        if (!traits.TryGetValue(trait, out var value))
        {
            return null;
        }

        if (value is JsonObject obj)
        {
            return obj;
        }

        Report(DiagnosticDescriptors.Unsupported, value, $"trait {trait} of {owner} must be an object, found {JsonValue.Describe(value.Kind)}; it is ignored");
        return null;
    }

    private (long? Min, long? Max) Bounds(Dictionary<string, JsonValue> traits, string trait, string owner)
    {
        var bounds = TraitObject(traits, trait, owner);
        return bounds is null ? (null, null) : (ReadLong(bounds["min"]), ReadLong(bounds["max"]));
    }

    private static long? ReadLong(JsonValue? value) =>
        value is JsonNumber number
            ? number.TryGetInt64(out var exact) ? exact
            : number.TryGetDouble(out var approximate) ? (long)Math.Max(long.MinValue, Math.Min(long.MaxValue, approximate)) : null
            : null;

    private int? ReadInt(JsonValue value, string what)
    {
        if (value is JsonNumber number && number.TryGetInt64(out var exact) && exact >= int.MinValue && exact <= int.MaxValue)
        {
            return (int)exact;
        }

        Report(DiagnosticDescriptors.Unsupported, value, $"{what} must be a 32-bit integer; it is ignored");
        return null;
    }

    private TimestampFormat ReadTimestampFormat(Dictionary<string, JsonValue> traits, string owner)
    {
        switch (TraitString(traits, SmithyTraits.TimestampFormat, owner))
        {
            case null:
                return TimestampFormat.Default;
            case "date-time":
                return TimestampFormat.Iso8601;
            case "epoch-seconds":
                return TimestampFormat.EpochSeconds;
            case "http-date":
                return TimestampFormat.HttpDate;
            case var other:
                Report(DiagnosticDescriptors.Unsupported, traits[SmithyTraits.TimestampFormat],
                    $"timestampFormat '{other}' of {owner} is not date-time, epoch-seconds or http-date; the protocol's default is used");
                return TimestampFormat.Default;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Readers;

/// <summary>
/// Reads a botocore-style service model (<c>version</c>, <c>metadata</c>, <c>operations</c>, <c>shapes</c>):
/// full service models, single-operation slices, and minified models whose members hold shape definitions
/// inline. Unknown keys are ignored; anything it cannot use is reported with its position and left out, so
/// that one bad shape does not cost the rest of the model.
/// </summary>
internal sealed class BotocoreReader
{
    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;

    // The item's Protocol metadata (null: the preferred protocol among those the model lists).
    private string? _requestedProtocol;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, ShapeModel> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _shapeJson = new(StringComparer.Ordinal);

    private BotocoreReader(string path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _path = path;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public static bool Recognizes(JsonObject root) =>
        root["metadata"] is not null && (root["shapes"] is not null || root["operations"] is not null);

    public static ReadResult Read(string path, JsonObject root, CancellationToken cancellationToken) =>
        Read(path, root, requestedProtocol: null, cancellationToken);

    /// <summary>The model, with the protocol <paramref name="requestedProtocol"/> names if the model lists it (CG0010 if not).</summary>
    public static ReadResult Read(string path, JsonObject root, string? requestedProtocol, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(path);
        var reader = new BotocoreReader(path, diagnostics, cancellationToken) { _requestedProtocol = requestedProtocol };
        var model = reader.ReadModel(root);
        return new ReadResult(model, diagnostics.Items.ToEquatableArray());
    }

    private ServiceModel? ReadModel(JsonObject root)
    {
        if (root["metadata"] is not JsonObject metadataJson)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, root["metadata"] ?? root, "'metadata' must be an object with the service's protocol and names");
            return null;
        }

        var metadata = ReadMetadata(metadataJson, root);
        if (metadata is null)
        {
            return null;
        }

        var shapesJson = root["shapes"];
        if (shapesJson is not null and not JsonObject)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, shapesJson, "'shapes' must be an object of shape definitions, found " + JsonValue.Describe(shapesJson.Kind));
            return null;
        }

        var operationsJson = root["operations"];
        if (operationsJson is not null and not JsonObject)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, operationsJson, "'operations' must be an object of operation definitions, found " + JsonValue.Describe(operationsJson.Kind));
            return null;
        }

        if (shapesJson is JsonObject shapes)
        {
            foreach (var property in shapes.Properties)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (property.Value is JsonObject shapeObject)
                {
                    _shapeJson[property.Name] = shapeObject;
                }
                else
                {
                    _diagnostics.Add(DiagnosticDescriptors.InvalidModel, property.Value, $"shape '{property.Name}' must be an object, found {JsonValue.Describe(property.Value.Kind)}");
                }
            }

            foreach (var pair in _shapeJson.ToList())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var shape = ReadShape(pair.Key, pair.Value, DiagnosticBag.NameSpan(shapes.GetProperty(pair.Key)!));
                if (shape is not null)
                {
                    _shapes[pair.Key] = shape;
                }
            }
        }

        var operations = new List<OperationModel>();
        if (operationsJson is JsonObject operationsObject)
        {
            foreach (var property in operationsObject.Properties)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var operation = ReadOperation(property);
                if (operation is not null)
                {
                    operations.Add(operation);
                }
            }
        }

        // Members that point at nothing are reported and dropped, so that what remains is consistent.
        // (Members that point at nothing were reported and dropped as they were read.)
        var resolved = _shapes.Values;
        return new ServiceModel(
            _path,
            metadata,
            operations.OrderBy(o => o.Name, StringComparer.Ordinal).ToEquatableArray(),
            resolved.OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray())
        {
            ClientContextParams = Endpoints.EndpointContextParamsReader.ClientContextParams(root["clientContextParams"]),
        };
    }

    private ServiceMetadata? ReadMetadata(JsonObject metadata, JsonObject root)
    {
        var jsonVersion = metadata.GetString("jsonVersion");
        var listed = new List<WireProtocol>();
        var names = new List<JsonString>();
        if (metadata.GetArray("protocols") is { } protocolArray)
        {
            names.AddRange(protocolArray.Items.OfType<JsonString>());
        }

        if (metadata["protocol"] is JsonString single && !names.Any(n => n.Value == single.Value))
        {
            names.Insert(0, single);
        }

        foreach (var name in names)
        {
            if (WireProtocols.FromBotocore(name.Value, jsonVersion) is { } protocol)
            {
                if (!listed.Contains(protocol))
                {
                    listed.Add(protocol);
                }
            }
            else
            {
                _diagnostics.Add(DiagnosticDescriptors.Unsupported, name, $"protocol '{name.Value}' is not one this generator knows (json, rest-json, rest-xml, query, ec2 or smithy-rpc-v2-cbor); it is ignored");
            }
        }

        if (listed.Count == 0)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, metadata, "metadata has no 'protocol' (json, rest-json, rest-xml, query, ec2 or smithy-rpc-v2-cbor)");
            return null;
        }

        var endpointPrefix = metadata.GetString("endpointPrefix");
        var serviceId = metadata.GetString("serviceId") ?? metadata.GetString("serviceAbbreviation") ?? metadata.GetString("serviceFullName") ?? endpointPrefix;
        if (serviceId is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, metadata, "metadata names no service: 'serviceId' (or 'serviceFullName' or 'endpointPrefix') is required");
            return null;
        }

        var xmlNamespace = metadata.GetString("xmlNamespace");
        var chosen = WireProtocols.Choose(listed, _requestedProtocol, out var ignored);
        if (ignored)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidOption, metadata["protocols"] ?? metadata["protocol"] ?? metadata,
                "Protocol", _requestedProtocol!, "one of the protocols this model lists (" + WireProtocols.DisplayNames(listed) + ")", chosen.DisplayName() + " is used");
        }

        return new ServiceMetadata(
            ServiceId: serviceId,
            ServiceFullName: metadata.GetString("serviceFullName"),
            ApiVersion: metadata.GetString("apiVersion") ?? string.Empty,
            Protocol: chosen,
            TargetPrefix: metadata.GetString("targetPrefix"),
            EndpointPrefix: endpointPrefix ?? serviceId.ToLowerInvariant().Replace(' ', '-'),
            SigningName: metadata.GetString("signingName") ?? endpointPrefix ?? serviceId.ToLowerInvariant(),
            AwsQueryCompatible: metadata["awsQueryCompatible"] is not null,
            Documentation: root.GetString("documentation"))
        {
            XmlNamespace = string.IsNullOrEmpty(xmlNamespace) ? null : new XmlNamespaceModel(xmlNamespace!, null),
        };
    }

    private OperationModel? ReadOperation(JsonProperty property)
    {
        if (property.Value is not JsonObject op)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, property.Value, $"operation '{property.Name}' must be an object, found {JsonValue.Describe(property.Value.Kind)}");
            return null;
        }

        var name = op.GetString("name") ?? property.Name;
        var http = op.GetObject("http");
        var input = ReadShapeReference(op, "input", name + "Request", $"operation {name}");
        var output = ReadShapeReference(op, "output", name + "Response", $"operation {name}");
        if (input == Unresolved || output == Unresolved)
        {
            return null;
        }

        var errors = new List<string>();
        if (op["errors"] is JsonArray errorArray)
        {
            foreach (var item in errorArray.Items)
            {
                var error = item is JsonObject errorObject ? ResolveReference(errorObject, name + "Error", $"operation {name} errors") : null;
                if (error is not null && error != Unresolved && !errors.Contains(error))
                {
                    errors.Add(error);
                }
            }
        }

        var authType = op.GetString("authtype");
        var noAuth = authType == "none" ||
            (op.GetArray("auth") is { } auth && auth.Items.OfType<JsonString>().Any(a => a.Value == "smithy.api#noAuth"));

        return new OperationModel(
            Name: name,
            HttpMethod: http?.GetString("method") ?? "POST",
            RequestUri: http?.GetString("requestUri") ?? "/",
            Input: input,
            Output: output,
            Errors: errors.ToEquatableArray(),
            Documentation: op.GetString("documentation"),
            Deprecated: op.GetBoolean("deprecated"),
            RequiresSigning: !noAuth,
            Position: DiagnosticBag.NameSpan(property))
        {
            HostPrefix = op.GetObject("endpoint")?.GetString("hostPrefix"),
            ModelKey = property.Name == name ? null : property.Name,
            StaticContextParams = Endpoints.EndpointContextParamsReader.StaticContextParams(op["staticContextParams"]),
            OperationContextParams = Endpoints.EndpointContextParamsReader.OperationContextParams(op["operationContextParams"]),
            UnsignedPayload = authType == "v4-unsigned-body",
            HttpChecksum = ReadHttpChecksum(op.GetObject("httpChecksum")),
            HttpChecksumRequired = op.GetBoolean("httpChecksumRequired"),
            RequestCompression = ReadRequestCompression(op.GetObject("requestcompression")),
        };
    }

    /// <summary>The encodings of the request compression trait (botocore <c>requestcompression</c>, Smithy <c>@requestCompression</c>: the same object).</summary>
    internal static EquatableArray<string> ReadRequestCompression(JsonObject? trait) =>
        (trait?.GetArray("encodings")?.Items.OfType<JsonString>().Select(s => s.Value) ?? Enumerable.Empty<string>()).ToEquatableArray();

    private const string Unresolved = "\0unresolved";

    /// <summary>The <c>httpChecksum</c> trait, the same object in botocore and Smithy.</summary>
    internal static HttpChecksumModel? ReadHttpChecksum(JsonObject? trait) => trait is null
        ? null
        : new HttpChecksumModel(
            trait.GetString("requestAlgorithmMember"),
            trait.GetBoolean("requestChecksumRequired"),
            trait.GetString("requestValidationModeMember"),
            (trait.GetArray("responseAlgorithms")?.Items.OfType<JsonString>().Select(s => s.Value) ?? Enumerable.Empty<string>()).ToEquatableArray());

    /// <summary>Reads <c>{"shape": "Name"}</c> (or an inline definition) under <paramref name="key"/>.</summary>
    private string? ReadShapeReference(JsonObject owner, string key, string inlineName, string context)
    {
        var value = owner[key];
        if (value is null)
        {
            return null;
        }

        if (value is not JsonObject reference)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, value, $"{context}: '{key}' must be an object such as {{\"shape\": \"Name\"}}, found {JsonValue.Describe(value.Kind)}");
            return Unresolved;
        }

        return ResolveReference(reference, inlineName, context + " " + key) ?? Unresolved;
    }

    private string? ResolveReference(JsonObject reference, string inlineName, string context)
    {
        var shapeValue = reference["shape"];
        if (shapeValue is JsonString shapeName)
        {
            if (_shapeJson.ContainsKey(shapeName.Value))
            {
                return shapeName.Value;
            }

            _diagnostics.Add(DiagnosticDescriptors.UnresolvedShape, shapeValue, "shape", shapeName.Value, context);
            return Unresolved;
        }

        if (shapeValue is not null)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, shapeValue, $"{context}: 'shape' must be a shape name, found {JsonValue.Describe(shapeValue.Kind)}");
            return Unresolved;
        }

        if (reference["type"] is JsonString)
        {
            // A minified model: the shape is defined right here.
            var name = inlineName;
            for (var i = 2; _shapeJson.ContainsKey(name); i++)
            {
                name = inlineName + i.ToString(CultureInfo.InvariantCulture);
            }

            _shapeJson[name] = reference;
            var shape = ReadShape(name, reference, SourceSpan.At(reference.Position));
            if (shape is not null)
            {
                _shapes[name] = shape;
                return name;
            }

            return Unresolved;
        }

        _diagnostics.Add(DiagnosticDescriptors.InvalidModel, reference, $"{context}: a shape reference needs 'shape' (or an inline 'type')");
        return Unresolved;
    }

    private ShapeModel? ReadShape(string name, JsonObject json, SourceSpan position)
    {
        var typeValue = json["type"];
        if (typeValue is not JsonString typeString)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, typeValue ?? json, $"shape '{name}' has no 'type' string");
            return null;
        }

        var kind = typeString.Value switch
        {
            "structure" when json.GetBoolean("union") => ShapeKind.Union,
            "structure" when json.GetBoolean("document") => ShapeKind.Document,
            "structure" => ShapeKind.Structure,
            "union" => ShapeKind.Union,
            "list" => ShapeKind.List,
            "map" => ShapeKind.Map,
            "string" when json["enum"] is JsonArray => ShapeKind.Enum,
            "string" => ShapeKind.String,
            "character" => ShapeKind.String,
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
            "document" => ShapeKind.Document,
            _ => (ShapeKind?)null,
        };

        if (kind is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.Unsupported, typeString, $"shape '{name}' has unknown type '{typeString.Value}'; it is generated as a document (free-form JSON)");
            kind = ShapeKind.Document;
        }

        var shape = new ShapeModel(name, kind.Value, position)
        {
            Documentation = json.GetString("documentation"),
            Deprecated = json.GetBoolean("deprecated"),
            Sensitive = json.GetBoolean("sensitive"),
            Min = ReadLong(json, "min"),
            Max = ReadLong(json, "max"),
            Pattern = json.GetString("pattern"),
            TimestampFormat = ReadTimestampFormat(json),
            Streaming = json.GetBoolean("streaming") || json.GetBoolean("eventstream"),
            RequiresLength = json.GetBoolean("requiresLength"),
            JsonValue = json.GetBoolean("jsonvalue"),
            Sparse = json.GetBoolean("sparse"),
            Flattened = json.GetBoolean("flattened"),
            XmlNamespace = ReadXmlNamespace(json),
        };

        switch (kind.Value)
        {
            case ShapeKind.Structure:
            case ShapeKind.Union:
                shape = shape with { Members = ReadMembers(name, json, kind.Value == ShapeKind.Structure) };
                if (kind.Value == ShapeKind.Structure && json["payload"] is { } payload)
                {
                    shape = shape with { Members = MarkPayload(name, shape.Members, payload) };
                }

                if (json.GetBoolean("exception") || json.GetBoolean("fault") || json["error"] is JsonObject)
                {
                    var error = json.GetObject("error");
                    shape = shape with
                    {
                        IsError = true,
                        ErrorCode = error?.GetString("code"),
                        ErrorHttpStatus = error?["httpStatusCode"] is JsonNumber status && status.TryGetInt64(out var code) ? (int)code : null,
                        IsFault = json.GetBoolean("fault") || error?["senderFault"] is JsonBoolean { Value: false },
                        IsThrottling = json.GetObject("retryable")?.GetBoolean("throttling") == true,
                    };
                }

                break;
            case ShapeKind.List:
                shape = shape with { Element = ReadMember(name, "member", json, required: false) };
                if (shape.Element is null)
                {
                    return null;
                }

                break;
            case ShapeKind.Map:
                shape = shape with
                {
                    Key = ReadMember(name, "key", json, required: false),
                    Element = ReadMember(name, "value", json, required: false),
                };
                if (shape.Key is null || shape.Element is null)
                {
                    return null;
                }

                break;
            case ShapeKind.Enum:
                shape = shape with { EnumValues = ReadEnum(name, json.GetArray("enum")!) };
                break;
        }

        return shape;
    }

    private EquatableArray<EnumValueModel> ReadEnum(string shapeName, JsonArray values)
    {
        var result = new List<EnumValueModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in values.Items)
        {
            if (item is JsonString value)
            {
                if (seen.Add(value.Value))
                {
                    result.Add(new EnumValueModel(value.Value, value.Value, null, null));
                }
            }
            else
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidModel, item, $"enum '{shapeName}' values must be strings, found {JsonValue.Describe(item.Kind)}");
            }
        }

        return result.ToEquatableArray();
    }

    private EquatableArray<MemberModel> ReadMembers(string shapeName, JsonObject json, bool isStructure)
    {
        var membersValue = json["members"];
        if (membersValue is null)
        {
            return EquatableArray<MemberModel>.Empty;
        }

        if (membersValue is not JsonObject members)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, membersValue, $"'members' of '{shapeName}' must be an object, found {JsonValue.Describe(membersValue.Kind)}");
            return EquatableArray<MemberModel>.Empty;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (isStructure && json["required"] is JsonArray requiredArray)
        {
            foreach (var item in requiredArray.Items)
            {
                if (item is JsonString requiredName)
                {
                    if (members[requiredName.Value] is null)
                    {
                        _diagnostics.Add(DiagnosticDescriptors.InvalidModel, item, $"'{shapeName}' requires member '{requiredName.Value}', which it does not have");
                    }

                    required.Add(requiredName.Value);
                }
            }
        }

        var result = new List<MemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in members.Properties)
        {
            if (!seen.Add(property.Name))
            {
                continue;
            }

            var member = ReadMember(shapeName, property.Name, members, required.Contains(property.Name));
            if (member is not null)
            {
                result.Add(member);
            }
        }

        return result.ToEquatableArray();
    }

    private MemberModel? ReadMember(string shapeName, string memberName, JsonObject owner, bool required)
    {
        var property = owner.GetProperty(memberName);
        if (property is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, owner, $"'{shapeName}' has no '{memberName}'");
            return null;
        }

        if (property.Value is not JsonObject json)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, property.Value, $"member '{shapeName}.{memberName}' must be an object such as {{\"shape\": \"Name\"}}, found {JsonValue.Describe(property.Value.Kind)}");
            return null;
        }

        var target = ResolveReference(json, shapeName + Naming.Identifiers.ToPascalCase(memberName), $"{shapeName}.{memberName}");
        if (target is null || target == Unresolved)
        {
            return null;
        }

        return new MemberModel(memberName, target, DiagnosticBag.NameSpan(property))
        {
            Required = required,
            Documentation = json.GetString("documentation"),
            Deprecated = json.GetBoolean("deprecated"),
            Sensitive = json.GetBoolean("sensitive"),
            WireName = json.GetString("locationName"),
            Location = ReadLocation(shapeName, memberName, json, target),
            XmlAttribute = json.GetBoolean("xmlAttribute"),
            Flattened = json.GetBoolean("flattened"),
            XmlNamespace = ReadXmlNamespace(json),
            QueryName = json.GetString("queryName"),
            TimestampFormat = ReadTimestampFormat(json),
            IdempotencyToken = json.GetBoolean("idempotencyToken"),
            JsonValue = json.GetBoolean("jsonvalue"),
            Streaming = json.GetBoolean("streaming"),
            HostLabel = json.GetBoolean("hostLabel"),
            ContextParam = Endpoints.EndpointContextParamsReader.ContextParam(json["contextParam"]),
        };
    }

    /// <summary>The structure's <c>payload</c>: the member that is the whole body.</summary>
    private EquatableArray<MemberModel> MarkPayload(string shapeName, EquatableArray<MemberModel> members, JsonValue payload)
    {
        if (payload is not JsonString name || !members.Any(m => m.Name == name.Value))
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidModel, payload, $"the payload of '{shapeName}' must name one of its members");
            return members;
        }

        return members.Select(m => m.Name == name.Value ? m with { Location = HttpLocation.Payload } : m).ToEquatableArray();
    }

    private HttpLocation ReadLocation(string shapeName, string memberName, JsonObject json, string target)
    {
        var value = json["location"];
        if (value is null)
        {
            return HttpLocation.Body;
        }

        switch ((value as JsonString)?.Value)
        {
            case "uri":
                return HttpLocation.Label;
            case "querystring":
                return _shapeJson.TryGetValue(target, out var targetJson) && targetJson.GetString("type") == "map" ? HttpLocation.QueryParams : HttpLocation.Query;
            case "header":
                return HttpLocation.Header;
            case "headers":
                return HttpLocation.PrefixHeaders;
            case "statusCode":
                return HttpLocation.StatusCode;
            default:
                _diagnostics.Add(DiagnosticDescriptors.Unsupported, value, $"member '{shapeName}.{memberName}' has location {(value is JsonString text ? "'" + text.Value + "'" : JsonValue.Describe(value.Kind))}, which is not uri, querystring, header, headers or statusCode; it is sent in the body");
                return HttpLocation.Body;
        }
    }

    private static XmlNamespaceModel? ReadXmlNamespace(JsonObject json) =>
        json.GetObject("xmlNamespace") is { } ns && ns.GetString("uri") is { } uri
            ? new XmlNamespaceModel(uri, ns.GetString("prefix"))
            : null;

    private static long? ReadLong(JsonObject json, string key) =>
        json[key] is JsonNumber number
            ? number.TryGetInt64(out var value) ? value
            : number.TryGetDouble(out var approximate) ? (long)Math.Max(long.MinValue, Math.Min(long.MaxValue, approximate)) : null
            : null;

    private static TimestampFormat ReadTimestampFormat(JsonObject json) => json.GetString("timestampFormat") switch
    {
        "iso8601" => TimestampFormat.Iso8601,
        "rfc822" => TimestampFormat.HttpDate,
        "unixTimestamp" => TimestampFormat.EpochSeconds,
        _ => TimestampFormat.Default,
    };
}

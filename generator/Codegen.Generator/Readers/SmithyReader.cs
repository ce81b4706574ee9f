using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Readers;

/// <summary>
/// Reads a Smithy 2.0 (or 1.0) JSON AST model into the same <see cref="ServiceModel"/> the botocore reader
/// produces: the one service shape, the operations it reaches directly and through its resources, and every
/// shape those operations reach (the service closure), with mixins and <c>apply</c> statements folded in and
/// prelude shapes (<c>smithy.api#String</c>, ...) synthesized. docs/smithy.md describes the mapping.
/// Like the botocore reader it never throws on bad input: each problem is reported with its position and
/// the rest is read.
/// </summary>
internal sealed partial class SmithyReader
{
    private const int MaxMixinDepth = 64;

    /// <summary>The prelude's simple shapes and Unit, by name, with their types.</summary>
    private static readonly Dictionary<string, string> PreludeTypes = new(StringComparer.Ordinal)
    {
        ["String"] = "string",
        ["Blob"] = "blob",
        ["Boolean"] = "boolean",
        ["Byte"] = "byte",
        ["Short"] = "short",
        ["Integer"] = "integer",
        ["Long"] = "long",
        ["Float"] = "float",
        ["Double"] = "double",
        ["BigInteger"] = "bigInteger",
        ["BigDecimal"] = "bigDecimal",
        ["Timestamp"] = "timestamp",
        ["Document"] = "document",
        ["PrimitiveBoolean"] = "boolean",
        ["PrimitiveByte"] = "byte",
        ["PrimitiveShort"] = "short",
        ["PrimitiveInteger"] = "integer",
        ["PrimitiveLong"] = "long",
        ["PrimitiveFloat"] = "float",
        ["PrimitiveDouble"] = "double",
        ["Unit"] = "structure",
    };

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "blob", "boolean", "string", "byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal",
        "timestamp", "document", "enum", "intEnum", "list", "set", "map", "structure", "union", "service", "operation",
        "resource",
    };

    private static readonly string[] LifecycleOperations = { "create", "put", "read", "update", "delete", "list" };

    private static readonly JsonObject EmptyObject = new(TextPosition.None, new List<JsonProperty>());

    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;

    // The item's Protocol metadata (null: the preferred protocol among those the model lists).
    private string? _requestedProtocol;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SmithyShape> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _applyToShape = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Member, JsonObject Traits, JsonProperty At)>> _applyToMember = new(StringComparer.Ordinal);

    private SmithyShape _service = null!;
    private WireProtocol _protocol;
    private bool _restProtocol;
    private bool _queryErrors;

    private SmithyReader(string path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _path = path;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public static bool Recognizes(JsonObject root) => root["smithy"] is JsonString;

    public static ReadResult Read(string path, JsonObject root, CancellationToken cancellationToken) =>
        Read(path, root, requestedProtocol: null, cancellationToken);

    /// <summary>The model, with the protocol <paramref name="requestedProtocol"/> names if the model lists it (CG0010 if not).</summary>
    public static ReadResult Read(string path, JsonObject root, string? requestedProtocol, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(path);
        var reader = new SmithyReader(path, diagnostics, cancellationToken) { _requestedProtocol = requestedProtocol };
        var model = reader.ReadModel(root);
        return new ReadResult(model, diagnostics.Items.ToEquatableArray());
    }

    private ServiceModel? ReadModel(JsonObject root)
    {
        if (root["smithy"] is JsonString version && !(version.Value.StartsWith("2", StringComparison.Ordinal) || version.Value.StartsWith("1", StringComparison.Ordinal)))
        {
            Report(DiagnosticDescriptors.Unsupported, version, $"Smithy version '{version.Value}' is not one this generator knows (1.0 or 2.0); the model is read as 2.0");
        }

        var shapesValue = root["shapes"];
        if (shapesValue is not JsonObject shapes)
        {
            Report(DiagnosticDescriptors.InvalidModel, shapesValue ?? root,
                shapesValue is null
                    ? "a Smithy model needs 'shapes', an object of shape definitions that holds a service shape"
                    : "'shapes' must be an object of shape definitions, found " + JsonValue.Describe(shapesValue.Kind));
            return null;
        }

        Index(shapes);
        var service = SelectService(root);
        if (service is null)
        {
            return null;
        }

        _service = service;
        Resolve(service, 0);
        var metadata = ReadMetadata(service);
        if (metadata is null)
        {
            return null;
        }

        var operations = CollectOperations(service);
        var reached = ReachShapes(service, operations);

        // Names: the service's rename map, then the short names, disambiguated across namespaces.
        var moved = new List<SmithyNames.Moved>();
        var all = operations.Select(o => o.Shape).Concat(reached).ToList();
        var names = SmithyNames.Assign(all, service.Namespace, ReadRename(service), moved);
        foreach (var move in moved)
        {
            if (move.Shape.Type is "structure" or "union" or "enum" or "intEnum" or "operation" || move.Shape.Has(SmithyTraits.EnumTrait))
            {
                Report(DiagnosticDescriptors.NameCollision, move.Shape.Position,
                    $"shape '{move.Shape.Id}'", move.Wanted, $"shape '{move.Keeper.Id}' already has in service {service.ShortName} (a 'rename' on the service chooses another name)", move.Name);
            }
        }

        var shapeModels = new Dictionary<string, ShapeModel>(StringComparer.Ordinal);
        foreach (var shape in reached)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var model = BuildShape(shape, names);
            if (model is not null)
            {
                shapeModels[model.Name] = model;
            }
        }

        var operationModels = new List<OperationModel>();
        var paginators = new List<PaginatorModel>();
        var waiters = new List<WaiterModel>();
        _service.Traits.TryGetValue(PaginatorReader.SmithyTrait, out var servicePaginated);
        foreach (var operation in operations)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var model = BuildOperation(operation, names);
            if (model is not null)
            {
                operationModels.Add(model);
                operation.Shape.Traits.TryGetValue(PaginatorReader.SmithyTrait, out var paginated);
                if (PaginatorReader.ReadSmithy(model.Name, model.Position, paginated, servicePaginated, _diagnostics) is { } paginator)
                {
                    paginators.Add(paginator);
                }

                operation.Shape.Traits.TryGetValue(WaiterReader.SmithyTrait, out var waitable);
                waiters.AddRange(WaiterReader.ReadSmithy(model.Name, waitable, _diagnostics));
            }
        }

        MakeConsistent(shapeModels, operationModels);
        return new ServiceModel(
            _path,
            metadata,
            operationModels.OrderBy(o => o.Name, StringComparer.Ordinal).ToEquatableArray(),
            shapeModels.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray())
        {
            ClientContextParams = Endpoints.EndpointContextParamsReader.ClientContextParams(_service.Traits.TryGetValue(Endpoints.EndpointContextParamsReader.ClientContextParamsTrait, out var clientContext) ? clientContext : null),
            Paginators = paginators.OrderBy(p => p.Operation, StringComparer.Ordinal).ToEquatableArray(),
            PaginatorsPath = paginators.Count == 0 ? null : _path,
            Waiters = waiters.OrderBy(w => w.Name, StringComparer.Ordinal).ToEquatableArray(),
            WaitersPath = waiters.Count == 0 ? null : _path,
        };
    }

    // ---- 1. Index the shapes and the apply statements ----------------------------------------------------

    private void Index(JsonObject shapes)
    {
        foreach (var property in shapes.Properties)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var id = property.Name;
            if (property.Value is not JsonObject json)
            {
                Report(DiagnosticDescriptors.InvalidModel, property.Value, $"shape '{id}' must be an object, found {JsonValue.Describe(property.Value.Kind)}");
                continue;
            }

            var hash = id.IndexOf('#');
            if (hash <= 0 || hash == id.Length - 1)
            {
                Report(DiagnosticDescriptors.InvalidModel, DiagnosticBag.NameSpan(property), $"'{id}' is not an absolute shape id (namespace#Name)");
                continue;
            }

            if (json["type"] is not JsonString type)
            {
                Report(DiagnosticDescriptors.InvalidModel, json["type"] ?? json, $"shape '{id}' has no 'type' string");
                continue;
            }

            if (type.Value == "apply")
            {
                IndexApply(property, json);
                continue;
            }

            if (id.IndexOf('$') >= 0)
            {
                Report(DiagnosticDescriptors.InvalidModel, DiagnosticBag.NameSpan(property), $"'{id}' names a member; only an 'apply' statement may do that");
                continue;
            }

            if (!KnownTypes.Contains(type.Value))
            {
                Report(DiagnosticDescriptors.Unsupported, type, $"shape '{id}' has unknown type '{type.Value}'; it is read as a document (free-form JSON)");
            }

            _shapes[id] = new SmithyShape(id, type.Value, json, DiagnosticBag.NameSpan(property), isPrelude: false);
        }

        foreach (var pair in _applyToShape)
        {
            if (!_shapes.ContainsKey(pair.Key) && !IsPrelude(pair.Key))
            {
                Report(DiagnosticDescriptors.Unsupported, DiagnosticBag.NameSpan(shapes.GetProperty(pair.Key)!),
                    $"'apply' names shape '{pair.Key}', which does not exist; its traits are ignored");
            }
        }

        foreach (var pair in _applyToMember)
        {
            if (!_shapes.ContainsKey(pair.Key))
            {
                foreach (var (member, _, at) in pair.Value)
                {
                    Report(DiagnosticDescriptors.Unsupported, DiagnosticBag.NameSpan(at),
                        $"'apply' names member '{pair.Key}${member}' of a shape that does not exist; its traits are ignored");
                }
            }
        }
    }

    private void IndexApply(JsonProperty property, JsonObject json)
    {
        if (json["traits"] is not JsonObject traits)
        {
            Report(DiagnosticDescriptors.InvalidModel, json["traits"] ?? json, $"'apply' to '{property.Name}' needs a 'traits' object");
            return;
        }

        var id = property.Name;
        var dollar = id.IndexOf('$');
        if (dollar < 0)
        {
            if (!_applyToShape.TryGetValue(id, out var list))
            {
                _applyToShape[id] = list = new List<JsonObject>();
            }

            list.Add(traits);
            return;
        }

        var shapeId = id.Substring(0, dollar);
        if (!_applyToMember.TryGetValue(shapeId, out var members))
        {
            _applyToMember[shapeId] = members = new List<(string, JsonObject, JsonProperty)>();
        }

        members.Add((id.Substring(dollar + 1), traits, property));
    }

    private static bool IsPrelude(string id) =>
        id.StartsWith(SmithyTraits.Prelude + "#", StringComparison.Ordinal) && PreludeTypes.ContainsKey(id.Substring(SmithyTraits.Prelude.Length + 1));

    /// <summary>The shape with this id: defined in the file, or a prelude shape synthesized on first use.</summary>
    private SmithyShape? Lookup(string id, JsonValue? at)
    {
        if (_shapes.TryGetValue(id, out var shape))
        {
            return shape;
        }

        if (IsPrelude(id))
        {
            var type = PreludeTypes[id.Substring(SmithyTraits.Prelude.Length + 1)];
            shape = new SmithyShape(id, type, EmptyObject, Span(at), isPrelude: true);
            _shapes[id] = shape;
            return shape;
        }

        return null;
    }

    // ---- 2. The service ----------------------------------------------------------------------------------

    private SmithyShape? SelectService(JsonObject root)
    {
        var services = _shapes.Values.Where(s => s.Type == "service").OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (services.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidModel, root,
                "the Smithy model has no service shape (a shape of type 'service' that lists the operations); there is nothing to generate");
            return null;
        }

        // Prefer an AWS service (aws.api#service); among equals, the first by shape id.
        var chosen = services.FirstOrDefault(s => s.Json["traits"] is JsonObject traits && traits[SmithyTraits.AwsService] is not null) ?? services[0];
        if (services.Count > 1)
        {
            Report(DiagnosticDescriptors.Unsupported, chosen.Position,
                $"the model has {services.Count} service shapes; code is generated for '{chosen.Id}' only (not for {string.Join(", ", services.Where(s => s != chosen).Select(s => "'" + s.Id + "'"))})");
        }

        return chosen;
    }

    private ServiceMetadata? ReadMetadata(SmithyShape service)
    {
        var protocols = WireProtocols.SmithyTraits.Where(p => service.Has(p.Trait)).Select(p => p.Protocol).ToList();
        if (protocols.Count == 0)
        {
            var others = service.Traits.Keys.Where(k => k.IndexOf("protocols#", StringComparison.Ordinal) >= 0).ToList();
            Report(DiagnosticDescriptors.InvalidModel, service.Position,
                $"service '{service.Id}' has no protocol trait this generator knows (aws.protocols#awsJson1_0, awsJson1_1, restJson1, restXml, awsQuery, ec2Query or smithy.protocols#rpcv2Cbor)"
                + (others.Count > 0 ? "; it has " + string.Join(", ", others) : string.Empty));
            return null;
        }

        var protocol = WireProtocols.Choose(protocols, _requestedProtocol, out var ignored);
        if (ignored)
        {
            Report(DiagnosticDescriptors.InvalidOption, service.Position,
                "Protocol", _requestedProtocol!, "one of the protocols this model lists (" + WireProtocols.DisplayNames(protocols) + ")", protocol.DisplayName() + " is used");
        }

        _protocol = protocol;
        _restProtocol = protocol.HasHttpBindings();
        var queryCompatible = service.Has(SmithyTraits.AwsQueryCompatible);
        _queryErrors = protocol is WireProtocol.AwsQuery or WireProtocol.Ec2Query || queryCompatible;

        var awsService = TraitObject(service.Traits, SmithyTraits.AwsService, service.Id);
        var sdkId = awsService?.GetString("sdkId");
        var serviceId = string.IsNullOrEmpty(sdkId) ? service.ShortName : sdkId!;
        var endpointPrefix = awsService?.GetString("endpointPrefix") ?? serviceId.ToLowerInvariant().Replace(' ', '-');
        var signingName = TraitObject(service.Traits, SmithyTraits.SigV4, service.Id)?.GetString("name") ?? endpointPrefix;
        // The service's shape name: awsJson's X-Amz-Target prefix and rpcv2Cbor's /service/{name} (botocore's targetPrefix).
        var namesService = protocols.Any(p => p is WireProtocol.AwsJson1_0 or WireProtocol.AwsJson1_1 or WireProtocol.RpcV2Cbor);
        return new ServiceMetadata(
            ServiceId: serviceId,
            ServiceFullName: TraitString(service.Traits, SmithyTraits.Title, service.Id),
            ApiVersion: service.Json.GetString("version") ?? string.Empty,
            Protocol: protocol,
            TargetPrefix: namesService ? service.ShortName : null,
            EndpointPrefix: endpointPrefix,
            SigningName: signingName,
            AwsQueryCompatible: queryCompatible,
            Documentation: TraitString(service.Traits, SmithyTraits.Documentation, service.Id))
        {
            XmlNamespace = ReadXmlNamespace(service.Traits, service.Id),
            ArnNamespace = _arnNamespace = awsService?.GetString("arnNamespace"),
        };
    }

    private Dictionary<string, string> ReadRename(SmithyShape service)
    {
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        var value = service.Json["rename"];
        if (value is JsonObject map)
        {
            foreach (var property in map.Properties)
            {
                if (property.Value is JsonString name && name.Value.Length > 0)
                {
                    rename[property.Name] = name.Value;
                }
                else
                {
                    Report(DiagnosticDescriptors.Unsupported, property.Value, $"service rename of '{property.Name}' must be a non-empty string; it is ignored");
                }
            }
        }
        else if (value is not null)
        {
            Report(DiagnosticDescriptors.Unsupported, value, "the service's 'rename' must be an object mapping shape ids to names; it is ignored");
        }

        return rename;
    }

    // ---- 3. Operations: directly, and through resources --------------------------------------------------

    private sealed class OperationRead
    {
        public OperationRead(SmithyShape shape) => Shape = shape;

        public SmithyShape Shape { get; }

        public SmithyShape? Input { get; set; }

        public SmithyShape? Output { get; set; }

        /// <summary>The input or output does not exist: the operation is dropped.</summary>
        public bool Broken { get; set; }

        public List<SmithyShape> Errors { get; } = new();
    }

    private List<OperationRead> CollectOperations(SmithyShape service)
    {
        var operations = new List<OperationRead>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string id, JsonValue at, string context)
        {
            var operation = Lookup(id, at);
            if (operation is null)
            {
                Report(DiagnosticDescriptors.UnresolvedShape, at, "operation", id, context);
                return;
            }

            if (operation.Type != "operation")
            {
                Report(DiagnosticDescriptors.InvalidModel, at, $"{context} names '{id}' as an operation, but it is a {operation.Type}");
                return;
            }

            if (seen.Add(id))
            {
                Resolve(operation, 0);
                operations.Add(new OperationRead(operation));
            }
        }

        foreach (var (id, at) in Refs(service, "operations"))
        {
            Add(id, at, $"service '{service.Id}'");
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Id, JsonValue At, string Context)>();
        foreach (var (id, at) in Refs(service, "resources").Reverse())
        {
            pending.Push((id, at, $"service '{service.Id}'"));
        }

        while (pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (resourceId, resourceAt, context) = pending.Pop();
            var resource = Lookup(resourceId, resourceAt);
            if (resource is null)
            {
                Report(DiagnosticDescriptors.UnresolvedShape, resourceAt, "resource", resourceId, context);
                continue;
            }

            if (resource.Type != "resource")
            {
                Report(DiagnosticDescriptors.InvalidModel, resourceAt, $"{context} names '{resourceId}' as a resource, but it is a {resource.Type}");
                continue;
            }

            if (!visited.Add(resourceId))
            {
                continue;
            }

            Resolve(resource, 0);
            var here = $"resource '{resourceId}'";
            foreach (var key in LifecycleOperations)
            {
                if (SingleRef(resource, key) is { } reference)
                {
                    Add(reference.Id, reference.At, here);
                }
            }

            foreach (var (id, at) in Refs(resource, "operations").Concat(Refs(resource, "collectionOperations")))
            {
                Add(id, at, here);
            }

            foreach (var (id, at) in Refs(resource, "resources").Reverse())
            {
                pending.Push((id, at, here));
            }
        }

        return operations;
    }

    // ---- 4. The shapes the operations reach --------------------------------------------------------------

    private List<SmithyShape> ReachShapes(SmithyShape service, List<OperationRead> operations)
    {
        var reached = new List<SmithyShape>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SmithyShape>();
        SmithyShape? Reach(string id, JsonValue? at, string context)
        {
            var shape = Lookup(id, at);
            if (shape is null)
            {
                Report(DiagnosticDescriptors.UnresolvedShape, at, "shape", id, context);
                return null;
            }

            if (shape.Type is "service" or "operation" or "resource")
            {
                Report(DiagnosticDescriptors.InvalidModel, at, $"{context} targets '{id}', which is a {shape.Type}, not a data shape");
                return null;
            }

            if (seen.Add(id))
            {
                reached.Add(shape);
                pending.Push(shape);
            }

            return shape;
        }

        var serviceErrors = Refs(service, "errors").ToList();
        foreach (var operation in operations)
        {
            var context = $"operation '{operation.Shape.Id}'";
            if (SingleRef(operation.Shape, "input") is { } input && input.Id != "smithy.api#Unit")
            {
                operation.Input = Reach(input.Id, input.At, context + " input");
                operation.Broken |= operation.Input is null;
            }

            if (SingleRef(operation.Shape, "output") is { } output && output.Id != "smithy.api#Unit")
            {
                operation.Output = Reach(output.Id, output.At, context + " output");
                operation.Broken |= operation.Output is null;
            }

            foreach (var (id, at) in Refs(operation.Shape, "errors"))
            {
                if (Reach(id, at, context + " errors") is { } error && !operation.Errors.Contains(error))
                {
                    operation.Errors.Add(error);
                }
            }

            foreach (var (id, at) in serviceErrors)
            {
                if (Reach(id, at, $"service '{service.Id}' errors") is { } error && !operation.Errors.Contains(error))
                {
                    operation.Errors.Add(error);
                }
            }
        }

        while (pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var shape = pending.Pop();
            Resolve(shape, 0);
            if (shape.Type is "enum" or "intEnum")
            {
                continue; // enum members target Unit: they are values, not references
            }

            foreach (var member in shape.Members)
            {
                if (member.Target is { } target)
                {
                    member.Resolved = Reach(target, member.TargetValue, $"member '{shape.Id}${member.Name}'");
                }
            }
        }

        return reached;
    }

    // ---- Mixins, traits, members, apply ------------------------------------------------------------------

    /// <summary>Folds mixins, the shape's own traits and members, and apply statements into <paramref name="shape"/>.</summary>
    private void Resolve(SmithyShape shape, int depth)
    {
        if (shape.State != 0)
        {
            return;
        }

        shape.State = 1;
        if (!shape.IsPrelude)
        {
            ResolveMixins(shape, depth);
            ReadTraits(shape.Json, shape.Traits, $"shape '{shape.Id}'");
            ReadOwnMembers(shape);
        }

        if (_applyToShape.TryGetValue(shape.Id, out var applied))
        {
            foreach (var traits in applied)
            {
                foreach (var property in traits.Properties)
                {
                    shape.Traits[property.Name] = property.Value;
                }
            }
        }

        if (_applyToMember.TryGetValue(shape.Id, out var appliedToMembers))
        {
            foreach (var (name, traits, at) in appliedToMembers)
            {
                var member = shape.Member(name);
                if (member is null)
                {
                    Report(DiagnosticDescriptors.Unsupported, DiagnosticBag.NameSpan(at), $"'apply' names member '{shape.Id}${name}', which does not exist; its traits are ignored");
                    continue;
                }

                foreach (var property in traits.Properties)
                {
                    member.Traits[property.Name] = property.Value;
                }
            }
        }

        shape.State = 2;
    }

    private void ResolveMixins(SmithyShape shape, int depth)
    {
        var value = shape.Json["mixins"];
        if (value is null)
        {
            return;
        }

        if (value is not JsonArray mixins)
        {
            Report(DiagnosticDescriptors.InvalidModel, value, $"'mixins' of '{shape.Id}' must be an array of references such as {{\"target\": \"ns#Name\"}}");
            return;
        }

        foreach (var item in mixins.Items)
        {
            if (ReadRef(item, $"mixin of '{shape.Id}'") is not { } reference)
            {
                continue;
            }

            var (id, at) = reference;
            var mixin = Lookup(id, at);
            if (mixin is null)
            {
                Report(DiagnosticDescriptors.UnresolvedShape, at, "mixin", id, $"'{shape.Id}'");
                continue;
            }

            if (mixin.State == 1 || mixin == shape)
            {
                Report(DiagnosticDescriptors.Unsupported, at, $"mixin '{id}' of '{shape.Id}' mixes itself in (a cycle); it is ignored");
                continue;
            }

            if (depth >= MaxMixinDepth)
            {
                Report(DiagnosticDescriptors.Unsupported, at, $"mixins of '{shape.Id}' are nested more than {MaxMixinDepth} deep; '{id}' is ignored");
                continue;
            }

            Resolve(mixin, depth + 1);
            shape.Mixins.Add(mixin);

            // Traits: all but @mixin itself and the ones the mixin keeps local.
            var local = new HashSet<string>(StringComparer.Ordinal) { SmithyTraits.Mixin };
            if (mixin.Traits.TryGetValue(SmithyTraits.Mixin, out var mixinTrait) && mixinTrait is JsonObject mixinObject && mixinObject["localTraits"] is JsonArray localTraits)
            {
                foreach (var trait in localTraits.Items.OfType<JsonString>())
                {
                    local.Add(trait.Value);
                }
            }

            foreach (var pair in mixin.Traits)
            {
                if (!local.Contains(pair.Key))
                {
                    shape.Traits[pair.Key] = pair.Value;
                }
            }

            foreach (var member in mixin.Members)
            {
                var existing = shape.Member(member.Name);
                if (existing is null)
                {
                    shape.Members.Add(member.Copy());
                }
                else
                {
                    existing.Target = member.Target;
                    existing.TargetValue = member.TargetValue;
                    foreach (var pair in member.Traits)
                    {
                        existing.Traits[pair.Key] = pair.Value;
                    }
                }
            }
        }
    }

    private void ReadTraits(JsonObject owner, Dictionary<string, JsonValue> into, string context)
    {
        var value = owner["traits"];
        if (value is JsonObject traits)
        {
            foreach (var property in traits.Properties)
            {
                into[property.Name] = property.Value;
            }
        }
        else if (value is not null)
        {
            Report(DiagnosticDescriptors.Unsupported, value, $"'traits' of {context} must be an object; they are ignored");
        }
    }

    private void ReadOwnMembers(SmithyShape shape)
    {
        switch (shape.Type)
        {
            case "structure":
            case "union":
            case "enum":
            case "intEnum":
                var value = shape.Json["members"];
                if (value is JsonObject members)
                {
                    foreach (var property in members.Properties)
                    {
                        ReadMember(shape, property);
                    }
                }
                else if (value is not null)
                {
                    Report(DiagnosticDescriptors.InvalidModel, value, $"'members' of '{shape.Id}' must be an object, found {JsonValue.Describe(value.Kind)}");
                }

                break;
            case "list":
            case "set":
                ReadNamedMember(shape, "member");
                break;
            case "map":
                ReadNamedMember(shape, "key");
                ReadNamedMember(shape, "value");
                break;
        }
    }

    private void ReadNamedMember(SmithyShape shape, string name)
    {
        var property = shape.Json.GetProperty(name);
        if (property is not null)
        {
            ReadMember(shape, property);
        }
        else if (shape.Member(name) is null)
        {
            Report(DiagnosticDescriptors.InvalidModel, shape.Position, $"{shape.Type} '{shape.Id}' has no '{name}'");
        }
    }

    private void ReadMember(SmithyShape shape, JsonProperty property)
    {
        var name = property.Name;
        if (property.Value is not JsonObject json)
        {
            Report(DiagnosticDescriptors.InvalidModel, property.Value, $"member '{shape.Id}${name}' must be an object such as {{\"target\": \"ns#Name\"}}, found {JsonValue.Describe(property.Value.Kind)}");
            return;
        }

        var targetValue = json["target"];
        var target = (targetValue as JsonString)?.Value;
        var existing = shape.Member(name);
        if (target is null)
        {
            if (targetValue is not null || existing is null)
            {
                Report(DiagnosticDescriptors.InvalidModel, targetValue ?? json, $"member '{shape.Id}${name}' needs a 'target' string (the absolute id of its shape)");
                return;
            }
        }

        var member = existing ?? new SmithyMember(name, target, targetValue, DiagnosticBag.NameSpan(property));
        if (existing is not null)
        {
            existing.Position = DiagnosticBag.NameSpan(property);
            if (target is not null)
            {
                existing.Target = target;
                existing.TargetValue = targetValue;
            }
        }

        ReadTraits(json, member.Traits, $"member '{shape.Id}${name}'");
        if (existing is null)
        {
            shape.Members.Add(member);
        }
    }

    // ---- References --------------------------------------------------------------------------------------

    /// <summary>Reads <c>{"target": "ns#Name"}</c>.</summary>
    private (string Id, JsonValue At)? ReadRef(JsonValue item, string context)
    {
        if (item is JsonObject reference && reference["target"] is JsonString target)
        {
            return (target.Value, target);
        }

        Report(DiagnosticDescriptors.InvalidModel, item, $"{context}: a reference must be an object such as {{\"target\": \"ns#Name\"}}");
        return null;
    }

    /// <summary>The references in the array <paramref name="key"/> of a shape and of its mixins (mixins first).</summary>
    private IEnumerable<(string Id, JsonValue At)> Refs(SmithyShape shape, string key)
    {
        var result = new List<(string, JsonValue)>();
        CollectRefs(shape, key, result, 0);
        return result;
    }

    private void CollectRefs(SmithyShape shape, string key, List<(string, JsonValue)> into, int depth)
    {
        if (depth > MaxMixinDepth)
        {
            return;
        }

        foreach (var mixin in shape.Mixins)
        {
            CollectRefs(mixin, key, into, depth + 1);
        }

        var value = shape.Json[key];
        if (value is JsonArray items)
        {
            foreach (var item in items.Items)
            {
                if (ReadRef(item, $"'{key}' of '{shape.Id}'") is { } reference && !into.Any(r => r.Item1 == reference.Id))
                {
                    into.Add(reference);
                }
            }
        }
        else if (value is not null)
        {
            Report(DiagnosticDescriptors.InvalidModel, value, $"'{key}' of '{shape.Id}' must be an array of references such as {{\"target\": \"ns#Name\"}}");
        }
    }

    /// <summary>The single reference <paramref name="key"/> of a shape, else of its last mixin that has one.</summary>
    private (string Id, JsonValue At)? SingleRef(SmithyShape shape, string key)
    {
        for (var depth = 0; depth <= MaxMixinDepth; depth++)
        {
            var value = shape.Json[key];
            if (value is not null)
            {
                return ReadRef(value, $"'{key}' of '{shape.Id}'");
            }

            var next = shape.Mixins.LastOrDefault(m => HasRef(m, key, 0));
            if (next is null)
            {
                return null;
            }

            shape = next;
        }

        return null;
    }

    private static bool HasRef(SmithyShape shape, string key, int depth) =>
        depth <= MaxMixinDepth && (shape.Json[key] is not null || shape.Mixins.Any(m => HasRef(m, key, depth + 1)));

    // ---- Diagnostics -------------------------------------------------------------------------------------

    private static SourceSpan Span(JsonValue? at) => at is null ? SourceSpan.None : DiagnosticBag.Span(at);

    private void Report(DiagnosticDescriptor descriptor, JsonValue? at, params string[] arguments) => Report(descriptor, Span(at), arguments);

    /// <summary>Reports once: a mixin member is read for every shape that uses the mixin.</summary>
    private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
    {
        if (_reported.Add(descriptor.Id + "|" + span.Offset + "|" + string.Join("\u0001", arguments)))
        {
            _diagnostics.Add(descriptor, span, arguments);
        }
    }
}

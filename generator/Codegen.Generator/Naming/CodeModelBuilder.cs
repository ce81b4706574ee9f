using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;

namespace Codegen.Generator.Naming;

/// <summary>
/// The naming stage: from a service model and the spec's options to the named model the emitters write.
/// It applies the operation filter, keeps the shapes the operations reach, gives each operation its own
/// request type <c>{Operation}</c> and response type <c>{Operation}Response</c> (Amazonka's rule), and turns every
/// other name into a valid C# identifier that collides with nothing (docs/naming.md).
/// </summary>
internal sealed class CodeModelBuilder
{
    /// <summary>Members every generated structure and union declares (StructureEmitter, UnionEmitter), or inherits from <see cref="object"/>.</summary>
    private static readonly string[] ReservedStructureMembers =
    {
        "Lenses", "Optionals", "Traversals", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Members a response declares besides those of every structure: the status code, its builder and lens, and Dispose for a streaming payload.</summary>
    private static readonly string[] ReservedResponseMembers = { "HttpStatus", "WithHttpStatus", "ResponseMetadata", "WithResponseMetadata", "Dispose", "DisposeAsync" };

    /// <summary>
    /// Members an exception declares (ErrorEmitter) or inherits; model members with these names are renamed (except a
    /// string <c>message</c>, which maps onto the base's Message).
    /// </summary>
    private static readonly string[] ReservedExceptionMembers =
    {
        "Data", "Source", "StackTrace", "InnerException", "HelpLink", "HResult", "TargetSite", "ErrorCode", "ErrorMessage",
        "StatusCode", "RequestId", "IsFault", "IsThrottling", "GetBaseException", "GetObjectData", "ToString", "Equals",
        "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "SerializeObjectState", "WireErrorCode", "ReferenceEquals", "Message",
    };

    /// <summary>Members an enum declares (EnumEmitter) or inherits; values with these names are numbered.</summary>
    private static readonly string[] ReservedEnumMembers =
    {
        "Value", "WireValue", "WireValues", "Known", "IsKnown", "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize",
        "ReferenceEquals",
    };

    /// <summary>
    /// Names of members the emitters declare on a type itself, which the type's own name must not be (CS0542): every
    /// structure, union and enum has Equals, GetHashCode and ToString; a structure its Lenses, Optionals and Traversals classes; a union MemberName
    /// and its Unknown case; an enum WireValue, WireValues, Known and IsKnown. Such a type gets the suffix <c>Type</c> (an operation's
    /// request type the suffix <c>Request</c>).
    /// </summary>
    private static readonly HashSet<string> OwnMemberNames = new(StringComparer.Ordinal) { "Equals", "GetHashCode", "ToString" };

    private static readonly HashSet<string> OwnStructureMemberNames = new(StringComparer.Ordinal) { "Lenses", "Optionals", "Traversals" };

    private static readonly HashSet<string> OwnUnionMemberNames = new(StringComparer.Ordinal) { "MemberName", "Unknown" };

    private static readonly HashSet<string> OwnEnumMemberNames = new(StringComparer.Ordinal) { "WireValue", "WireValues", "Known", "IsKnown" };

    /// <summary>
    /// Members the <c>{Service}Operations</c> class declares or inherits from <see cref="object"/>: a property named like
    /// one of them (after its request type) gets the suffix <c>Operation</c>.
    /// </summary>
    public static readonly HashSet<string> ReservedOperationsMembers = new(StringComparer.Ordinal)
    {
        "Service", "All", "GetType", "ToString", "Equals", "GetHashCode", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members of the runtime's AwsClient that an operation method must not hide.</summary>
    private static readonly HashSet<string> ReservedClientMembers = new(StringComparer.Ordinal)
    {
        "SendAsync", "DisposeAsync", "ToStringAsync", "EqualsAsync", "GetHashCodeAsync", "GetTypeAsync",
    };

    private readonly ServiceModel _model;
    private readonly SpecOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, ShapeModel> _shapes;
    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _typeRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenTypeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenFileNames = new(StringComparer.OrdinalIgnoreCase);
    private string _namespace = "";

    private CodeModelBuilder(ServiceModel model, SpecOptions options, CancellationToken cancellationToken)
    {
        _model = model;
        _options = options;
        _cancellationToken = cancellationToken;
        _shapes = model.Shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public static CodeModel Build(ServiceModel model, SpecOptions options, CancellationToken cancellationToken = default) =>
        new CodeModelBuilder(model, options, cancellationToken).Build();

    /// <summary>The default namespace: <c>Aws.</c> and the service id in PascalCase, e.g. <c>Aws.CognitoIdentityProvider</c>.</summary>
    public static string DefaultNamespace(ServiceMetadata metadata) => "Aws." + ServiceName(metadata);

    public static string ServiceName(ServiceMetadata metadata) => Identifiers.ToPascalCase(metadata.ServiceId);

    private CodeModel Build()
    {
        var serviceName = ServiceName(_model.Metadata);
        _namespace = _options.Namespace ?? DefaultNamespace(_model.Metadata);
        if (_options.InvalidAccessibility is { } invalid)
        {
            Report(DiagnosticDescriptors.InvalidOption, SourceSpan.None, "Accessibility", invalid, "'public' or 'internal'", "the generated types are public");
        }

        var operations = SelectOperations();
        var clientName = Reserve(serviceName + "Client");
        var clientInterfaceName = Reserve("I" + serviceName + "Client");
        var exceptionName = Reserve(serviceName + "Exception");
        var operationsName = Reserve(serviceName + "Operations");
        if (_model.EndpointRules is not null)
        {
            // The names EndpointRulesEmitter gives the compiled rules: a shape that wants one is numbered.
            Reserve(serviceName + "EndpointParameters");
            Reserve(serviceName + "EndpointResolver");
        }

        _takenTypeNames.Add("Serialization");

        // 1. Operation types first: their names are fixed by the rule.
        var requestNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var responseNames = new Dictionary<string, string>(StringComparer.Ordinal);
        // Request names first: an operation named like another's response type (DeleteIntegrationResponse next to
        // DeleteIntegration) keeps its own name, and the response type is numbered.
        foreach (var operation in operations)
        {
            var requestName = Identifiers.ToPascalCase(operation.Name);
            if (OwnMemberNames.Contains(requestName) || OwnStructureMemberNames.Contains(requestName))
            {
                // A class named Equals cannot declare Equals (CS0542): EqualsRequest, beside EqualsResponse.
                Report(DiagnosticDescriptors.NameCollision, operation.Position, "the input of operation " + operation.Name, requestName, "is a member the type itself declares", requestName + "Request");
                requestName += "Request";
            }

            requestNames[operation.Name] = UniqueTypeName(requestName, operation.Position, "the input of operation " + operation.Name);
        }

        foreach (var operation in operations)
        {
            responseNames[operation.Name] = UniqueTypeName(Identifiers.ToPascalCase(operation.Name) + "Response", operation.Position, "the output of operation " + operation.Name);
        }

        // Paginator types are named by rule too ({Operation}Paginator), for the operations that are generated.
        var paginators = new List<CodePaginator>();
        foreach (var paginator in _model.Paginators)
        {
            if (operations.Find(o => o.Name == paginator.Operation) is { } operation)
            {
                var typeName = UniqueTypeName(Identifiers.ToPascalCase(paginator.Operation) + "Paginator", operation.Position, "the paginator of operation " + paginator.Operation);
                _takenFileNames.Add(typeName);
                paginators.Add(new CodePaginator(paginator, typeName));
            }
            else if (!_model.Operations.Any(o => o.Name == paginator.Operation))
            {
                // Not filtered out: the model has no such operation.
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingDefinition, _model.PaginatorsPath ?? _model.SpecPath, paginator.Position,
                    $"there is a paginator for operation '{paginator.Operation}', which the model does not have; it is not generated"));
            }
        }

        // Waiters are methods of the client, WaitUntil{Name}Async, for the operations that are generated.
        var waiters = new List<CodeWaiter>();
        var waiterMethods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var waiter in _model.Waiters)
        {
            var waiterPath = _model.WaitersPath ?? _model.SpecPath;
            if (operations.Find(o => o.Name == waiter.Operation) is not null)
            {
                var method = "WaitUntil" + Identifiers.ToPascalCase(waiter.Name) + "Async";
                if (!waiterMethods.Add(method) || operations.Any(o => Identifiers.ToPascalCase(o.Name) + "Async" == method))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingDefinition, waiterPath, waiter.Position,
                        $"the waiter '{waiter.Name}' would be the client method {method}, which another waiter or an operation already is; it is not generated"));
                    continue;
                }

                waiters.Add(new CodeWaiter(waiter, method));
            }
            else if (!_model.Operations.Any(o => o.Name == waiter.Operation))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPagingDefinition, waiterPath, waiter.Position,
                    $"the waiter '{waiter.Name}' polls operation '{waiter.Operation}', which the model does not have; it is not generated"));
            }
        }

        // 2. Which shapes are reached, and how.
        var reached = Reach(operations);
        var usedAsMember = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in reached)
        {
            var shape = _shapes[name];
            foreach (var member in shape.Members)
            {
                usedAsMember.Add(member.Target);
            }

            if (shape.Element is { } element)
            {
                usedAsMember.Add(element.Target);
            }
        }

        var ioUses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            Count(ioUses, operation.Input);
            Count(ioUses, operation.Output);
        }

        // A shape used only as one operation's input (or output) is that operation's request (or response)
        // type; one used elsewhere too keeps a type of its own, and the operation type copies its members.
        var operationShapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (operation.Input is { } input && !usedAsMember.Contains(input) && ioUses[input] == 1 && IsStructure(input))
            {
                _typeNames[input] = requestNames[operation.Name];
                operationShapes.Add(input);
            }

            if (operation.Output is { } output && !usedAsMember.Contains(output) && ioUses[output] == 1 && IsStructure(output))
            {
                _typeNames[output] = responseNames[operation.Name];
                operationShapes.Add(output);
            }
        }

        // 3. Every other shape that becomes a type, in ordinal order so that numbering is stable.
        foreach (var name in reached.OrderBy(n => n, StringComparer.Ordinal))
        {
            var shape = _shapes[name];
            if (_typeNames.ContainsKey(name) || !HasOwnType(shape))
            {
                continue;
            }

            var pascal = Identifiers.ToPascalCase(name);
            if (shape.IsError && !pascal.EndsWith("Exception", StringComparison.Ordinal))
            {
                pascal += "Exception";
            }
            else if (NamesOwnMember(shape, pascal))
            {
                Report(DiagnosticDescriptors.NameCollision, shape.Position, "shape " + name, pascal, "is a member the type itself declares", pascal + "Type");
                pascal += "Type";
            }

            _typeNames[name] = UniqueTypeName(pascal, shape.Position, "shape " + name);
        }

        // 4. The types.
        var types = new List<CodeType>();
        foreach (var name in reached.OrderBy(n => n, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var shape = _shapes[name];
            if (operationShapes.Contains(name) || !_typeNames.TryGetValue(name, out var typeName))
            {
                continue; // operation types are written below, with their operation
            }

            var role = shape.IsError ? TypeRole.Error : TypeRole.Plain;
            types.Add(MakeType(typeName, role, shape, null, null) with { IsMemberValue = shape.IsError && usedAsMember.Contains(name) });
        }

        var codeOperations = new List<CodeOperation>();
        foreach (var operation in operations)
        {
            var requestShape = operation.Input is { } input && IsStructure(input)
                ? _shapes[input]
                : new ShapeModel(operation.Name + "Request", ShapeKind.Structure, operation.Position);
            var responseShape = operation.Output is { } output && IsStructure(output)
                ? _shapes[output]
                : new ShapeModel(operation.Name + "Response", ShapeKind.Structure, operation.Position);
            var requestName = requestNames[operation.Name];
            var responseName = responseNames[operation.Name];
            // The request type is the operation as the user sees it: it carries the operation's documentation.
            requestShape = requestShape with { Documentation = operation.Documentation ?? requestShape.Documentation, Deprecated = requestShape.Deprecated || operation.Deprecated };
            types.Add(MakeType(requestName, TypeRole.Request, requestShape, operation.Name, responseName));
            types.Add(MakeType(responseName, TypeRole.Response, responseShape, operation.Name, null));
            var methodName = Identifiers.ToPascalCase(operation.Name) + "Async";
            if (ReservedClientMembers.Contains(methodName))
            {
                methodName = Identifiers.ToPascalCase(operation.Name) + "OperationAsync";
            }

            codeOperations.Add(new CodeOperation(operation, methodName, requestName, responseName)
            {
                ErrorTypeNames = operation.Errors.Where(e => _typeNames.ContainsKey(e) && _shapes[e].IsError).Select(e => _typeNames[e]).ToEquatableArray(),
            });
        }

        return new CodeModel(
            _model.SpecPath,
            _namespace,
            serviceName,
            _options.IsPublic,
            _model.Metadata,
            types.OrderBy(t => t.TypeName, StringComparer.Ordinal).ToEquatableArray(),
            codeOperations.ToEquatableArray(),
            _diagnostics.ToEquatableArray())
        {
            BaseExceptionName = exceptionName,
            ClientName = clientName,
            ClientInterfaceName = clientInterfaceName,
            OperationsName = operationsName,
            EndpointRules = _model.EndpointRules,
            EndpointRulesPath = _model.EndpointRulesPath,
            ClientContextParams = _model.ClientContextParams,
            Paginators = paginators.ToEquatableArray(),
            PaginatorsPath = _model.PaginatorsPath,
            Waiters = waiters.OrderBy(w => w.MethodName, StringComparer.Ordinal).ToEquatableArray(),
            WaitersPath = _model.WaitersPath,
        };
    }

    private List<OperationModel> SelectOperations()
    {
        var all = _model.Operations.ToList();
        if (_options.Operations.IsEmpty)
        {
            return all;
        }

        var byName = all.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var selected = new List<OperationModel>();
        foreach (var name in _options.Operations)
        {
            if (byName.TryGetValue(name, out var operation))
            {
                selected.Add(operation);
            }
            else
            {
                var suggestion = all.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
                Report(DiagnosticDescriptors.UnknownOperation, SourceSpan.None,
                    name, _model.Metadata.ServiceId, suggestion is null ? "" : $" (did you mean '{suggestion.Name}'?)");
            }
        }

        return selected.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
    }

    private HashSet<string> Reach(List<OperationModel> operations)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Visit(string? name)
        {
            if (name is not null && _shapes.ContainsKey(name) && reached.Add(name))
            {
                pending.Push(name);
            }
        }

        foreach (var operation in operations)
        {
            Visit(operation.Input);
            Visit(operation.Output);
            foreach (var error in operation.Errors)
            {
                Visit(error);
            }
        }

        while (pending.Count > 0)
        {
            var shape = _shapes[pending.Pop()];
            foreach (var member in shape.Members)
            {
                Visit(member.Target);
            }

            Visit(shape.Element?.Target);
            Visit(shape.Key?.Target);
        }

        return reached;
    }

    private CodeType MakeType(string typeName, TypeRole role, ShapeModel shape, string? operationName, string? responseTypeName)
    {
        var type = new CodeType(typeName, role, shape)
        {
            OperationName = operationName,
            ResponseTypeName = responseTypeName,
            ErrorCode = shape.IsError ? shape.ErrorCode ?? shape.Name : null,
            FileName = Identifiers.Unique(typeName, _takenFileNames),
        };

        if (shape.Kind is ShapeKind.Enum or ShapeKind.IntEnum)
        {
            return type with { EnumValues = NameEnumValues(typeName, shape) };
        }

        if (shape.Kind is ShapeKind.Structure or ShapeKind.Union)
        {
            return type with { Members = NameMembers(typeName, role, shape) };
        }

        return type;
    }

    private EquatableArray<CodeMember> NameMembers(string typeName, TypeRole role, ShapeModel shape)
    {
        var reserved = new HashSet<string>(StringComparer.Ordinal) { typeName };
        foreach (var name in role == TypeRole.Error ? ReservedExceptionMembers : ReservedStructureMembers)
        {
            reserved.Add(name);
        }

        if (role == TypeRole.Response)
        {
            reserved.UnionWith(ReservedResponseMembers);
        }

        if (shape.Kind == ShapeKind.Union)
        {
            reserved.Add("Unknown");
            reserved.Add("MemberName");
            reserved.Add("Value");
        }

        var candidates = shape.Members.Select(m => Identifiers.ToPascalCase(m.Name)).ToList();

        // With{X} builders must not collide with a property: a member "WithFoo" next to a member "Foo". (Errors have no
        // builders; a union's cases are classes, not builders.)
        var hasBuilders = role != TypeRole.Error && shape.Kind != ShapeKind.Union;
        if (hasBuilders)
        {
            foreach (var candidate in candidates)
            {
                reserved.Add("With" + candidate);
            }
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var takenParameters = new HashSet<string>(StringComparer.Ordinal) { "httpStatus", "other", "source", "value" };
        var result = new List<CodeMember>();
        for (var i = 0; i < shape.Members.Count; i++)
        {
            var member = shape.Members[i];
            var candidate = candidates[i];
            var isMessage = role == TypeRole.Error && string.Equals(member.Name, "message", StringComparison.OrdinalIgnoreCase) && _shapes[member.Target].Kind == ShapeKind.String;
            string name;
            if (isMessage && taken.Add("Message"))
            {
                name = "Message";
            }
            else
            {
                // A member whose builder would be named like the type (member Name of a type WithName) is renamed too.
                var clashes = reserved.Contains(candidate) || (hasBuilders && "With" + candidate == typeName);
                var wanted = clashes ? candidate + "Value" : candidate;
                if (reserved.Contains(wanted) && wanted != candidate)
                {
                    wanted = candidate + "Member";
                }

                name = Identifiers.Unique(wanted, taken);
                if (hasBuilders && name != candidate)
                {
                    // A renamed member's builder must not be another member's property (Equals, renamed EqualsValue,
                    // next to a member WithEqualsValue), and a later member must not take it.
                    for (var n = 2; taken.Contains("With" + name); n++)
                    {
                        taken.Remove(name);
                        name = Identifiers.Unique(wanted + n.ToString(System.Globalization.CultureInfo.InvariantCulture), taken);
                    }

                    reserved.Add("With" + name);
                }

                if (name != candidate)
                {
                    Report(DiagnosticDescriptors.NameCollision, member.Position,
                        $"member '{shape.Name}.{member.Name}'", candidate, clashes ? "a generated member of " + typeName + " already uses" : "another member already uses", name);
                }
            }

            var parameter = Identifiers.ToParameterName(name);
            if (!takenParameters.Add(parameter))
            {
                parameter = Identifiers.Unique(parameter.TrimStart('@') + "Value", takenParameters);
            }

            var typeRef = TypeOf(member.Target, 0);
            if (member.TimestampFormat != TimestampFormat.Default)
            {
                typeRef = typeRef with { TimestampFormat = member.TimestampFormat };
            }

            if (member.JsonValue)
            {
                typeRef = typeRef with { JsonValue = true };
            }

            if (member.Streaming && typeRef is { Kind: ShapeKind.Blob, Streaming: false })
            {
                typeRef = StreamingBlob(typeRef.ShapeName, _shapes[typeRef.ShapeName]);
            }

            result.Add(new CodeMember(member, name, parameter, typeRef)
            {
                Sensitive = member.Sensitive || typeRef.Sensitive,
            });
        }

        return result.ToEquatableArray();
    }

    private EquatableArray<CodeEnumValue> NameEnumValues(string typeName, ShapeModel shape)
    {
        var taken = new HashSet<string>(ReservedEnumMembers, StringComparer.Ordinal) { typeName };
        var result = new List<CodeEnumValue>();
        foreach (var value in shape.EnumValues)
        {
            var candidate = Identifiers.ToEnumMemberName(shape.Kind == ShapeKind.IntEnum ? value.Name : value.Value);
            var name = Identifiers.Unique(candidate, taken);
            if (name != candidate)
            {
                Report(DiagnosticDescriptors.NameCollision, shape.Position,
                    $"enum value '{value.Value}' of '{shape.Name}'", candidate, "is taken", name);
            }

            result.Add(new CodeEnumValue(name, value.Value, value.IntValue, value.Documentation));
        }

        return result.ToEquatableArray();
    }

    /// <summary>The C# type of a value of shape <paramref name="shapeName"/>.</summary>
    private TypeRef TypeOf(string shapeName, int depth)
    {
        if (_typeRefs.TryGetValue(shapeName, out var cached))
        {
            return cached;
        }

        var shape = _shapes[shapeName];
        TypeRef result;
        if (depth > 32)
        {
            // A list or map that contains itself without a structure in between cannot be a C# type.
            result = new TypeRef(ShapeKind.Document, "global::System.Text.Json.JsonElement", shapeName) { IsValueType = true };
            return result;
        }

        switch (shape.Kind)
        {
            case ShapeKind.List:
                var element = TypeOf(shape.Element!.Target, depth + 1);
                result = new TypeRef(ShapeKind.List, $"global::System.Collections.Generic.IReadOnlyList<{element.CSharpType}{(shape.Sparse ? "?" : "")}>", shapeName)
                {
                    Element = element,
                    ElementNullable = shape.Sparse,
                    ElementWireName = shape.Element.WireName,
                    Flattened = shape.Flattened,
                    Sensitive = shape.Sensitive || element.Sensitive,
                    Min = shape.Min,
                    Max = shape.Max,
                };
                break;
            case ShapeKind.Map:
                var value = TypeOf(shape.Element!.Target, depth + 1);
                result = new TypeRef(ShapeKind.Map, $"global::System.Collections.Generic.IReadOnlyDictionary<string, {value.CSharpType}{(shape.Sparse ? "?" : "")}>", shapeName)
                {
                    Element = value,
                    ElementNullable = shape.Sparse,
                    ElementWireName = shape.Element.WireName,
                    KeyWireName = shape.Key!.WireName,
                    Flattened = shape.Flattened,
                    Sensitive = shape.Sensitive || value.Sensitive || _shapes[shape.Key!.Target].Sensitive,
                    Min = shape.Min,
                    Max = shape.Max,
                };
                break;
            case ShapeKind.Blob when shape.Streaming:
                result = StreamingBlob(shapeName, shape);
                break;
            default:
                var (type, isValueType) = ScalarType(shape);
                result = new TypeRef(shape.Kind, type, shapeName)
                {
                    IsValueType = isValueType,
                    IsError = shape.IsError,
                    TimestampFormat = shape.TimestampFormat,
                    Sensitive = shape.Sensitive,
                    JsonValue = shape.JsonValue,
                    Min = shape.Min,
                    Max = shape.Max,
                    Pattern = shape.Pattern,
                    MediaType = shape.MediaType,
                };
                break;
        }

        _typeRefs[shapeName] = result;
        return result;
    }

    /// <summary>A streaming blob: never buffered, the caller's stream goes out as is and the response's body comes back as one.</summary>
    private static TypeRef StreamingBlob(string shapeName, ShapeModel shape) =>
        new(ShapeKind.Blob, "global::System.IO.Stream", shapeName)
        {
            Streaming = true,
            RequiresLength = shape.RequiresLength,
            Sensitive = shape.Sensitive,
            MediaType = shape.MediaType,
        };

    private (string Type, bool IsValueType) ScalarType(ShapeModel shape) => shape.Kind switch
    {
        ShapeKind.String => ("string", false),
        ShapeKind.Byte => ("sbyte", true),
        ShapeKind.Short => ("short", true),
        ShapeKind.Integer => ("int", true),
        ShapeKind.Long => ("long", true),
        ShapeKind.Float => ("float", true),
        ShapeKind.Double => ("double", true),
        ShapeKind.BigInteger => ("global::System.Numerics.BigInteger", true),
        ShapeKind.BigDecimal => ("decimal", true),
        ShapeKind.Boolean => ("bool", true),
        ShapeKind.Timestamp => ("global::System.DateTimeOffset", true),
        ShapeKind.Blob => ("global::System.ReadOnlyMemory<byte>", true),
        ShapeKind.Document => ("global::System.Text.Json.JsonElement", true),
        ShapeKind.Enum or ShapeKind.IntEnum => ("global::" + _namespace + "." + _typeNames[shape.Name], true),
        _ => ("global::" + _namespace + "." + _typeNames[shape.Name], false),
    };

    /// <summary>Whether the type of <paramref name="shape"/> named <paramref name="name"/> would declare a member of that name.</summary>
    private static bool NamesOwnMember(ShapeModel shape, string name) =>
        OwnMemberNames.Contains(name) || shape.Kind switch
        {
            ShapeKind.Structure => OwnStructureMemberNames.Contains(name),
            ShapeKind.Union => OwnUnionMemberNames.Contains(name),
            ShapeKind.Enum or ShapeKind.IntEnum => OwnEnumMemberNames.Contains(name),
            _ => false,
        };

    private static bool HasOwnType(ShapeModel shape) =>
        shape.Kind is ShapeKind.Structure or ShapeKind.Union or ShapeKind.Enum or ShapeKind.IntEnum;

    private bool IsStructure(string name) => _shapes.TryGetValue(name, out var shape) && shape.Kind == ShapeKind.Structure && !shape.IsError;

    private static void Count(Dictionary<string, int> counts, string? name)
    {
        if (name is not null)
        {
            counts[name] = counts.TryGetValue(name, out var count) ? count + 1 : 1;
        }
    }

    private string Reserve(string name)
    {
        _takenTypeNames.Add(name);
        _takenFileNames.Add(name);
        return name;
    }

    private string UniqueTypeName(string candidate, SourceSpan position, string what)
    {
        var name = Identifiers.Unique(candidate, _takenTypeNames);
        if (name != candidate)
        {
            Report(DiagnosticDescriptors.NameCollision, position, what, candidate, "is taken", name);
        }

        return name;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _model.SpecPath, span, arguments));
}

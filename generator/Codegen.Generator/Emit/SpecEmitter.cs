using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Generator.Model;
using Codegen.Generator.Protocols;

namespace Codegen.Generator.Emit;

/// <summary>
/// Writes every file of one named model, one type per file. Hint names are
/// <c>{Namespace}/{Type}.g.cs</c> for the model types and <c>{Namespace}/Serialization/{Type}.g.cs</c> for the wire code,
/// which the service's protocol generator (<see cref="ProtocolGenerators"/>) writes.
/// </summary>
internal static class SpecEmitter
{
    /// <summary>The model's files; <paramref name="endpoints"/> are its compiled endpoint rules, which the client then uses.</summary>
    public static EquatableArray<GeneratedFile> Emit(
        CodeModel model,
        CancellationToken cancellationToken = default,
        Endpoints.EndpointRulesInfo? endpoints = null,
        EquatableArray<Endpoints.OperationContextBinding> contextBindings = default)
    {
        var protocol = ProtocolGenerators.For(model.Metadata.Protocol);
        var files = new List<GeneratedFile>();
        var root = model.Namespace + "/";
        var wire = root + "Serialization/";
        foreach (var type in model.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (type.Shape.Kind)
            {
                case ShapeKind.Enum:
                case ShapeKind.IntEnum:
                    files.Add(new GeneratedFile(root + type.FileName + ".g.cs", EnumEmitter.Emit(model, type)));
                    break;
                case ShapeKind.Union:
                    files.Add(new GeneratedFile(root + type.FileName + ".g.cs", UnionEmitter.Emit(model, type)));
                    break;
                default:
                    files.Add(new GeneratedFile(root + type.FileName + ".g.cs", type.Role == TypeRole.Error ? ErrorEmitter.Emit(model, type) : StructureEmitter.Emit(model, type)));
                    break;
            }

            protocol.AddCodecFiles(model, type, files);
        }

        var validated = ValidationEmitter.TypesToValidate(model);
        var validatedNames = new HashSet<string>(validated.Select(t => t.TypeName), System.StringComparer.Ordinal);
        foreach (var type in validated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(new GeneratedFile(wire + type.FileName + "Validator.g.cs", ValidationEmitter.Emit(model, type, validatedNames)));
        }

        files.Add(new GeneratedFile(root + model.BaseExceptionName + ".g.cs", ErrorEmitter.EmitBase(model)));
        files.Add(new GeneratedFile(root + model.OperationsName + ".g.cs", OperationEmitter.EmitOperationsClass(model)));
        files.Add(new GeneratedFile(root + model.ClientName + ".g.cs", ClientEmitter.Emit(model, protocol.CanSend, endpoints, contextBindings)));
        files.Add(new GeneratedFile(root + model.ClientInterfaceName + ".g.cs", ClientInterfaceEmitter.Emit(model, protocol.CanSend)));
        files.Add(new GeneratedFile(wire + model.ServiceName + "ErrorReader.g.cs", OperationEmitter.EmitErrorReader(model, protocol)));
        if (protocol.CanSend && RequiredMembers.EmitZeroValues(model) is { } zeroValues)
        {
            files.Add(new GeneratedFile(wire + RequiredMembers.ZeroValuesClassName(model) + ".g.cs", zeroValues));
        }

        foreach (var operation in model.Operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(new GeneratedFile(wire + OperationEmitter.OperationClassName(operation) + ".g.cs", OperationEmitter.EmitOperation(model, protocol, operation, validatedNames)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.HintName, b.HintName));
        return files.ToEquatableArray();
    }
}

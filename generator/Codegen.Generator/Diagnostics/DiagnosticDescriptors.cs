using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. The table in docs/diagnostics.md lists the same ids; each message is
/// the whole text (<c>{0}</c>), written where the problem is found so that it can name the shape and member.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Codegen";

    public static readonly DiagnosticDescriptor MalformedJson = Create("CG0001", "Malformed JSON in an AWS model", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownFormat = Create("CG0002", "Not an AWS model", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedShape = Create("CG0003", "Reference to a shape that does not exist", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidModel = Create("CG0004", "A required part of the model is missing or has the wrong type", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor Unsupported = Create("CG0005", "Unsupported shape or trait", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create("CG0006", "Names collide after conversion to C#", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownOperation = Create("CG0007", "The operation filter names an unknown operation", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ProtocolWithoutSerializer = Create("CG0008", "The service's protocol cannot send yet", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create("CG0009", "The generator failed on this model", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidOption = Create("CG0010", "Invalid option on a model item", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateOutput = Create("CG0011", "Two models generate the same type", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEndpointRuleSet = Create("CG0020", "An endpoint rule set is malformed", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEndpointRule = Create("CG0021", "An endpoint rule uses an unknown name or function, or a value of the wrong type", DiagnosticSeverity.Error);

    private static readonly Dictionary<string, DiagnosticDescriptor> Table = new()
    {
        [MalformedJson.Id] = MalformedJson,
        [UnknownFormat.Id] = UnknownFormat,
        [UnresolvedShape.Id] = UnresolvedShape,
        [InvalidModel.Id] = InvalidModel,
        [Unsupported.Id] = Unsupported,
        [NameCollision.Id] = NameCollision,
        [UnknownOperation.Id] = UnknownOperation,
        [ProtocolWithoutSerializer.Id] = ProtocolWithoutSerializer,
        [InternalError.Id] = InternalError,
        [InvalidOption.Id] = InvalidOption,
        [DuplicateOutput.Id] = DuplicateOutput,
        [InvalidEndpointRuleSet.Id] = InvalidEndpointRuleSet,
        [InvalidEndpointRule.Id] = InvalidEndpointRule,
    };

    public static DiagnosticDescriptor ById(string id) => Table[id];

    public static IEnumerable<DiagnosticDescriptor> All => Table.Values;

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity) =>
        new(id, title, "{0}", Category, severity, isEnabledByDefault: true);
}

using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, with its message format. The table in docs/diagnostics.md lists the same
/// ids; AnalyzerReleases.*.md track them. Reports pass the format's arguments (<see cref="DiagnosticInfo.Arguments"/>).
/// CG0004 and CG0005 describe open-ended problems of a model, so their format is the problem's own sentence.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Codegen";

    /// <summary>{0}: what the JSON parser found wrong.</summary>
    public static readonly DiagnosticDescriptor MalformedJson = Create("CG0001", "Malformed JSON in an AWS model", "malformed JSON: {0}", DiagnosticSeverity.Error);

    /// <summary>{0}: what was found instead of an AWS model.</summary>
    public static readonly DiagnosticDescriptor UnknownFormat = Create("CG0002", "Not an AWS model", "not an AWS model: {0}", DiagnosticSeverity.Error);

    /// <summary>{0}: the kind of thing referenced (shape, operation, resource, mixin); {1}: its name; {2}: what references it.</summary>
    public static readonly DiagnosticDescriptor UnresolvedShape = Create("CG0003", "Reference to a shape that does not exist", "{0} '{1}' referenced by {2} does not exist", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidModel = Create("CG0004", "A required part of the model is missing or has the wrong type", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor Unsupported = Create("CG0005", "Unsupported shape or trait", "{0}", DiagnosticSeverity.Warning);

    /// <summary>{0}: what is named; {1}: the name it would have had; {2}: who has that name already; {3}: the name it gets.</summary>
    public static readonly DiagnosticDescriptor NameCollision = Create("CG0006", "Names collide after conversion to C#", "{0} would be named '{1}', which {2}; it is named '{3}'", DiagnosticSeverity.Info);

    /// <summary>{0}: the name in the filter; {1}: the service; {2}: a suggestion, or nothing.</summary>
    public static readonly DiagnosticDescriptor UnknownOperation = Create("CG0007", "The operation filter names an unknown operation", "the operation filter names '{0}', which {1} does not have{2}", DiagnosticSeverity.Error);

    /// <summary>{0}: the service; {1}: its protocol.</summary>
    public static readonly DiagnosticDescriptor ProtocolWithoutSerializer = Create("CG0008", "The service's protocol cannot send yet",
        "{0} speaks the {1} protocol, which this version of Codegen cannot send yet: its types, constructors, builders, lenses and errors are generated, its client has no operation methods, and SendAsync throws NotSupportedException",
        DiagnosticSeverity.Warning);

    /// <summary>{0}: the stage (reading, naming, writing code for); {1}: the exception type; {2}: its message.</summary>
    public static readonly DiagnosticDescriptor InternalError = Create("CG0009", "The generator failed on this model", "the generator failed while {0} this model ({1}: {2}); please report it with the model file", DiagnosticSeverity.Error);

    /// <summary>{0}: the metadata; {1}: its value; {2}: the values it may have; {3}: what is done instead.</summary>
    public static readonly DiagnosticDescriptor InvalidOption = Create("CG0010", "Invalid option on a model item", "{0} '{1}' is not {2}; {3}", DiagnosticSeverity.Warning);

    /// <summary>{0}: the generated file; {1}: the other model that generates it.</summary>
    public static readonly DiagnosticDescriptor DuplicateOutput = Create("CG0011", "Two models generate the same type", "this model generates '{0}', which '{1}' generates too; give one of them another Namespace", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEndpointRuleSet = Create("CG0020", "An endpoint rule set is malformed", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidEndpointRule = Create("CG0021", "An endpoint rule uses an unknown name or function, or a value of the wrong type", "{0}", DiagnosticSeverity.Error);

    /// <summary>{0}: what is wrong with a paginator or waiter definition, and where in it.</summary>
    public static readonly DiagnosticDescriptor InvalidPagingDefinition = Create("CG0022", "A paginator or waiter definition is malformed or does not fit its operation", "{0}", DiagnosticSeverity.Error);

    /// <summary>{0}: the part (result key, output token, acceptor); {1}: the expression; {2}: whose it is; {3}: the JMESPath error kind; {4}: what is wrong.</summary>
    public static readonly DiagnosticDescriptor InvalidPagingExpression = Create("CG0023", "A JMESPath expression of a paginator, waiter or endpoint context parameter cannot be compiled",
        "the {0} '{1}' of {2} cannot be compiled ({3}): {4}", DiagnosticSeverity.Error);

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
        [InvalidPagingDefinition.Id] = InvalidPagingDefinition,
        [InvalidPagingExpression.Id] = InvalidPagingExpression,
    };

    public static DiagnosticDescriptor ById(string id) => Table[id];

    public static IEnumerable<DiagnosticDescriptor> All => Table.Values;

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity) =>
        new(id, title, messageFormat, Category, severity, isEnabledByDefault: true);
}

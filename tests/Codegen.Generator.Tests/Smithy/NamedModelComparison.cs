using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>
/// Compares two named models of one service (from its botocore and its Smithy model) as the user sees them: the
/// generated types, their members with C# types and required-ness, and the enum values (documentation, wire
/// details and constraints are not compared), and says why each difference is there, by looking at what the two
/// source models say:
/// <list type="bullet">
/// <item><see cref="Drift"/>: the sources say different things (the snapshots were taken at different times, or
/// botocore's conversion changed the model: a member, value or shape in one only, @required added or removed, a
/// target renamed, @sparse in one only).</item>
/// <item><see cref="Policy"/>: the same facts, mapped differently on purpose (a @required @clientOptional member
/// is optional from Smithy, required from botocore; docs/smithy.md).</item>
/// <item><see cref="Format"/>: the botocore model cannot or does not say what the Smithy model says (an event
/// stream or older union written as a plain structure).</item>
/// <item><see cref="Unexplained"/>: none of these — a reader or naming difference to look at.</item>
/// </list>
/// The Smithy side is looked up in the raw JSON by short name (own members only: the AWS models use no mixins).
/// </summary>
internal sealed class NamedModelComparison
{
    public const string TypeOnlyInBotocore = "type only in botocore";
    public const string TypeOnlyInSmithy = "type only in Smithy";
    public const string TypeKind = "type kind or role";
    public const string MemberOnlyInBotocore = "member only in botocore";
    public const string MemberOnlyInSmithy = "member only in Smithy";
    public const string MemberType = "member C# type";
    public const string Required = "required-ness";
    public const string EnumValueOnlyInBotocore = "enum value only in botocore";
    public const string EnumValueOnlyInSmithy = "enum value only in Smithy";

    public const string Drift = "drift";
    public const string Policy = "policy";
    public const string Format = "format";
    public const string Unexplained = "unexplained";

    private readonly ServiceModel _botocoreSource;
    private readonly JsonObject? _smithySource;
    private readonly Dictionary<string, ShapeModel> _botocoreShapes;
    private readonly Dictionary<string, JsonObject> _smithyShapes = new(StringComparer.Ordinal);
    private readonly List<Difference> _differences = new();

    private NamedModelComparison(ServiceModel botocoreSource, JsonObject? smithySource)
    {
        _botocoreSource = botocoreSource;
        _smithySource = smithySource;
        _botocoreShapes = botocoreSource.Shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        if (smithySource?["shapes"] is JsonObject shapes)
        {
            foreach (var property in shapes.Properties)
            {
                if (property.Value is JsonObject shape)
                {
                    _smithyShapes[property.Name.Substring(property.Name.IndexOf('#') + 1)] = shape;
                }
            }
        }
    }

    public sealed record Difference(string Kind, string Where, string Detail, string Cause);

    public static bool IsDrift(Difference difference) => difference.Cause.StartsWith(Drift, StringComparison.Ordinal);

    /// <summary>
    /// Compares <paramref name="botocore"/> and <paramref name="smithy"/>; the sources (the botocore reader's model
    /// and the Smithy JSON) are used to explain each difference.
    /// </summary>
    public static List<Difference> Compare(CodeModel botocore, CodeModel smithy, ServiceModel botocoreSource, JsonObject? smithySource)
    {
        var comparison = new NamedModelComparison(botocoreSource, smithySource);
        comparison.CompareTypes(botocore, smithy);
        return comparison._differences;
    }

    private void CompareTypes(CodeModel botocore, CodeModel smithy)
    {
        var left = botocore.Types.ToDictionary(t => t.TypeName, StringComparer.Ordinal);
        var right = smithy.Types.ToDictionary(t => t.TypeName, StringComparer.Ordinal);
        var memberDrift = false;
        var pendingTypes = new List<(string Kind, CodeType Type)>();
        foreach (var name in left.Keys.Union(right.Keys).OrderBy(n => n, StringComparer.Ordinal))
        {
            if (!right.TryGetValue(name, out var s))
            {
                pendingTypes.Add((TypeOnlyInBotocore, left[name]));
                continue;
            }

            if (!left.TryGetValue(name, out var b))
            {
                pendingTypes.Add((TypeOnlyInSmithy, s));
                continue;
            }

            if (b.Role != s.Role || b.Shape.Kind != s.Shape.Kind)
            {
                var structureForUnion = b.Shape.Kind == ShapeKind.Structure && s.Shape.Kind == ShapeKind.Union && SmithyType(s.Shape.Name, "union");
                var cause = structureForUnion && s.Shape.Streaming ? Format + ": botocore writes an event stream union as a structure"
                    : structureForUnion ? Format + ": the botocore model writes this union as a plain structure"
                    : Unexplained;
                Add(TypeKind, name, $"{b.Role} {b.Shape.Kind} vs {s.Role} {s.Shape.Kind}", cause);
                continue;
            }

            var bm = b.Members.ToDictionary(m => m.PropertyName, StringComparer.Ordinal);
            var sm = s.Members.ToDictionary(m => m.PropertyName, StringComparer.Ordinal);
            foreach (var member in bm.Keys.Union(sm.Keys).OrderBy(n => n, StringComparer.Ordinal))
            {
                var where = name + "." + member;
                if (!sm.TryGetValue(member, out var smember))
                {
                    var inSmithy = SmithyMember(s.Shape.Name, bm[member].Member.Name) is not null;
                    memberDrift |= !inSmithy;
                    Add(MemberOnlyInBotocore, where, "", inSmithy ? Unexplained : Drift);
                }
                else if (!bm.TryGetValue(member, out var bmember))
                {
                    var inBotocore = BotocoreMember(b.Shape.Name, smember.Member.Name) is not null;
                    memberDrift |= !inBotocore;
                    Add(MemberOnlyInSmithy, where, "", inBotocore ? Unexplained : b.Role == TypeRole.Error ? Drift + ": the botocore model leaves out members of this error" : Drift);
                }
                else
                {
                    if (bmember.Type.CSharpType != smember.Type.CSharpType)
                    {
                        Add(MemberType, where, $"{bmember.Type.CSharpType} vs {smember.Type.CSharpType}", ExplainType(s, bmember, smember));
                    }

                    if (bmember.Nullable != smember.Nullable)
                    {
                        Add(Required, where, bmember.Nullable ? "optional in botocore, required in Smithy" : "required in botocore, optional in Smithy", ExplainRequired(b, s, bmember, smember));
                    }
                }
            }

            if (b.Shape.Kind is ShapeKind.Enum or ShapeKind.IntEnum)
            {
                var bv = new HashSet<string>(b.EnumValues.Select(v => v.Value), StringComparer.Ordinal);
                var sv = new HashSet<string>(s.EnumValues.Select(v => v.Value), StringComparer.Ordinal);
                var smithyValues = SmithyEnumValues(s.Shape.Name);
                foreach (var value in bv.Where(v => !sv.Contains(v)).OrderBy(v => v, StringComparer.Ordinal))
                {
                    Add(EnumValueOnlyInBotocore, name, value, smithyValues.Contains(value) ? Unexplained : Drift);
                }

                var botocoreValues = _botocoreShapes.TryGetValue(b.Shape.Name, out var source) ? source.EnumValues.Select(v => v.Value).ToList() : new List<string>();
                foreach (var value in sv.Where(v => !bv.Contains(v)).OrderBy(v => v, StringComparer.Ordinal))
                {
                    Add(EnumValueOnlyInSmithy, name, value, botocoreValues.Contains(value) ? Unexplained : Drift);
                }
            }
        }

        memberDrift |= _differences.Any(d => d.Cause.StartsWith(Drift, StringComparison.Ordinal));
        foreach (var (kind, type) in pendingTypes)
        {
            // A shape the other model does not have is drift; one it has but does not reach is reached here
            // through a member the other model lacks (drift), if there is such a member.
            var inOther = kind == TypeOnlyInBotocore
                ? _smithyShapes.TryGetValue(type.Shape.Name, out var other) && other.GetString("type") is not ("operation" or "service" or "resource")
                : _botocoreShapes.ContainsKey(type.Shape.Name);
            Add(kind, type.TypeName, type.Shape.Kind.ToString(), !inOther || memberDrift ? Drift : Unexplained);
        }
    }

    private string ExplainType(CodeType smithyType, CodeMember botocore, CodeMember smithy)
    {
        // Compare what the two sources say about the member's target: its name, its type, and whether it is sparse.
        var target = SmithyMember(smithyType.Shape.Name, smithy.Member.Name)?.GetString("target");
        if (target is null)
        {
            return Unexplained;
        }

        var targetName = target.Substring(target.IndexOf('#') + 1);
        if (targetName != botocore.Member.Target && !target.StartsWith("smithy.api#", StringComparison.Ordinal))
        {
            return Drift + ": the sources name the target differently";
        }

        var targetType = target.StartsWith("smithy.api#", StringComparison.Ordinal)
            ? PreludeType(targetName)
            : _smithyShapes.TryGetValue(targetName, out var shape) ? shape.GetString("type") : null;
        if (targetType is not null && !SameKind(botocore.Type.Kind, targetType))
        {
            return Drift;
        }

        if (botocore.Type.CSharpType.Replace("?", "") == smithy.Type.CSharpType.Replace("?", ""))
        {
            var smithySparse = _smithyShapes.TryGetValue(targetName, out var list) && list.GetObject("traits")?["smithy.api#sparse"] is not null;
            var botocoreSparse = _botocoreShapes.TryGetValue(botocore.Member.Target, out var botocoreList) && botocoreList.Sparse;
            if (smithySparse != botocoreSparse)
            {
                return Drift + ": @sparse in one source only";
            }
        }

        return Unexplained;
    }

    private static string? PreludeType(string name) => name switch
    {
        "String" => "string",
        "Boolean" or "PrimitiveBoolean" => "boolean",
        "Integer" or "PrimitiveInteger" => "integer",
        "Long" or "PrimitiveLong" => "long",
        "Float" or "PrimitiveFloat" => "float",
        "Double" or "PrimitiveDouble" => "double",
        "Timestamp" => "timestamp",
        "Blob" => "blob",
        "Document" => "document",
        _ => null,
    };

    private string ExplainRequired(CodeType botocoreType, CodeType smithyType, CodeMember botocore, CodeMember smithy)
    {
        var traits = SmithyMember(smithyType.Shape.Name, smithy.Member.Name)?.GetObject("traits");
        var smithyRequired = traits?["smithy.api#required"] is not null;
        var clientOptional = traits?["smithy.api#clientOptional"] is not null;
        var botocoreRequired = BotocoreMember(botocoreType.Shape.Name, botocore.Member.Name)?.Required == true;
        if (botocoreRequired && smithyRequired && clientOptional)
        {
            return Policy + ": @clientOptional";
        }

        return botocoreRequired != smithyRequired ? Drift : Unexplained;
    }

    private static bool SameKind(ShapeKind kind, string smithyType) => kind switch
    {
        ShapeKind.Enum => smithyType is "enum" or "string",
        ShapeKind.String => smithyType == "string",
        ShapeKind.Integer => smithyType is "integer" or "intEnum",
        ShapeKind.Long => smithyType == "long",
        ShapeKind.Structure => smithyType is "structure" or "union",
        ShapeKind.Union => smithyType == "union",
        ShapeKind.List => smithyType is "list" or "set",
        ShapeKind.Map => smithyType == "map",
        ShapeKind.Double => smithyType == "double",
        ShapeKind.Float => smithyType == "float",
        ShapeKind.Boolean => smithyType == "boolean",
        ShapeKind.Timestamp => smithyType == "timestamp",
        ShapeKind.Blob => smithyType == "blob",
        ShapeKind.Document => smithyType == "document",
        _ => false,
    };

    private bool SmithyType(string shortName, string type) => _smithyShapes.TryGetValue(shortName, out var shape) && shape.GetString("type") == type;

    private JsonObject? SmithyMember(string shortName, string member) =>
        _smithyShapes.TryGetValue(shortName, out var shape) ? shape.GetObject("members")?.GetObject(member) : null;

    private MemberModel? BotocoreMember(string shape, string member) =>
        _botocoreShapes.TryGetValue(shape, out var model) ? model.Members.FirstOrDefault(m => m.Name == member) : null;

    private HashSet<string> SmithyEnumValues(string shortName)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        if (_smithyShapes.TryGetValue(shortName, out var shape))
        {
            foreach (var member in shape.GetObject("members")?.Properties ?? new List<JsonProperty>())
            {
                values.Add((member.Value as JsonObject)?.GetObject("traits")?.GetString("smithy.api#enumValue") ?? member.Name);
            }

            foreach (var item in shape.GetObject("traits")?.GetArray("smithy.api#enum")?.Items ?? new List<JsonValue>())
            {
                if ((item as JsonObject)?.GetString("value") is { } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    private void Add(string kind, string where, string detail, string cause) => _differences.Add(new Difference(kind, where, detail, cause));
}

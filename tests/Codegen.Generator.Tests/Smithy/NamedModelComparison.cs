using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>
/// Compares two named models of one service (from its botocore and its Smithy model) as the user sees them: the
/// generated types, their members with C# types and required-ness, and the enum values (documentation, wire
/// details and constraints are not compared), and says why each difference is there:
/// <list type="bullet">
/// <item><see cref="Drift"/>: the two source models say different things (the snapshots were taken at different
/// times: a member, value or shape exists in one only, or @required was added or removed).</item>
/// <item><see cref="Policy"/>: same facts, mapped differently on purpose (a @required @clientOptional member is
/// optional from Smithy, required from botocore).</item>
/// <item><see cref="Format"/>: one format cannot say what the other says (botocore has no @sparse, writes event
/// stream unions as structures).</item>
/// <item><see cref="Unexplained"/>: none of these: a reader or naming difference to look at.</item>
/// </list>
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
                var cause = b.Shape.Kind == ShapeKind.Structure && s.Shape.Kind == ShapeKind.Union && s.Shape.Streaming ? Format + ": botocore writes an event stream union as a structure"
                    : b.Shape.Kind == ShapeKind.Structure && s.Shape.Kind == ShapeKind.Union && !SmithyType(s.Shape.Name, "union") ? Drift
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
                    Add(MemberOnlyInSmithy, where, "", inBotocore ? Unexplained : Drift);
                }
                else
                {
                    if (bmember.Type.CSharpType != smember.Type.CSharpType)
                    {
                        Add(MemberType, where, $"{bmember.Type.CSharpType} vs {smember.Type.CSharpType}", ExplainType(bmember, smember));
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

        foreach (var (kind, type) in pendingTypes)
        {
            // A shape the other model does not have is drift; one it has but does not reach is reached here
            // through a member the other model lacks (drift), if there is such a member.
            var inOther = kind == TypeOnlyInBotocore ? _smithyShapes.ContainsKey(type.Shape.Name) : _botocoreShapes.ContainsKey(type.Shape.Name);
            Add(kind, type.TypeName, type.Shape.Kind.ToString(), !inOther || memberDrift ? Drift : Unexplained);
        }
    }

    private string ExplainType(CodeMember botocore, CodeMember smithy)
    {
        if (botocore.Type.CSharpType.Replace("?", "") == smithy.Type.CSharpType.Replace("?", "") && smithy.Type.ElementNullable && !botocore.Type.ElementNullable)
        {
            return Format + ": @sparse (botocore has no sparse lists or maps)";
        }

        if (botocore.Type.Kind != smithy.Type.Kind || botocore.Member.Target != smithy.Member.Target)
        {
            // The member targets another shape, or its target changed type: compare the sources.
            var smithyMember = SmithyMember(smithy.Member.Target == botocore.Member.Target ? "" : "", "");
            _ = smithyMember;
            return botocore.Type.Kind != smithy.Type.Kind && _botocoreShapes.TryGetValue(botocore.Member.Target, out var target) &&
                   _smithyShapes.TryGetValue(botocore.Member.Target, out var smithyTarget) && smithyTarget.GetString("type") is { } type && !SameKind(target.Kind, type)
                ? Drift
                : Unexplained;
        }

        return Unexplained;
    }

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

using System;
using System.Collections.Generic;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;

namespace Codegen.Generator.Readers;

/// <summary>
/// One shape of a Smithy JSON AST while it is read: its JSON, and — once resolved — its traits and members with
/// mixins and <c>apply</c> statements folded in. Lives only inside <see cref="SmithyReader"/>.
/// </summary>
internal sealed class SmithyShape
{
    public SmithyShape(string id, string type, JsonObject json, SourceSpan position, bool isPrelude)
    {
        Id = id;
        Type = type;
        Json = json;
        Position = position;
        IsPrelude = isPrelude;
        var hash = id.IndexOf('#');
        Namespace = hash < 0 ? string.Empty : id.Substring(0, hash);
        ShortName = hash < 0 ? id : id.Substring(hash + 1);
    }

    /// <summary>The absolute shape id, e.g. <c>com.amazonaws.cognitoidentityprovider#SessionType</c>.</summary>
    public string Id { get; }

    public string Namespace { get; }

    /// <summary>The part after <c>#</c>.</summary>
    public string ShortName { get; }

    /// <summary>The <c>type</c> as written (structure, string, operation, ...).</summary>
    public string Type { get; }

    public JsonObject Json { get; }

    /// <summary>The shape's name in the file (or, for a synthesized prelude shape, its first reference).</summary>
    public SourceSpan Position { get; }

    /// <summary>A prelude shape (<c>smithy.api#String</c>, ...) the file references but does not define.</summary>
    public bool IsPrelude { get; }

    /// <summary>0: not resolved yet; 1: being resolved (a mixin cycle if met again); 2: resolved.</summary>
    public int State { get; set; }

    /// <summary>Traits after mixins and <c>apply</c>, by absolute trait id.</summary>
    public Dictionary<string, JsonValue> Traits { get; } = new(StringComparer.Ordinal);

    /// <summary>Members in order (mixin members first): structure/union/enum members, list <c>member</c>, map <c>key</c> and <c>value</c>.</summary>
    public List<SmithyMember> Members { get; } = new();

    /// <summary>The mixins found and resolved, in order.</summary>
    public List<SmithyShape> Mixins { get; } = new();

    public bool Has(string trait) => Traits.ContainsKey(trait);

    public SmithyMember? Member(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }
}

/// <summary>One member of a <see cref="SmithyShape"/>, with its traits merged.</summary>
internal sealed class SmithyMember
{
    public SmithyMember(string name, string? target, JsonValue? targetValue, SourceSpan position)
    {
        Name = name;
        Target = target;
        TargetValue = targetValue;
        Position = position;
    }

    public string Name { get; }

    /// <summary>The absolute id of the target, as written.</summary>
    public string? Target { get; set; }

    /// <summary>Where the target is written (for diagnostics).</summary>
    public JsonValue? TargetValue { get; set; }

    /// <summary>Where the member is declared (its redeclaration, if the shape redeclares a mixin member).</summary>
    public SourceSpan Position { get; set; }

    public Dictionary<string, JsonValue> Traits { get; } = new(StringComparer.Ordinal);

    /// <summary>The target once looked up; null when it does not exist (the member is then dropped).</summary>
    public SmithyShape? Resolved { get; set; }

    public bool Has(string trait) => Traits.ContainsKey(trait);

    public SmithyMember Copy()
    {
        var copy = new SmithyMember(Name, Target, TargetValue, Position);
        foreach (var pair in Traits)
        {
            copy.Traits[pair.Key] = pair.Value;
        }

        return copy;
    }
}

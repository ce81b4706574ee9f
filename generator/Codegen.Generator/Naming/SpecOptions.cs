using Codegen.Generator.Model;

namespace Codegen.Generator.Naming;

/// <summary>
/// Per-spec options from the MSBuild item's metadata: <c>Namespace</c>, <c>Operations</c> (a filter),
/// <c>Accessibility</c> (public or internal), <c>Protocol</c> (one of the protocols the model lists), and whether the model's endpoint rules, paginators and waiters are
/// used (<c>EndpointRules="false"</c> and so on turn them off, for a companion file and a Smithy trait alike).
/// </summary>
internal sealed record SpecOptions(string? Namespace, EquatableArray<string> Operations, bool IsPublic, string? InvalidAccessibility)
{
    public static readonly SpecOptions Default = new(null, EquatableArray<string>.Empty, true, null);

    /// <summary>
    /// The protocol the item's <c>Protocol</c> metadata asks for (e.g. <c>rpcv2Cbor</c>), among those the model lists;
    /// null for the preferred one.
    /// </summary>
    public string? Protocol { get; init; }

    /// <summary>The companion kinds the item turns off, one bit per <see cref="CompanionKind"/>.</summary>
    public int CompanionsOff { get; init; }

    /// <summary>Whether the model's <paramref name="kind"/> (companion file or Smithy trait) is used.</summary>
    public bool Uses(CompanionKind kind) => (CompanionsOff & (1 << (int)kind)) == 0;

    /// <summary>These options with the kinds whose metadata value is <c>false</c> turned off; <paramref name="valueOf"/> gives the metadata value of a kind.</summary>
    public SpecOptions WithCompanionSwitches(System.Func<CompanionKind, string?> valueOf)
    {
        var off = 0;
        foreach (var kind in CompanionKinds.All)
        {
            if (string.Equals(valueOf(kind)?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase))
            {
                off |= 1 << (int)kind;
            }
        }

        return off == 0 ? this : this with { CompanionsOff = off };
    }

    public static SpecOptions Parse(string? ns, string? operations, string? accessibility)
    {
        var filter = new System.Collections.Generic.List<string>();
        if (!string.IsNullOrWhiteSpace(operations))
        {
            foreach (var part in operations!.Split(new[] { ';', ',' }, System.StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Trim();
                if (name.Length > 0 && !filter.Contains(name))
                {
                    filter.Add(name);
                }
            }
        }

        var access = accessibility?.Trim();
        var isPublic = true;
        string? invalid = null;
        if (!string.IsNullOrEmpty(access))
        {
            if (string.Equals(access, "internal", System.StringComparison.OrdinalIgnoreCase))
            {
                isPublic = false;
            }
            else if (!string.Equals(access, "public", System.StringComparison.OrdinalIgnoreCase))
            {
                invalid = access;
            }
        }

        return new SpecOptions(string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim(), filter.ToEquatableArray(), isPublic, invalid);
    }
}

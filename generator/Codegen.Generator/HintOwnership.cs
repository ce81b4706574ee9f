using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator;

/// <summary>The hint names one model generates.</summary>
internal sealed record SpecHints(string Path, EquatableArray<string> HintNames);

/// <summary>A model left out because another model already generates <see cref="HintName"/>.</summary>
internal sealed record HintConflict(string Path, string HintName, string Owner);

/// <summary>
/// Two models that generate into one namespace would define the same types. Models are taken in ordinal path
/// order; a model whose hint names meet those of an earlier, accepted model is left out (CG0011).
/// </summary>
internal static class HintOwnership
{
    public static EquatableArray<HintConflict> Decide(ImmutableArray<SpecHints> specs)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<HintConflict>();
        foreach (var spec in specs.OrderBy(s => s.Path, StringComparer.Ordinal))
        {
            var clash = spec.HintNames.FirstOrDefault(owners.ContainsKey);
            if (clash is not null)
            {
                conflicts.Add(new HintConflict(spec.Path, clash, owners[clash]));
                continue;
            }

            foreach (var hint in spec.HintNames)
            {
                owners[hint] = spec.Path;
            }
        }

        return conflicts.ToEquatableArray();
    }
}

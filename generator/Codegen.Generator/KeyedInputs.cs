using System.Collections.Immutable;
using Codegen.Generator.Model;

namespace Codegen.Generator;

/// <summary>A model file with the key its companion files name (its full path, as the targets write it).</summary>
internal sealed record KeyedSpecInput(string Key, SpecInput Input)
{
    /// <summary>The input with the companions whose owner is this model, in a stable order (kind, then path).</summary>
    public SpecInput WithCompanionsFrom(ImmutableArray<KeyedCompanion> companions)
    {
        var own = new System.Collections.Generic.List<CompanionFile>();
        foreach (var companion in companions)
        {
            if (string.Equals(companion.Owner, Key, System.StringComparison.Ordinal) && Input.Options.Uses(companion.File.Kind))
            {
                own.Add(companion.File);
            }
        }

        own.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Path, b.Path));
        return own.Count == 0 ? Input : Input with { Companions = own.ToEquatableArray() };
    }
}

/// <summary>A companion file with the key of the model it belongs to.</summary>
internal sealed record KeyedCompanion(string Owner, CompanionFile File);

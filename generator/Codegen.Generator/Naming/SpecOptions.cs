using Codegen.Generator.Model;

namespace Codegen.Generator.Naming;

/// <summary>
/// Per-spec options from the MSBuild item's metadata: <c>Namespace</c>, <c>Operations</c> (a filter) and
/// <c>Accessibility</c> (public or internal).
/// </summary>
internal sealed record SpecOptions(string? Namespace, EquatableArray<string> Operations, bool IsPublic, string? InvalidAccessibility)
{
    public static readonly SpecOptions Default = new(null, EquatableArray<string>.Empty, true, null);

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

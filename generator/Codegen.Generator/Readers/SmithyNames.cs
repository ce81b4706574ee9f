using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Codegen.Generator.Readers;

/// <summary>
/// Gives every shape of a service closure its name in the model: the service's <c>rename</c> if it has one, else
/// the part of the shape id after <c>#</c>. When two shapes of different namespaces still share a name, one keeps
/// it — the first of: a shape the service renamed to it, a shape in the service's namespace, a shape of another
/// namespace, a prelude shape; ties by ordinal shape id — and each other one is prefixed with its namespace in
/// PascalCase (<c>aws.cloudformation#Tag</c> becomes <c>AwsCloudformationTag</c>), numbered 2, 3, ... if even that
/// is taken (docs/smithy.md).
/// </summary>
internal static class SmithyNames
{
    public readonly record struct Moved(SmithyShape Shape, string Wanted, string Name, SmithyShape Keeper);

    public static Dictionary<string, string> Assign(
        IReadOnlyList<SmithyShape> shapes,
        string serviceNamespace,
        IReadOnlyDictionary<string, string> rename,
        List<Moved> moved)
    {
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            wanted[shape.Id] = rename.TryGetValue(shape.Id, out var renamed) ? renamed : shape.ShortName;
        }

        var taken = new HashSet<string>(wanted.Values, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = shapes
            .GroupBy(s => wanted[s.Id], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var ordered = group
                .OrderBy(s => Rank(s, serviceNamespace, rename))
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList();
            var keeper = ordered[0];
            names[keeper.Id] = group.Key;
            for (var i = 1; i < ordered.Count; i++)
            {
                var shape = ordered[i];
                var candidate = Naming.Identifiers.ToPascalCase(shape.Namespace) + group.Key;
                var name = candidate;
                for (var n = 2; taken.Contains(name); n++)
                {
                    name = candidate + n.ToString(CultureInfo.InvariantCulture);
                }

                taken.Add(name);
                names[shape.Id] = name;
                moved.Add(new Moved(shape, group.Key, name, keeper));
            }
        }

        return names;
    }

    private static int Rank(SmithyShape shape, string serviceNamespace, IReadOnlyDictionary<string, string> rename)
    {
        if (rename.ContainsKey(shape.Id))
        {
            return 0;
        }

        if (shape.IsPrelude)
        {
            return 3;
        }

        return shape.Namespace == serviceNamespace ? 1 : 2;
    }
}

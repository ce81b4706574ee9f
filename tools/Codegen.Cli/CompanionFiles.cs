using System.Collections.Generic;
using System.IO;
using Codegen.Generator;
using Codegen.Generator.Model;

namespace Codegen.Cli;

/// <summary>The CLI's side of companion files: the same files the package's targets give the generator.</summary>
internal static class CompanionFiles
{
    /// <summary>
    /// <paramref name="input"/> with the companion files of its model: for each kind, <paramref name="chosen"/>'s value
    /// (a path, or <c>false</c> for none) or else the file beside the model when it exists.
    /// </summary>
    public static SpecInput With(SpecInput input, IReadOnlyDictionary<CompanionKind, string>? chosen = null)
    {
        var files = new List<CompanionFile>();
        foreach (var kind in CompanionKinds.All)
        {
            string path;
            if (chosen is not null && chosen.TryGetValue(kind, out var value))
            {
                if (value == "false")
                {
                    continue;
                }

                path = Path.GetFullPath(value);
                if (!File.Exists(path))
                {
                    throw new UsageException($"the {CompanionKinds.MetadataName(kind)} file '{value}' does not exist");
                }
            }
            else
            {
                path = CompanionKinds.SiblingPath(input.Path, kind);
                if (!File.Exists(path))
                {
                    continue;
                }
            }

            files.Add(new CompanionFile(kind, path, File.ReadAllText(path)));
        }

        return files.Count == 0 ? input : input with { Companions = files.ToEquatableArray() };
    }
}

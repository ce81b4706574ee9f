using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Codegen.Runtime.Lenses;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Cli;

/// <summary>
/// Compiles the generated code of several models (each in its own namespace) into one in-memory assembly and
/// loads it. The assembly references the runtime assembly this tool has loaded, so that the generated types
/// implement the very interfaces the runner casts to.
/// </summary>
internal static class ConformanceCompiler
{
    /// <summary>
    /// Compiles and loads <paramref name="groups"/>, setting each one's assembly; returns the groups whose code
    /// does not compile, with the compiler's errors. Those are left out and the rest compiled again.
    /// </summary>
    public static Dictionary<ModelGroup, string> CompileAndLoad(IReadOnlyList<ModelGroup> groups, string assemblyName)
    {
        var failures = new Dictionary<ModelGroup, string>();
        var remaining = groups.Where(g => g.Files.Count > 0).ToList();
        for (var attempt = 0; remaining.Count > 0 && attempt < 3; attempt++)
        {
            var trees = new List<SyntaxTree>();
            var owner = new Dictionary<SyntaxTree, ModelGroup>();
            foreach (var group in remaining)
            {
                foreach (var (hintName, source) in group.Files)
                {
                    var tree = CSharpSyntaxTree.ParseText(source, InMemoryCompiler.ParseOptions, path: group.Namespace + "/" + hintName);
                    trees.Add(tree);
                    owner[tree] = group;
                }
            }

            var compilation = CSharpCompilation.Create(
                assemblyName + "_" + attempt,
                trees,
                InMemoryCompiler.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: true));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (result.Success)
            {
                stream.Position = 0;
                var context = new AssemblyLoadContext(assemblyName, isCollectible: true);
                var assembly = context.LoadFromStream(stream);
                foreach (var group in remaining)
                {
                    group.Assembly = assembly;
                    group.Values = new ConformanceValues(group.Model!, assembly);
                }

                return failures;
            }

            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var broken = errors
                .Select(d => d.Location.SourceTree is { } tree && owner.TryGetValue(tree, out var group) ? group : null)
                .ToList();
            if (broken.Any(g => g is null))
            {
                // An error that belongs to no one group: every group fails with it.
                var message = Format(errors);
                foreach (var group in remaining)
                {
                    failures[group] = message;
                }

                return failures;
            }

            foreach (var group in broken.Distinct())
            {
                failures[group!] = Format(errors.Where(d => owner[d.Location.SourceTree!] == group));
            }

            remaining = remaining.Where(g => !failures.ContainsKey(g)).ToList();
        }

        foreach (var group in remaining)
        {
            failures[group] = "the generated code could not be compiled";
        }

        return failures;
    }

    private static string Format(IEnumerable<Diagnostic> errors)
    {
        var list = errors.ToList();
        return "the generated code does not compile:\n" + string.Join("\n", list.Take(20).Select(d => d.ToString()))
            + (list.Count > 20 ? $"\n... and {list.Count - 20} more errors" : "");
    }
}

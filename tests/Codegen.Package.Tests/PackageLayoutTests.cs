using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Codegen.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>What is inside the two packages and their nuspecs.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package, ITestOutputHelper output)
{
    [Fact]
    public void BothPackagesTakeTheVersionFromDirectoryBuildProps()
    {
        output.WriteLine($"packed {package.Version} in {package.PackTime.TotalSeconds:0.0} s{Environment.NewLine}{package.PackLog}");
        Assert.StartsWith(package.VersionPrefix + "-ci.", package.Version, StringComparison.Ordinal);
        Assert.Equal(package.Version, Metadata(package.CodegenPackage, "version"));
        Assert.Equal(package.Version, Metadata(package.RuntimePackage, "version"));
    }

    [Fact]
    public void CodegenHoldsTheGeneratorAsAnAnalyzerTheBuildFilesAndTheReadme()
    {
        var files = Entries(package.CodegenPackage);
        output.WriteLine(string.Join(Environment.NewLine, files));

        Assert.Equal(
            new[]
            {
                "README.md",
                "analyzers/dotnet/cs/Codegen.CodeFixes.dll",
                "analyzers/dotnet/cs/Codegen.Generator.dll",
                "build/Codegen.props",
                "build/Codegen.targets",
                "buildTransitive/Codegen.props",
                "buildTransitive/Codegen.targets",
                "lib/net8.0/_._",
                "tasks/netstandard2.0/Codegen.Build.dll",
            },
            files);

        // The transitive build files are the generator project's build/ files, byte for byte.
        foreach (var name in new[] { "Codegen.props", "Codegen.targets" })
        {
            Assert.Equal(
                File.ReadAllText(Path.Combine(package.RepositoryRoot, "generator", "Codegen.Generator", "build", name)),
                EntryText(package.CodegenPackage, "buildTransitive/" + name));
            Assert.Contains($@"..\buildTransitive\{name}", EntryText(package.CodegenPackage, "build/" + name), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheGeneratorTargetsNetStandardAndRoslyn48()
    {
        using var archive = ZipFile.OpenRead(package.CodegenPackage);
        using var stream = new MemoryStream();
        using (var entry = archive.GetEntry("analyzers/dotnet/cs/Codegen.Generator.dll")!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).ToDictionary(r => reader.GetString(r.Name), r => r.Version);
        Assert.True(references.ContainsKey("netstandard"), "references: " + string.Join(", ", references.Keys));
        Assert.True(references.TryGetValue("Microsoft.CodeAnalysis", out var roslyn), "the generator does not reference Microsoft.CodeAnalysis");
        Assert.True(roslyn <= new Version(4, 8, 0, 0), $"the generator references Roslyn {roslyn}; it must load in the .NET 8 SDK's compiler (4.8)");
    }

    [Fact]
    public void CodegenDependsOnTheRuntimeOfTheSameVersion()
    {
        var nuspec = Nuspec(package.CodegenPackage);
        Assert.Equal("Codegen", Metadata(nuspec, "id"));
        AssertCommonMetadata(nuspec);

        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        var group = Assert.Single(groups);
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        var dependency = Assert.Single(group.Elements(), e => e.Name.LocalName == "dependency");
        Assert.Equal("Codegen.Runtime", (string?)dependency.Attribute("id"));
        Assert.Equal(package.Version, (string?)dependency.Attribute("version"));

        // A development dependency would keep the runtime's compile assets from the consumer.
        Assert.NotEqual("true", Metadata(nuspec, "developmentDependency"));
    }

    [Fact]
    public void RuntimeIsANet8LibraryDependingOnlyOnCborHashingAndLoggingAbstractions()
    {
        var files = Entries(package.RuntimePackage);
        output.WriteLine(string.Join(Environment.NewLine, files));
        Assert.Equal(new[] { "README.md", "lib/net8.0/Codegen.Runtime.dll", "lib/net8.0/Codegen.Runtime.xml" }, files);

        var nuspec = Nuspec(package.RuntimePackage);
        Assert.Equal("Codegen.Runtime", Metadata(nuspec, "id"));
        AssertCommonMetadata(nuspec);

        // Three dependencies, at their pinned versions: Microsoft.Extensions.Logging.Abstractions (ILogger, for the
        // optional log events), System.Formats.Cbor (the CBOR reader and writer of rpcv2Cbor) and System.IO.Hashing
        // (the CRC checksums of streaming uploads and downloads).
        var group = Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == "group");
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        var pins = XDocument.Load(Path.Combine(package.RepositoryRoot, "Directory.Packages.props")).Descendants()
            .Where(e => e.Name.LocalName == "PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        Assert.Equal(
            new[]
            {
                ("Microsoft.Extensions.Logging.Abstractions", pins["Microsoft.Extensions.Logging.Abstractions"]),
                ("System.Formats.Cbor", pins["System.Formats.Cbor"]),
                ("System.IO.Hashing", pins["System.IO.Hashing"]),
            },
            PackageFixture.RuntimeDependencies(package.RuntimePackage).OrderBy(d => d.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void DependencyInjectionIsANet8LibraryOnTheRuntimeAndTheMicrosoftExtensionsAbstractions()
    {
        var files = Entries(package.DependencyInjectionPackage);
        output.WriteLine(string.Join(Environment.NewLine, files));
        Assert.Equal(
            new[] { "README.md", "lib/net8.0/Codegen.Extensions.DependencyInjection.dll", "lib/net8.0/Codegen.Extensions.DependencyInjection.xml" },
            files);

        var nuspec = Nuspec(package.DependencyInjectionPackage);
        Assert.Equal("Codegen.Extensions.DependencyInjection", Metadata(nuspec, "id"));
        Assert.Equal(package.Version, Metadata(nuspec, "version"));
        AssertCommonMetadata(nuspec);

        // The runtime of the same version, and the Microsoft.Extensions packages at their pinned (8.0-line) versions.
        var group = Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == "group");
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        Assert.Equal(
            new[]
            {
                ("Codegen.Runtime", package.Version),
                ("Microsoft.Extensions.Configuration.Abstractions", package.PinnedVersion("Microsoft.Extensions.Configuration.Abstractions")),
                ("Microsoft.Extensions.DependencyInjection.Abstractions", package.PinnedVersion("Microsoft.Extensions.DependencyInjection.Abstractions")),
                ("Microsoft.Extensions.Http", package.PinnedVersion("Microsoft.Extensions.Http")),
                ("Microsoft.Extensions.Options", package.PinnedVersion("Microsoft.Extensions.Options")),
            },
            PackageFixture.RuntimeDependencies(package.DependencyInjectionPackage).OrderBy(d => d.Id, StringComparer.Ordinal));
    }

    private static void AssertCommonMetadata(XDocument nuspec)
    {
        Assert.False(string.IsNullOrWhiteSpace(Metadata(nuspec, "description")));
        Assert.False(string.IsNullOrWhiteSpace(Metadata(nuspec, "tags")));
        Assert.Equal("README.md", Metadata(nuspec, "readme"));
        var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("Apache-2.0", license.Value);
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
    }

    /// <summary>The package's own files, without the OPC bookkeeping (nuspec, _rels, [Content_Types].xml, package/).</summary>
    private static string[] Entries(string nupkg)
    {
        using var archive = ZipFile.OpenRead(nupkg);
        return archive.Entries
            .Select(e => e.FullName)
            .Where(n => !n.EndsWith(".nuspec", StringComparison.Ordinal) && !n.StartsWith("_rels/", StringComparison.Ordinal) &&
                        !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
    }

    private static string EntryText(string nupkg, string name)
    {
        using var archive = ZipFile.OpenRead(nupkg);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static XDocument Nuspec(string nupkg)
    {
        using var archive = ZipFile.OpenRead(nupkg);
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/')).Open();
        return XDocument.Load(stream);
    }

    private static string? Metadata(string nupkg, string name) => Metadata(Nuspec(nupkg), name);

    private static string? Metadata(XDocument nuspec, string name) =>
        nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}

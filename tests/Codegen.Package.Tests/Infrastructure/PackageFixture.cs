using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml.Linq;
using Codegen.Testing;
using Xunit;
using Xunit.Sdk;

namespace Codegen.Package.Tests.Infrastructure;

/// <summary>All tests of this assembly share one pack (and run one after another: they build in one temp tree).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}

/// <summary>
/// Packs <c>Codegen</c>, <c>Codegen.Runtime</c> and <c>Codegen.Extensions.DependencyInjection</c> once, into a fresh folder that serves as the only package source of
/// the consumer projects.
/// <para>
/// Staleness: NuGet's global packages folder caches a package by id and version forever, so a consumer restoring a
/// version it saw before would get the old bits. Two guards: every run packs a version of its own
/// (<c>VersionPrefix</c> from Directory.Build.props plus the suffix <c>ci.&lt;UTC time&gt;.&lt;random&gt;</c>), and consumers
/// restore into a global packages folder inside this run's temp tree (deleted afterwards, so CI machines do not
/// collect a copy per run). The packed projects build into a private artifacts folder
/// (<c>--artifacts-path</c>): the repository's bin/obj are neither reused nor touched.
/// </para>
/// </summary>
public sealed class PackageFixture : IDisposable
{
    /// <summary>Set to 1 to keep the temp tree for a look after a failure.</summary>
    public const string KeepVariable = "CODEGEN_KEEP_PACKAGE_TEST_DIR";

    public PackageFixture()
    {
        RepositoryRoot = SharedData.RepositoryRoot;
        Root = Path.Combine(Path.GetTempPath(), "codegen-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);

        VersionPrefix = ReadVersionPrefix(RepositoryRoot);
        var suffix = "ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Random.Shared.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture);
        Version = VersionPrefix + "-" + suffix;

        var log = new StringBuilder();
        var artifacts = Path.Combine(Root, "artifacts");
        var stopwatch = Stopwatch.StartNew();
        // The runtime first: the Codegen pack then finds it built (same artifacts folder) and only adds the generator;
        // the DI package last (it builds on the runtime too).
        foreach (var project in new[]
        {
            "runtime/Codegen.Runtime/Codegen.Runtime.csproj",
            "generator/Codegen.Package/Codegen.Package.csproj",
            "runtime/Codegen.Extensions.DependencyInjection/Codegen.Extensions.DependencyInjection.csproj",
        })
        {
            var result = DotNet.RunChecked(RepositoryRoot, null,
                "pack", Path.Combine(RepositoryRoot, project), "-c", "Release", "-o", Feed, "--artifacts-path", artifacts,
                "-p:VersionSuffix=" + suffix, "-nologo", "--disable-build-servers", "-tl:off", "-v:minimal");
            log.AppendLine(result.ToString());
        }

        PackTime = stopwatch.Elapsed;
        PackLog = log.ToString();
        CodegenPackage = Path.Combine(Feed, $"Codegen.{Version}.nupkg");
        RuntimePackage = Path.Combine(Feed, $"Codegen.Runtime.{Version}.nupkg");
        DependencyInjectionPackage = Path.Combine(Feed, $"Codegen.Extensions.DependencyInjection.{Version}.nupkg");
        foreach (var package in new[] { CodegenPackage, RuntimePackage, DependencyInjectionPackage })
        {
            if (!File.Exists(package))
            {
                throw new XunitException($"expected {Path.GetFileName(package)} in {Feed}; found: {string.Join(", ", Directory.GetFiles(Feed).Select(Path.GetFileName))}{Environment.NewLine}{PackLog}");
            }
        }

        AddRuntimeDependenciesToFeed();
    }

    /// <summary>
    /// The packages' own package dependencies and theirs in turn (System.Formats.Cbor for rpcv2Cbor, System.IO.Hashing
    /// for checksums, Microsoft.Extensions.Logging.Abstractions for the log events and what it needs), copied into the feed
    /// from this machine's global packages folder, where the pack's restore put them: a user gets them from nuget.org,
    /// the consumers here from the feed, so they still restore from nothing but this run's packages. Each id is copied at
    /// the highest version any package asks for (the one restore resolves), following the dependency group a net8.0
    /// (and so a net10.0) consumer gets.
    /// </summary>
    private void AddRuntimeDependenciesToFeed()
    {
        var locals = DotNet.RunChecked(RepositoryRoot, null, "nuget", "locals", "global-packages", "--list");
        var cache = locals.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("global-packages:", StringComparison.Ordinal))["global-packages:".Length..].Trim();
        string Cached(string id, string version) =>
            Path.Combine(cache, id.ToLowerInvariant(), version.ToLowerInvariant(), id.ToLowerInvariant() + "." + version.ToLowerInvariant() + ".nupkg");

        var chosen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<(string Id, string Version)>(
            RuntimeDependencies(RuntimePackage).Concat(RuntimeDependencies(DependencyInjectionPackage)).Concat(ConsumerPackages()));
        while (pending.Count > 0)
        {
            var (id, version) = pending.Dequeue();
            if (id.StartsWith("Codegen", StringComparison.Ordinal))
            {
                continue; // this run's own packages are in the feed already
            }

            if (chosen.TryGetValue(id, out var known) && CompareVersions(known, version) >= 0)
            {
                continue;
            }

            chosen[id] = version;
            var cached = Cached(id, version);
            if (!File.Exists(cached))
            {
                throw new XunitException($"a packed package depends on {id} {version}, which is not in the global packages folder ({cached})");
            }

            foreach (var dependency in Net8Dependencies(cached))
            {
                pending.Enqueue(dependency);
            }
        }

        foreach (var (id, version) in chosen)
        {
            File.Copy(Cached(id, version), Path.Combine(Feed, id.ToLowerInvariant() + "." + version.ToLowerInvariant() + ".nupkg"));
        }

        FeedDependencies = chosen.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// What the DI consumer references besides this run's packages, at the versions Directory.Packages.props pins (the
    /// container and the in-memory configuration an application brings): restored for this repository's own DI tests,
    /// so they are in the global packages folder.
    /// </summary>
    private IEnumerable<(string Id, string Version)> ConsumerPackages()
    {
        var pins = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Packages.props")).Descendants()
            .Where(e => e.Name.LocalName == "PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        foreach (var id in ConsumerPackageIds)
        {
            yield return (id, pins[id]);
        }
    }

    /// <summary>The packages a DI consumer references besides Codegen and Codegen.Extensions.DependencyInjection.</summary>
    public static readonly string[] ConsumerPackageIds = { "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Configuration" };

    /// <summary>The version Directory.Packages.props pins for <paramref name="id"/>.</summary>
    public string PinnedVersion(string id) =>
        XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Packages.props")).Descendants()
            .Where(e => e.Name.LocalName == "PackageVersion" && (string?)e.Attribute("Include") == id)
            .Select(e => (string)e.Attribute("Version")!)
            .Single();

    /// <summary>The ids of the packages copied into the feed besides this run's own.</summary>
    public IReadOnlyList<string> FeedDependencies { get; private set; } = Array.Empty<string>();

    /// <summary>
    /// The dependencies of the group a net8.0 project gets: net8.0 itself, else the highest earlier netN.0, else
    /// .NETStandard 2.1 or 2.0, else a group for every framework.
    /// </summary>
    private static IReadOnlyList<(string Id, string Version)> Net8Dependencies(string nupkg)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(nupkg);
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/')).Open();
        var groups = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "group").ToList();
        static int Rank(string? framework)
        {
            if (framework is null)
            {
                return 1;
            }

            var match = System.Text.RegularExpressions.Regex.Match(framework, @"^net(\d+)\.0$");
            if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) <= 8)
            {
                return 100 + int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            return framework switch { ".NETStandard2.1" => 3, ".NETStandard2.0" => 2, _ => 0 };
        }

        var best = groups.Select(g => (Group: g, Rank: Rank((string?)g.Attribute("targetFramework")))).Where(g => g.Rank > 0).OrderByDescending(g => g.Rank).FirstOrDefault();
        return best.Group is null
            ? Array.Empty<(string, string)>()
            : best.Group.Elements().Where(e => e.Name.LocalName == "dependency")
                .Select(e => ((string)e.Attribute("id")!, ((string)e.Attribute("version")!).Trim('[', ']', '(', ')').Split(',')[0]))
                .ToList();
    }

    private static int CompareVersions(string left, string right) =>
        System.Version.TryParse(left.Split('-')[0], out var l) && System.Version.TryParse(right.Split('-')[0], out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);

    /// <summary>The package dependencies (id, version) of a nupkg's nuspec, every target framework together.</summary>
    public static IReadOnlyList<(string Id, string Version)> RuntimeDependencies(string nupkg)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(nupkg);
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/')).Open();
        return XDocument.Load(stream).Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!))
            .Distinct()
            .ToList();
    }

    /// <summary>The folder holding Codegen.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary>This run's temp tree: feed, artifacts, packages and consumers.</summary>
    public string Root { get; }

    /// <summary>The folder the packages are packed into: the consumers' only package source.</summary>
    public string Feed { get; }

    /// <summary>The consumers' global packages folder (NUGET_PACKAGES), private to this run.</summary>
    public string PackagesFolder { get; }

    /// <summary>VersionPrefix from Directory.Build.props.</summary>
    public string VersionPrefix { get; }

    /// <summary>The version of both packages in this run.</summary>
    public string Version { get; }

    public string CodegenPackage { get; }

    public string RuntimePackage { get; }

    public string DependencyInjectionPackage { get; }

    public TimeSpan PackTime { get; }

    public string PackLog { get; }

    private int consumers;

    /// <summary>A new, empty consumer folder under this run's temp tree.</summary>
    public string NewConsumerDirectory(string name)
    {
        var directory = Path.Combine(Root, "consumers", $"{Interlocked.Increment(ref consumers):00}-{name}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The environment consumer commands run with: restores go to this run's packages folder only.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) == "1")
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }

                return;
            }
            catch (Exception e) when ((e is IOException || e is UnauthorizedAccessException) && attempt < 5)
            {
                Thread.Sleep(500);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return; // a temp folder left behind must not fail the run
            }
        }
    }

    private static string ReadVersionPrefix(string repositoryRoot)
    {
        var props = XDocument.Load(Path.Combine(repositoryRoot, "Directory.Build.props"));
        var prefix = props.Descendants("VersionPrefix").Select(e => e.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(prefix) ? throw new XunitException("Directory.Build.props has no VersionPrefix") : prefix;
    }
}

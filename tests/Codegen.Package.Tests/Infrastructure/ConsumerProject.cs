using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using Xunit.Abstractions;

namespace Codegen.Package.Tests.Infrastructure;

/// <summary>
/// A fresh console project outside the repository that uses Codegen the way a user does: one PackageReference, its
/// models as <c>AwsModel</c> items. Its own (empty) Directory.Build.props/.targets and Directory.Packages.props
/// stop MSBuild from looking further up; its nuget.config clears every source and adds only the test feed, so the
/// project must need nothing else (net10.0 targeting and app host packs come with the SDK).
/// </summary>
internal sealed class ConsumerProject
{
    public const string ProjectName = "Consumer";
    public const string TargetFramework = "net10.0";

    private readonly PackageFixture package;
    private readonly ITestOutputHelper output;

    public ConsumerProject(PackageFixture package, ITestOutputHelper output, string name)
    {
        this.package = package;
        this.output = output;
        Directory = package.NewConsumerDirectory(name);
        if (Directory.StartsWith(package.RepositoryRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("consumers must live outside the repository: " + Directory);
        }

        Write("Directory.Build.props", "<Project>\n  <!-- Stops MSBuild from importing a Directory.Build.props further up. -->\n</Project>\n");
        Write("Directory.Build.targets", "<Project>\n  <!-- Stops MSBuild from importing a Directory.Build.targets further up. -->\n</Project>\n");
        Write("Directory.Packages.props", "<Project>\n  <!-- Stops NuGet from importing a Directory.Packages.props further up: versions are in the project. -->\n</Project>\n");
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="codegen-test-feed" value="{SecurityElement.Escape(package.Feed)}" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(package.PackagesFolder)}" />
              </config>
            </configuration>

            """);
    }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>Where EmitCompilerGeneratedFiles puts this generator's files (Debug build).</summary>
    public string GeneratedDirectory => Path.Combine(Directory, "obj", "Debug", TargetFramework, "generated", "Codegen.Generator", "Codegen.Generator.AwsModelGenerator");

    /// <summary>The root of all compiler-generated files (Debug build).</summary>
    public string AllGeneratedDirectory => Path.Combine(Directory, "obj", "Debug", TargetFramework, "generated");

    /// <summary>The build output folder (Debug build).</summary>
    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", TargetFramework);

    /// <summary>Writes the project file: a console app referencing this run's Codegen version.</summary>
    /// <param name="items">Inner XML of an ItemGroup (AwsModel items, AdditionalFiles).</param>
    /// <param name="properties">Inner XML added to the PropertyGroup.</param>
    public void WriteProject(string items, string properties = "")
    {
        Write(ProjectName + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Codegen" Version="{package.Version}" />
              </ItemGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>

            """);
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary><c>dotnet build</c> (restoring on the first call); fails the test on an error.</summary>
    public CommandResult Build(string step) =>
        Log(step, DotNet.RunChecked(Directory, package.ConsumerEnvironment, "build", "-nologo", "--disable-build-servers", "-tl:off", "-v:minimal"));

    /// <summary><c>dotnet build</c> that may fail: the caller checks the exit code and the output.</summary>
    public CommandResult TryBuild(string step) =>
        Log(step, DotNet.Run(Directory, package.ConsumerEnvironment, "build", "-nologo", "--disable-build-servers", "-tl:off", "-v:minimal"));

    /// <summary><c>dotnet run --no-build</c>; returns what the program printed.</summary>
    public string Run(string step) =>
        Log(step, DotNet.RunChecked(Directory, package.ConsumerEnvironment, "run", "--no-build")).Output;

    private CommandResult Log(string step, CommandResult result)
    {
        output.WriteLine($"[{step}] {result}");
        return result;
    }

    /// <summary>The text of a file the restore wrote under obj/.</summary>
    public string ReadObj(string fileName) => File.ReadAllText(Path.Combine(Directory, "obj", fileName));

    /// <summary>Every file under a folder, by path relative to it with '/' separators.</summary>
    public static SortedDictionary<string, string> ReadTree(string root)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(root))
        {
            return files;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllText(path);
        }

        return files;
    }

    public static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

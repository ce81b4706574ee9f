using System;
using System.Linq;
using Codegen.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>
/// The package's targets bring a model's companion files to the generator: botocore's names beside a
/// <c>service-2.json</c>, <c>{model}.{name}</c> beside any other model, a file the item names, none with
/// <c>EndpointRules="false"</c>, and an error (CG0012) for a named file that does not exist.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CompanionFilesConsumerTests(PackageFixture package, ITestOutputHelper output)
{
    [Fact]
    public void CompanionFilesAreFoundBesideTheModelOrWhereTheItemSays()
    {
        var consumer = new ConsumerProject(package, output, "companions");
        consumer.Write("models/archive/service-2.json", Specs.TinyJsonService("Archive"));
        consumer.Write("models/archive/endpoint-rule-set-1.json", RuleSet("archive"));
        consumer.Write("models/notes.json", Specs.TinyJsonService("Tiny Notes"));
        consumer.Write("models/notes.endpoint-rule-set-1.json", RuleSet("notes"));
        // A file botocore would name, but beside a model that is not a service-2.json: not this model's.
        consumer.Write("models/endpoint-rule-set-1.json", RuleSet("wrong"));
        consumer.Write("models/ledger.json", Specs.TinyJsonService("Ledger"));
        consumer.Write("rules/ledger-rules.json", RuleSet("ledger"));
        consumer.Write("models/quiet.json", Specs.TinyJsonService("Quiet"));
        consumer.Write("models/quiet.endpoint-rule-set-1.json", RuleSet("quiet"));
        consumer.Write("models/bare.json", Specs.TinyJsonService("Bare"));
        consumer.WriteProject(items: """
            <AwsModel Include="models/archive/service-2.json" />
                <AwsModel Include="models/notes.json" />
                <AwsModel Include="models/ledger.json" EndpointRules="rules/ledger-rules.json" />
                <AwsModel Include="models/quiet.json" EndpointRules="false" />
                <AwsModel Include="models/bare.json" />
            """);
        consumer.Write("Program.cs", """
            Console.WriteLine(Aws.Archive.ArchiveEndpointResolver.Resolve(new() { Region = "eu-west-1" }).Url);
            Console.WriteLine(Aws.TinyNotes.TinyNotesEndpointResolver.Resolve(new() { Region = "eu-west-1" }).Url);
            Console.WriteLine(Aws.Ledger.LedgerEndpointResolver.Resolve(new() { Region = "eu-west-1" }).Url);
            var types = typeof(Aws.Quiet.QuietClient).Assembly.GetTypes().Select(t => t.FullName).ToHashSet();
            Console.WriteLine("quiet resolver: " + types.Contains("Aws.Quiet.QuietEndpointResolver"));
            Console.WriteLine("bare resolver: " + types.Contains("Aws.Bare.BareEndpointResolver"));

            """);

        consumer.Build("build");
        var printed = ConsumerProject.Lines(consumer.Run("run"));

        Assert.Equal("https://archive.eu-west-1.example.com", printed[0]);
        Assert.Equal("https://notes.eu-west-1.example.com", printed[1]);
        Assert.Equal("https://ledger.eu-west-1.example.com", printed[2]);
        Assert.Equal("quiet resolver: False", printed[3]);
        Assert.Equal("bare resolver: False", printed[4]);
    }

    [Fact]
    public void ANamedCompanionThatDoesNotExistFailsTheBuild()
    {
        var consumer = new ConsumerProject(package, output, "companion-missing");
        consumer.Write("models/notes.json", Specs.TinyJsonService("Tiny Notes"));
        consumer.WriteProject(items: """<AwsModel Include="models/notes.json" Paginators="models/no-such-file.json" />""");
        consumer.Write("Program.cs", "Console.WriteLine(new Aws.TinyNotes.PutNote(\"x\"));\n");

        var result = consumer.TryBuild("build");

        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(ConsumerProject.Lines(result.Output).Where(l => l.Contains("error CG0012", StringComparison.Ordinal)).Distinct());
        Assert.Contains("Paginators metadata names 'models/no-such-file.json', which does not exist", error, StringComparison.Ordinal);
    }

    private static string RuleSet(string host) => $$"""
        {
          "version": "1.0",
          "parameters": { "Region": { "type": "string", "builtIn": "AWS::Region", "required": true } },
          "rules": [ { "conditions": [], "endpoint": { "url": "https://{{host}}.{Region}.example.com" }, "type": "endpoint" } ]
        }
        """;
}

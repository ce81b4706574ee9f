using System;
using System.IO;
using System.Linq;
using Codegen.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>
/// One consumer, two services: the seed spec with Namespace and Accessibility set, a tiny awsJson service with the
/// default namespace, and a JSON AdditionalFile that is a valid model but not an AwsModel (ignored).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TwoServicesConsumerTests(PackageFixture package, ITestOutputHelper output)
{
    [Fact]
    public void EachModelGetsItsOwnNamespaceAndAccessibilityAndPlainAdditionalFilesAreIgnored()
    {
        var consumer = new ConsumerProject(package, output, "two-services");
        consumer.Write("models/cognito-idp.json", File.ReadAllText(Specs.SeedPath(package)));
        consumer.Write("models/notes.json", Specs.TinyJsonService("Tiny Notes"));
        consumer.Write("models/not-a-model.json", Specs.TinyJsonService("Ignored Service"));
        consumer.WriteProject(items: """
            <AwsModel Include="models/cognito-idp.json" Namespace="Consumer.Cognito" Accessibility="internal" />
                <AwsModel Include="models/notes.json" />
                <AdditionalFiles Include="models/not-a-model.json" />
            """);
        consumer.Write("Program.cs", """
            using System.Reflection;

            var cognito = new Consumer.Cognito.VerifySoftwareToken("123456").WithFriendlyDeviceName("Desk");
            var note = new Aws.TinyNotes.PutNote("Groceries").WithBody("milk");
            Console.WriteLine(cognito);
            Console.WriteLine(note);
            Console.WriteLine("cognito public: " + typeof(Consumer.Cognito.VerifySoftwareToken).IsPublic);
            Console.WriteLine("notes public: " + typeof(Aws.TinyNotes.PutNote).IsPublic);
            var namespaces = Assembly.GetExecutingAssembly().GetTypes()
                .Select(t => t.Namespace ?? "")
                .Where(n => n.StartsWith("Aws.", StringComparison.Ordinal) || n.StartsWith("Consumer.", StringComparison.Ordinal))
                .Distinct()
                .Order(StringComparer.Ordinal);
            Console.WriteLine("namespaces: " + string.Join(",", namespaces));

            """);

        consumer.Build("build");
        var printed = ConsumerProject.Lines(consumer.Run("run"));

        Assert.StartsWith("VerifySoftwareToken {", printed[0], StringComparison.Ordinal);
        Assert.Contains("FriendlyDeviceName = \"Desk\"", printed[0], StringComparison.Ordinal);
        Assert.StartsWith("PutNote {", printed[1], StringComparison.Ordinal);
        Assert.Contains("Body = \"milk\"", printed[1], StringComparison.Ordinal);
        Assert.Equal("cognito public: False", printed[2]);
        Assert.Equal("notes public: True", printed[3]);

        var namespaces = printed[4]["namespaces: ".Length..].Split(',');
        Assert.Contains("Consumer.Cognito", namespaces);
        Assert.Contains("Aws.TinyNotes", namespaces);
        Assert.DoesNotContain(namespaces, n => n.StartsWith("Aws.CognitoIdentityProvider", StringComparison.Ordinal)); // Namespace overrides the default
        Assert.DoesNotContain(namespaces, n => n.StartsWith("Aws.IgnoredService", StringComparison.Ordinal));         // not an AwsModel

        // Without EmitCompilerGeneratedFiles the generated sources exist only in the compilation, never on disk.
        Assert.False(Directory.Exists(consumer.AllGeneratedDirectory), "generated files were written without EmitCompilerGeneratedFiles");
    }
}

using System;
using System.IO;
using System.Threading.Tasks;
using Codegen.Package.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>The full Cognito user pools model (shared data) with an Operations filter.</summary>
[Collection(PackageCollection.Name)]
public sealed class OperationFilterTests(PackageFixture package, ITestOutputHelper output)
{
    private const string Operations = "VerifySoftwareToken;AssociateSoftwareToken";

    [SkippableFact]
    public async Task OnlyTheListedOperationsAreGenerated()
    {
        var model = SharedData.RequirePath("models", "botocore", "cognito-idp", "2016-04-18", "service-2.json");

        var consumer = new ConsumerProject(package, output, "operation-filter");
        consumer.WriteProject(
            items: $"""<AwsModel Include="{System.Security.SecurityElement.Escape(model)}" Operations="{Operations}" />""",
            properties: "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>");
        consumer.Write("Program.cs", """
            using Aws.CognitoIdentityProvider;

            Console.WriteLine(new AssociateSoftwareToken().WithSession("a-session-string-of-twenty-chars"));
            Console.WriteLine(new VerifySoftwareToken("123456"));
            foreach (var name in new[] { "AssociateSoftwareToken", "VerifySoftwareToken", "CreateUserPool", "InitiateAuth" })
            {
                var type = typeof(VerifySoftwareToken).Assembly.GetType("Aws.CognitoIdentityProvider." + name);
                Console.WriteLine(name + ": " + (type is null ? "absent" : "present"));
            }

            """);

        consumer.Build("build");
        var printed = ConsumerProject.Lines(consumer.Run("run"));

        Assert.StartsWith("AssociateSoftwareToken {", printed[0], StringComparison.Ordinal);
        Assert.StartsWith("VerifySoftwareToken {", printed[1], StringComparison.Ordinal);
        Assert.Equal("AssociateSoftwareToken: present", printed[2]);
        Assert.Equal("VerifySoftwareToken: present", printed[3]);
        Assert.Equal("CreateUserPool: absent", printed[4]);
        Assert.Equal("InitiateAuth: absent", printed[5]);

        var files = ConsumerProject.ReadTree(consumer.GeneratedDirectory);
        Assert.Contains("Aws.CognitoIdentityProvider/AssociateSoftwareToken.g.cs", files.Keys);
        Assert.DoesNotContain("Aws.CognitoIdentityProvider/CreateUserPool.g.cs", files.Keys);
        Generated.AssertSame(await Generated.ByCliAsync(package.Root, model, "--operations", Operations), files, "generated/ with an Operations filter");
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>
/// A consumer of the package with the seed spec: it builds and runs, the files EmitCompilerGeneratedFiles writes are
/// those of <c>codegen generate</c>, and after an edit of the model the new member exists and no stale file is left.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SeedConsumerTests(PackageFixture package, ITestOutputHelper output)
{
    private const string ModelPath = "models/cognito-idp.json";

    [Fact]
    public async Task BuildsRunsAndRegeneratesWithoutStaleFiles()
    {
        var consumer = new ConsumerProject(package, output, "seed");
        var model = Specs.Seed(package);
        var spec = consumer.Write(ModelPath, Specs.Text(model));
        consumer.WriteProject(
            items: $"""<AwsModel Include="{ModelPath}" />""",
            properties: "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>");
        consumer.Write("Program.cs", """
            using Aws.CognitoIdentityProvider;

            var request = new VerifySoftwareToken("123456").WithAccessToken("secret-access-token");
            Console.WriteLine(request);
            Console.WriteLine(request.WithFriendlyDeviceName("Alice's phone"));

            """);

        // 1. Restore from the test feed only, build, run.
        consumer.Build("first build");
        var printed = ConsumerProject.Lines(consumer.Run("first run"));
        Assert.Equal(2, printed.Count);
        Assert.StartsWith("VerifySoftwareToken {", printed[0], StringComparison.Ordinal);
        Assert.Contains("UserCode = ***", printed[0], StringComparison.Ordinal);
        Assert.Contains("AccessToken = ***", printed[0], StringComparison.Ordinal);
        Assert.DoesNotContain("secret-access-token", printed[0], StringComparison.Ordinal);
        Assert.Contains("FriendlyDeviceName = \"Alice's phone\"", printed[1], StringComparison.Ordinal);

        // The direct reference uses buildTransitive/ (modern NuGet reads it for direct references too; build/ is
        // for older clients), the generator is an analyzer and never a reference, the runtime is.
        var props = consumer.ReadObj(ConsumerProject.ProjectName + ".csproj.nuget.g.props");
        var targets = consumer.ReadObj(ConsumerProject.ProjectName + ".csproj.nuget.g.targets");
        Assert.Contains("buildTransitive/Codegen.props", props, StringComparison.Ordinal);
        Assert.Contains("buildTransitive/Codegen.targets", targets, StringComparison.Ordinal);
        Assert.DoesNotContain("/build/Codegen.", props + targets, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(consumer.OutputDirectory, "Codegen.Runtime.dll")), "Codegen.Runtime.dll is not in the output");
        Assert.False(File.Exists(Path.Combine(consumer.OutputDirectory, "Codegen.Generator.dll")), "the generator was copied to the output like a library");

        // 2. The emitted files are what the CLI writes for the same spec: same relative paths, same text.
        var firstSet = ConsumerProject.ReadTree(consumer.GeneratedDirectory);
        Generated.AssertSame(await Generated.ByCliAsync(package.Root, spec), firstSet, "generated/ after the first build");
        Assert.Contains("Aws.CognitoIdentityProvider/VerifySoftwareToken.g.cs", firstSet.Keys);
        Assert.Contains("Aws.CognitoIdentityProvider/ForbiddenException.g.cs", firstSet.Keys);
        Assert.Contains("Aws.CognitoIdentityProvider/Serialization/ForbiddenExceptionJsonCodec.g.cs", firstSet.Keys);

        // 3. Edit the model: a new member on the request, an error shape removed. The program now calls WithNickname,
        //    so it only compiles if the generator re-ran.
        Specs.AddMember(model, "VerifySoftwareTokenRequest", "Nickname", "StringType");
        Specs.RemoveError(model, "ForbiddenException");
        consumer.Write(ModelPath, Specs.Text(model));
        consumer.Write("Program.cs", """
            using Aws.CognitoIdentityProvider;

            var request = new VerifySoftwareToken("123456").WithFriendlyDeviceName("Alice's phone").WithNickname("Ally");
            Console.WriteLine(request);
            Console.WriteLine(typeof(VerifySoftwareToken).Assembly.GetType("Aws.CognitoIdentityProvider.ForbiddenException") is null ? "ForbiddenException: gone" : "ForbiddenException: still there");

            """);
        consumer.Build("build after the edit");
        printed = ConsumerProject.Lines(consumer.Run("run after the edit"));
        Assert.Contains("Nickname = \"Ally\"", printed[0], StringComparison.Ordinal);
        Assert.Equal("ForbiddenException: gone", printed[1]);

        // Nothing stale: the folder holds exactly the files of the edited spec, ForbiddenException's are gone.
        var secondSet = ConsumerProject.ReadTree(consumer.GeneratedDirectory);
        Generated.AssertSame(await Generated.ByCliAsync(package.Root, spec), secondSet, "generated/ after the edit");
        Assert.DoesNotContain("Aws.CognitoIdentityProvider/ForbiddenException.g.cs", secondSet.Keys);
        Assert.DoesNotContain("Aws.CognitoIdentityProvider/Serialization/ForbiddenExceptionJsonCodec.g.cs", secondSet.Keys);
        Assert.Contains("WithNickname", secondSet["Aws.CognitoIdentityProvider/VerifySoftwareToken.g.cs"], StringComparison.Ordinal);

        // 4. An up-to-date build (nothing changed) keeps the files: the clean-up runs only when the compiler does.
        consumer.Build("up-to-date build");
        Generated.AssertSame(secondSet, ConsumerProject.ReadTree(consumer.GeneratedDirectory), "generated/ after an up-to-date build");
    }
}

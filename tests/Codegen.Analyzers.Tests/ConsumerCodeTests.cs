using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Analyzers.Tests.Infrastructure;
using Codegen.Generator.Analyzers;
using Codegen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.Analyzers.Tests;

/// <summary>
/// Every analyzer over the repository's own consumer code (the sample, in its endpoint mode, and the consumer tests),
/// compiled in memory with the same models and item metadata as their projects: no false positive, and the sample's
/// IAM policy is the one the README shows.
/// </summary>
public sealed class ConsumerCodeTests(ITestOutputHelper output)
{
    /// <summary>The IAM policy of the sample's endpoint mode, as README.md shows it.</summary>
    public const string SampleEndpointPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "cognito-idp:AdminCreateUser",
                "cognito-idp:AdminSetUserPassword",
                "cognito-idp:AssociateSoftwareToken",
                "cognito-idp:CreateUserPool",
                "cognito-idp:CreateUserPoolClient",
                "cognito-idp:GetUser",
                "cognito-idp:InitiateAuth",
                "cognito-idp:VerifySoftwareToken"
              ],
              "Resource": "*"
            }
          ]
        }

        """;

    private static readonly DiagnosticAnalyzer[] Analyzers =
    {
        new ConstraintAnalyzer(), new SensitiveDataAnalyzer(), new UnreachableCatchAnalyzer(), new IamPolicyAnalyzer(),
    };

    private static readonly Dictionary<string, string> PolicyOutput = new() { ["AwsIamPolicyOutput"] = "obj/iam-policy.json" };

    [SkippableFact]
    public async Task TheSampleInItsEndpointModeHasNoFindingAndThePolicyOfItsEightOperations()
    {
        var cognito = TestModel.FromFile("/models/cognito-idp.json", SharedData.RequirePath("models", "botocore", "cognito-idp", "2016-04-18", "service-2.json"),
            "Sample.CognitoIdentityProvider",
            "CreateUserPool;CreateUserPoolClient;AdminCreateUser;AdminSetUserPassword;InitiateAuth;AssociateSoftwareToken;VerifySoftwareToken;GetUser");
        var models = new[] { TestModel.Seed, cognito };
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithPreprocessorSymbols("CODEGEN_SHARED_MODELS");
        var diagnostics = await Policies.Analyze(
            Sources("samples/VerifySoftwareToken.Sample", parse), models,
            models.Select(m => m.GeneratedAssembly).Append(Reference(typeof(OtpNet.Totp))),
            PolicyOutput, OutputKind.ConsoleApplication, Analyzers);
        Log(diagnostics);

        var policy = Assert.Single(diagnostics);
        Assert.Equal(AnalyzerDescriptors.IamActions.Id, policy.Id);
        Assert.Equal(SampleEndpointPolicy.Replace("\r\n", "\n"), policy.Properties[AnalyzerDescriptors.PolicyProperty]);
        Assert.Contains(SampleEndpointPolicy.Replace("\r\n", "\n").TrimEnd('\n'), File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md")).Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task TheConsumerTestsHaveNoFindingBeyondTheConstantsTheyBreakOnPurpose()
    {
        var library = TestModel.FromFile("/models/library.json", Path.Combine(SharedData.RepositoryRoot, "tests", "Codegen.Consumer.Tests", "specs", "library.json"), "Codegen.Consumer.Tests.Library");
        var corrections = TestModel.FromFile("/models/corrections.smithy.json", Path.Combine(SharedData.RepositoryRoot, "tests", "Codegen.Consumer.Tests", "specs", "corrections.smithy.json"), "Codegen.Consumer.Tests.Corrections");
        // As the consumer tests' project lists it: the library model in CBOR, chosen by the item's Protocol metadata.
        var libraryCbor = TestModel.FromFile("/models/library-cbor.json", Path.Combine(SharedData.RepositoryRoot, "tests", "Codegen.Consumer.Tests", "specs", "library-cbor.json"), "Codegen.Consumer.Tests.LibraryCbor") with { Protocol = "rpcv2Cbor" };
        var libraryQuery = TestModel.FromFile("/models/library-query.json", Path.Combine(SharedData.RepositoryRoot, "tests", "Codegen.Consumer.Tests", "specs", "library-query.json"), "Codegen.Consumer.Tests.LibraryQuery");
        var nested = TestModel.FromFile("/models/nested.json", Path.Combine(SharedData.RepositoryRoot, "tests", "Codegen.Consumer.Tests", "specs", "nested.json"), "Codegen.Consumer.Tests.Nested");
        var models = new[] { TestModel.Seed, library, nested, corrections, libraryCbor, libraryQuery };
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var diagnostics = await Policies.Analyze(
            Sources("tests/Codegen.Consumer.Tests", parse), models,
            models.Select(m => m.GeneratedAssembly).Concat(new[] { typeof(Assert), typeof(FactAttribute), typeof(SkippableFactAttribute), typeof(SharedData), typeof(CsCheck.Gen) }.Select(Reference)),
            new Dictionary<string, string>(), OutputKind.DynamicallyLinkedLibrary, Analyzers);
        Log(diagnostics);

        // Each is a true positive in a test of runtime behaviour, suppressed there with its reason.
        Assert.All(diagnostics, d => Assert.True(d.IsSuppressed, "not suppressed: " + d));
        Assert.Equal(
            new[]
            {
                "SeedOperationTests.cs CG1001 UserCode: length 1, minimum 6",
                "SeedOperationTests.cs CG1001 UserCode: length 8, maximum 6",
                "SeedOperationTests.cs CG1003 UserCode: required member is missing",
                "SeedOperationTests.cs CG1003 UserCode: required member is missing",
                "SeedOperationTests.cs CG1004 \"PENDING\" is not a value of VerifySoftwareTokenResponseType in the model; it lists SUCCESS, ERROR",
                "SeedOperationTests.cs CG1004 \"PENDING\" is not a value of VerifySoftwareTokenResponseType in the model; it lists SUCCESS, ERROR",
                "ValidationTests.cs CG1001 Session: length 16, minimum 20",
                "ValidationTests.cs CG1001 UserCode: length 0, minimum 6",
                "ValidationTests.cs CG1001 UserCode: length 5, minimum 6",
                "ValidationTests.cs CG1002 AccessToken: does not match the pattern [A-Za-z0-9-_=.]+",
                "ValidationTests.cs CG1002 UserCode: does not match the pattern [0-9]+",
                "ValidationTests.cs CG1002 UserCode: does not match the pattern [0-9]+",
                "ValidationTests.cs CG1003 Name: required member is missing",
                "ValidationTests.cs CG1003 Title: required member is missing",
                "ValidationTests.cs CG1003 UserCode: required member is missing",
            },
            diagnostics.Select(d => $"{Path.GetFileName(d.Location.SourceTree!.FilePath)} {d.Id} {d.GetMessage()}").OrderBy(s => s, StringComparer.Ordinal));
    }

    private static IEnumerable<SyntaxTree> Sources(string folder, CSharpParseOptions options) =>
        Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, folder), "*.cs")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, path: f));

    private static MetadataReference Reference(Type type) => MetadataReference.CreateFromFile(type.Assembly.Location);

    private void Log(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic + (diagnostic.IsSuppressed ? " (suppressed)" : ""));
        }
    }
}

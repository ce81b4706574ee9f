using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Codegen.Cli.Endpoints;
using Codegen.Testing;
using Xunit;

namespace Codegen.Endpoints.Tests;

/// <summary>
/// botocore's endpoint rule tests (shared data) through the compiled resolvers of a subset of services: every case
/// must pass (URL, headers and properties by JSON meaning, errors by message). The whole set of 429 services is the
/// CLI's <c>endpoints</c> verb (docs/endpoints.md); both run the same engine.
/// </summary>
public sealed class RuleTestSubsetTests : IClassFixture<RuleTestSubsetTests.Results>
{
    /// <summary>The services checked on every test run: the brief's list plus rule sets with unusual features.</summary>
    public static readonly string[] Services =
    {
        "s3", "s3control", "sts", "dynamodb", "lambda", "cognito-idp", "ec2", "iam", "route53", "sso",
        // ARNs, account-id endpoints, stream ARNs, custom suffixes, endpoint ids, operation context parameters.
        "kinesis", "events", "sesv2", "s3outposts", "s3tables", "cloudfront-keyvaluestore", "bedrock-runtime",
        "kms", "sqs", "cloudfront", "glacier", "sns", "eks", "logs", "neptune-graph", "acm",
    };

    /// <summary>Smithy models whose rule set and tests come from the model's traits.</summary>
    public static readonly string[] SmithyModels = { "s3", "dynamodb", "sts", "cognito-identity-provider", "application-signals" };

    private readonly Results _results;

    public RuleTestSubsetTests(Results results) => _results = results;

    public static IEnumerable<object[]> ServiceNames => Services.Select(s => new object[] { s });

    public static IEnumerable<object[]> SmithyNames => SmithyModels.Select(s => new object[] { "smithy/" + s });

    [SkippableTheory]
    [MemberData(nameof(ServiceNames))]
    public void Every_case_of_the_service_passes(string service) => AssertPasses(service, expectSkips: false);

    [SkippableTheory]
    [MemberData(nameof(SmithyNames))]
    public void Every_case_of_the_Smithy_model_passes_or_is_a_documented_skip(string model) => AssertPasses(model, expectSkips: true);

    private void AssertPasses(string name, bool expectSkips)
    {
        var result = _results.Get(name);
        Assert.Null(result.BuildError);
        Assert.True(result.Suite.Cases.Count > 0, "the suite has no cases");
        Assert.True(result.Failures.Count == 0, $"{result.Failures.Count} of {result.Suite.Cases.Count} cases failed:\n" + string.Join("\n", result.Failures.Take(20)));
        Assert.Equal(result.Suite.Cases.Count, result.Passed + result.Skipped);
        if (!expectSkips)
        {
            Assert.Empty(result.Skips);
        }
    }

    /// <summary>Compiles and runs all the suites once for the class.</summary>
    public sealed class Results
    {
        private readonly Lazy<Dictionary<string, EndpointSuiteResult>> _results = new(Run);

        internal EndpointSuiteResult Get(string name)
        {
            SharedData.RequireRoot();
            return _results.Value.TryGetValue(name, out var result)
                ? result
                : throw new InvalidOperationException($"no endpoint rule set found for '{name}' in the shared data");
        }

        private static Dictionary<string, EndpointSuiteResult> Run()
        {
            var root = SharedData.RequireRoot();
            var botocore = EndpointSuite.FromBotocore(Path.Combine(root, "models", "botocore"), Path.Combine(root, "conformance", "endpoint-rules"))
                .Where(s => Services.Contains(s.Name));
            var smithy = SmithyModels.Select(m => EndpointSuite.FromSmithy(Path.Combine(root, "models", "smithy"), m + ".json").Single());
            return EndpointConformance.Run(botocore.Concat(smithy).ToList()).ToDictionary(r => r.Suite.Name, StringComparer.Ordinal);
        }
    }
}

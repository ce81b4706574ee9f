#if !CODEGEN_SHARED_MODELS
using System;
using System.IO;
using Codegen.Testing;
using Xunit;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// What the end-to-end tests compile to when the build did not find the full Cognito, Lambda, API Gateway,
/// Greengrass V2, PartnerCentral Revenue Measurement, DynamoDB and MediaStore Data models in the shared data
/// (<c>$(CODEGEN_SHARED_DIR)</c>, else <c>../shared</c> beside the repository): one test that reports the skip with
/// the reason, and fails under CI (<c>CI=true</c>).
/// </summary>
public sealed class SharedModelsMissingTests
{
    [SkippableFact]
    public void EndToEndTestsNeedTheirServiceModels()
    {
        // Skips (fails under CI) when there is no shared data at all.
        var root = SharedData.RequireRoot();

        var models = new[]
        {
            Path.Combine(root, "models", "botocore", "cognito-idp", "2016-04-18", "service-2.json"),
            Path.Combine(root, "models", "botocore", "lambda", "2015-03-31", "service-2.json"),
            Path.Combine(root, "models", "botocore", "apigateway", "2015-07-09", "service-2.json"),
            Path.Combine(root, "models", "botocore", "greengrassv2", "2020-11-30", "service-2.json"),
            Path.Combine(root, "models", "botocore", "partnercentral-revenue-measurement", "2022-07-26", "service-2.json"),
            Path.Combine(root, "models", "botocore", "dynamodb", "2012-08-10", "service-2.json"),
            Path.Combine(root, "models", "botocore", "mediastore-data", "2017-09-01", "service-2.json"),
        };
        var missing = Array.FindAll(models, m => !File.Exists(m));
        var reason = missing.Length == 0
            ? $"the shared data is at {root}, but tests/Codegen.EndToEnd.Tests was built without it: rebuild it"
            : $"the shared data at {root} lacks {string.Join(", ", missing)}, which the end-to-end tests are generated from";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI requires it)");
        }

        Skip.If(true, reason);
    }
}
#endif

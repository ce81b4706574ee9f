#if !CODEGEN_SHARED_MODELS
using System;
using System.IO;
using Codegen.Testing;
using Xunit;

namespace Codegen.Differential.Tests;

/// <summary>
/// What the differential tests compile to when the build did not find the KMS, DynamoDB, SQS, SSO and SSO OIDC models in the shared
/// data (<c>$(CODEGEN_SHARED_DIR)</c>, else <c>../shared</c> beside the repository): one test that reports the skip
/// with the reason, and fails under CI (<c>CI=true</c>).
/// </summary>
public sealed class SharedModelsMissingTests
{
    [SkippableFact]
    public void DifferentialTestsNeedTheirServiceModels()
    {
        // Skips (fails under CI) when there is no shared data at all.
        var root = SharedData.RequireRoot();

        var models = new[]
        {
            Path.Combine(root, "models", "botocore", "kms", "2014-11-01", "service-2.json"),
            Path.Combine(root, "models", "botocore", "dynamodb", "2012-08-10", "service-2.json"),
            Path.Combine(root, "models", "botocore", "sqs", "2012-11-05", "service-2.json"),
            Path.Combine(root, "models", "botocore", "sso", "2019-06-10", "service-2.json"),
            Path.Combine(root, "models", "botocore", "sso-oidc", "2019-06-10", "service-2.json"),
        };
        var missing = Array.FindAll(models, m => !File.Exists(m));
        var reason = missing.Length == 0
            ? $"the shared data is at {root}, but tests/Codegen.Differential.Tests was built without it: rebuild it"
            : $"the shared data at {root} lacks {string.Join(", ", missing)}, which the differential tests are generated from";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI requires it)");
        }

        Skip.If(true, reason);
    }
}
#endif

#if !CODEGEN_SHARED_MODELS
using System;
using System.IO;
using Codegen.Testing;
using Xunit;

namespace Codegen.Extensions.DependencyInjection.Tests;

/// <summary>
/// What the two-service tests compile to when the build did not find the KMS model in the shared data
/// (<c>$(CODEGEN_SHARED_DIR)</c>, else <c>../shared</c> beside the repository): one test that reports the skip with
/// the reason, and fails under CI (<c>CI=true</c>).
/// </summary>
public sealed class SharedModelsMissingTests
{
    [SkippableFact]
    public void TheTwoServiceTestsNeedTheKmsModel()
    {
        var root = SharedData.RequireRoot(); // skips (fails under CI) when there is no shared data at all
        var model = Path.Combine(root, "models", "botocore", "kms", "2014-11-01", "service-2.json");
        var reason = File.Exists(model)
            ? $"the shared data is at {root}, but this project was built without it: rebuild it"
            : $"the shared data at {root} lacks {model}, which the two-service tests are generated from";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI requires it)");
        }

        Skip.If(true, reason);
    }
}
#endif

#if !CODEGEN_SHARED_MODELS
using System;
using System.IO;
using Codegen.Testing;
using Xunit;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// What the end-to-end tests compile to when the build did not find the full Cognito model in the shared data
/// (<c>$(CODEGEN_SHARED_DIR)</c>, else <c>../shared</c> beside the repository): one test that reports the skip with
/// the reason, and fails under CI (<c>CI=true</c>).
/// </summary>
public sealed class SharedModelsMissingTests
{
    [SkippableFact]
    public void EndToEndTestsNeedTheFullCognitoModel()
    {
        // Skips (fails under CI) when there is no shared data at all.
        var root = SharedData.RequireRoot();

        var model = Path.Combine(root, "models", "botocore", "cognito-idp", "2016-04-18", "service-2.json");
        var reason = File.Exists(model)
            ? $"the shared data is at {root}, but tests/Codegen.EndToEnd.Tests was built without it: rebuild it"
            : $"the shared data at {root} has no Cognito model ({model}), which the end-to-end tests are generated from";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI requires it)");
        }

        Skip.If(true, reason);
    }
}
#endif

#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.EndToEnd.Tests.Infrastructure;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Xunit;

namespace Codegen.EndToEnd.Tests;

/// <summary>
/// A client built with no credentials and no region, as on a developer's machine after <c>aws configure</c>: both
/// come from a profile of the shared config files (in a temporary home), and the calls go to cognito-local.
/// cognito-local checks no signatures, so the test records what the client sent to see which key signed it.
/// </summary>
public sealed class ProfileCredentialsTests : IClassFixture<CognitoLocalFixture>, IDisposable
{
    private const string ProfileKeyId = "AKIAPROFILEEXAMPLE01";
    private const string ProfileSecret = "profile/Secret/Key/NeverPrintedEXAMPLE";

    private readonly CognitoLocalFixture cognitoLocal;
    private readonly string home = Path.Combine(Path.GetTempPath(), "codegen-e2e-home-" + Guid.NewGuid().ToString("N"));

    public ProfileCredentialsTests(CognitoLocalFixture cognitoLocal)
    {
        this.cognitoLocal = cognitoLocal;
        Directory.CreateDirectory(Path.Combine(home, ".aws"));
        File.WriteAllText(Path.Combine(home, ".aws", "config"), "[profile e2e]\nregion = eu-central-1\n");
        File.WriteAllText(Path.Combine(home, ".aws", "credentials"), "[e2e]\naws_access_key_id = " + ProfileKeyId + "\naws_secret_access_key = " + ProfileSecret + "\n");
    }

    [SkippableFact]
    public async Task AClientWithoutCredentialsOrRegion_UsesTheProfile()
    {
        var endpoint = await cognitoLocal.GetEndpointAsync();
        var variables = new Dictionary<string, string?> { ["AWS_PROFILE"] = "e2e", ["AWS_EC2_METADATA_DISABLED"] = "true" };
        var recorder = new RecordingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var http = new HttpClient(recorder);
        using var client = new CognitoIdentityProviderClient(new AwsClientOptions
        {
            ServiceUrl = endpoint,
            HttpClient = http,
            Environment = new AwsEnvironment(name => variables.GetValueOrDefault(name), home),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var pool = await client.CreateUserPoolAsync(new CreateUserPool("profile-" + Guid.NewGuid().ToString("N")[..8]), timeout.Token);

        Assert.NotNull(pool.UserPool?.Id);
        Assert.Equal("eu-central-1", client.Region);
        var authorization = Assert.Single(recorder.Authorizations);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + ProfileKeyId + "/", authorization, StringComparison.Ordinal);
        Assert.Contains("/eu-central-1/cognito-idp/aws4_request", authorization, StringComparison.Ordinal);
        Assert.DoesNotContain(ProfileSecret, authorization, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        public RecordingHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        public List<string> Authorizations { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Authorizations)
            {
                Authorizations.Add(request.Headers.TryGetValues("Authorization", out var values) ? values.Single() : "(none)");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
#endif

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;
using Codegen.Runtime.Credentials;
using Codegen.Runtime.Tests.Client;
using Xunit;

namespace Codegen.Runtime.Tests.Credentials;

/// <summary>The container endpoint and the EC2 instance metadata service, each played by a loopback server.</summary>
public sealed class MetadataEndpointTests
{
    private const string ImdsToken = "imds-session-token-123";

    private static readonly string CredentialsDocument =
        "{\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"" + TempHome.KeyId + "\",\"SecretAccessKey\":\"" + TempHome.Secret
        + "\",\"Token\":\"" + TempHome.SessionToken + "\",\"Expiration\":\"2030-05-06T07:08:09Z\",\"AccountId\":\"123456789012\"}";

    /// <summary>IMDSv2 as EC2 serves it: a token from PUT, then GETs that must carry it.</summary>
    private static Reply Imds(ReceivedRequest request)
    {
        if (request.Method == "PUT" && request.Target == "/latest/api/token")
        {
            return request.Header("X-aws-ec2-metadata-token-ttl-seconds") is { Length: > 0 } ? new Reply(200, ImdsToken) : new Reply(400, "");
        }

        if (request.Header("X-aws-ec2-metadata-token") != ImdsToken)
        {
            return new Reply(401, "");
        }

        return request.Target switch
        {
            "/latest/meta-data/iam/security-credentials/" => new Reply(200, "my-role\n"),
            "/latest/meta-data/iam/security-credentials/my-role" => new Reply(200, CredentialsDocument),
            "/latest/meta-data/placement/region" => new Reply(200, "eu-north-1"),
            _ => new Reply(404, ""),
        };
    }

    private static TempHome WithImds(TestHttpServer server, string timeoutSeconds = "2")
    {
        var home = new TempHome();
        home.Variables.Remove("AWS_EC2_METADATA_DISABLED");
        home.Variables["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = server.BaseUri.ToString();
        home.Variables["AWS_METADATA_SERVICE_TIMEOUT"] = timeoutSeconds;
        return home;
    }

    [Fact]
    public async Task Imds_IsTheLastLink_WithASessionToken()
    {
        await using var server = new TestHttpServer(Imds);
        using var home = WithImds(server);
        using var chain = new DefaultCredentialsChain(environment: home.Environment());

        var credentials = await chain.GetCredentialsAsync();

        Assert.Equal(TempHome.KeyId, credentials.AccessKeyId);
        Assert.Equal(TempHome.Secret, credentials.SecretAccessKey);
        Assert.Equal(TempHome.SessionToken, credentials.SessionToken);
        Assert.Equal(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero), credentials.Expiration);
        var requests = server.Requests;
        Assert.Equal(new[] { "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/", "GET /latest/meta-data/iam/security-credentials/my-role" },
            requests.Select(r => r.Method + " " + r.Target));
        Assert.Equal("21600", requests[0].Header("X-aws-ec2-metadata-token-ttl-seconds"));
        Assert.DoesNotContain(ImdsToken, chain.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imds_GivesTheRegion_LastInTheRegionChain()
    {
        await using var server = new TestHttpServer(Imds);
        using var home = WithImds(server);

        Assert.Equal("eu-north-1", DefaultRegionChain.Find(environment: home.Environment()));
    }

    [Fact]
    public async Task Imds_ThatDoesNotAnswer_FailsWithinItsTimeout()
    {
        await using var server = new TestHttpServer(_ => Reply.Slow(TimeSpan.FromMinutes(10)));
        using var home = WithImds(server, timeoutSeconds: "0.2");
        using var chain = new DefaultCredentialsChain(environment: home.Environment());

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => chain.GetCredentialsAsync().AsTask());

        Assert.Contains("did not answer within 200 ms", error.Message, StringComparison.Ordinal);
        Assert.Null(DefaultRegionChain.Find(environment: home.Environment())); // the region chain ends without one
    }

    [Fact]
    public async Task Imds_V1Fallback_IsOffByDefault_AndOnWhenAsked()
    {
        await using var server = new TestHttpServer(request => request.Method == "PUT"
            ? new Reply(405, "")
            : request.Target.EndsWith("/my-role", StringComparison.Ordinal) ? new Reply(200, CredentialsDocument) : new Reply(200, "my-role"));
        using var home = WithImds(server);

        var refused = await Assert.ThrowsAsync<AwsCredentialsException>(() => new DefaultCredentialsChain(environment: home.Environment()).GetCredentialsAsync().AsTask());
        Assert.Contains("refused an IMDSv2 session token: HTTP 405", refused.Message, StringComparison.Ordinal);

        home.Variables["AWS_EC2_METADATA_V1_DISABLED"] = "false";
        var credentials = await new DefaultCredentialsChain(environment: home.Environment()).GetCredentialsAsync();
        Assert.Equal(TempHome.KeyId, credentials.AccessKeyId);
        Assert.Null(server.Requests.Last().Header("X-aws-ec2-metadata-token"));
    }

    [Theory]
    [InlineData("{\"Code\":\"AssumeRoleUnauthorizedAccess\",\"AccessKeyId\":\"AKIAX\",\"SecretAccessKey\":\"" + TempHome.Secret + "\"}", "reported Code 'AssumeRoleUnauthorizedAccess'")]
    [InlineData("<html>" + TempHome.Secret + "</html>", "did not return valid JSON")]
    [InlineData("", "did not return valid JSON")]
    public async Task Imds_BadDocuments_AreClearErrors_WithoutSecrets(string document, string expected)
    {
        await using var server = new TestHttpServer(request => request.Method == "PUT"
            ? new Reply(200, ImdsToken)
            : request.Target.EndsWith("/my-role", StringComparison.Ordinal) ? new Reply(200, document) : new Reply(200, "my-role"));
        using var home = WithImds(server);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new DefaultCredentialsChain(environment: home.Environment()).GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TempHome.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_RelativeUri_IsAPathOnTheEcsEndpoint()
    {
        await using var server = new TestHttpServer(request => request.Target == "/v2/credentials/abc" ? new Reply(200, CredentialsDocument) : new Reply(404, ""));
        using var home = new TempHome();
        home.Variables["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/v2/credentials/abc";
        using var chain = new DefaultCredentialsChain(home.Environment(), null, ProfileServices.Default with { EcsEndpoint = server.BaseUri });

        var credentials = await chain.GetCredentialsAsync();

        Assert.Equal(TempHome.KeyId, credentials.AccessKeyId);
        Assert.Equal("123456789012", credentials.AccountId);
    }

    [Fact]
    public async Task Container_FullUri_SendsTheTokenFromTheFile_ReadOnEachRequest()
    {
        await using var server = new TestHttpServer(_ => new Reply(200, CredentialsDocument));
        using var home = new TempHome();
        var tokenFile = home.WriteFile("eks-token", "first-pod-token\n");
        home.Variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.BaseUri + "creds";
        home.Variables["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "ignored-when-a-file-is-named";
        home.Variables["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = tokenFile;

        using var source = ContainerCredentialsSource.FromEnvironment(home.Environment())!;
        await source.GetCredentialsAsync();
        File.WriteAllText(tokenFile, "rotated-pod-token");
        await source.GetCredentialsAsync();

        Assert.Equal(new[] { "first-pod-token", "rotated-pod-token" }, server.Requests.Select(r => r.Header("Authorization")));
        Assert.DoesNotContain("pod-token", source.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com/creds")]
    [InlineData("http://169.254.169.254/creds")]
    [InlineData("http://10.0.0.1/creds")]
    public void Container_FullUri_OverHttp_ToAnotherHost_IsRefused(string uri)
    {
        using var home = new TempHome();
        home.Variables["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = uri;

        var error = Assert.Throws<AwsCredentialsException>(() => ContainerCredentialsSource.FromEnvironment(home.Environment()));

        Assert.Contains("is not allowed over http", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://creds.example.com/x")]
    [InlineData("http://localhost:1234/x")]
    [InlineData("http://127.0.0.2/x")]
    [InlineData("http://[::1]/x")]
    [InlineData("http://169.254.170.2/x")]
    [InlineData("http://169.254.170.23/x")]
    [InlineData("http://[fd00:ec2::23]/x")]
    public void Container_AllowedHosts(string uri)
    {
        ContainerCredentialsSource.CheckAllowed(new Uri(uri));
    }

    [Fact]
    public async Task Container_Refusal_And_Garbage_AreClearErrors()
    {
        await using var server = new TestHttpServer(request => request.Target == "/denied" ? new Reply(403, "") : new Reply(200, "garbage " + TempHome.Secret));
        using var denied = new ContainerCredentialsSource(new Uri(server.BaseUri, "denied"), "secret-auth-token");
        using var garbage = new ContainerCredentialsSource(new Uri(server.BaseUri, "garbage"), "secret-auth-token");

        var refusal = await Assert.ThrowsAsync<AwsCredentialsException>(() => denied.GetCredentialsAsync().AsTask());
        var parse = await Assert.ThrowsAsync<AwsCredentialsException>(() => garbage.GetCredentialsAsync().AsTask());

        Assert.Contains("answered HTTP 403 (the authorization token was refused)", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("did not return valid JSON", parse.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-auth-token", refusal.ToString() + parse.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TempHome.Secret, parse.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_ThatDoesNotAnswer_FailsWithinItsTimeout()
    {
        await using var server = new TestHttpServer(_ => Reply.Slow(TimeSpan.FromMinutes(10)));
        using var source = new ContainerCredentialsSource(server.BaseUri, timeout: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => source.GetCredentialsAsync().AsTask());

        Assert.Contains("did not answer within 200 ms", error.Message, StringComparison.Ordinal);
    }
}

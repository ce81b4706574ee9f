using System;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Codegen.Runtime.Credentials;
using Codegen.Runtime.Tests.Client;
using Xunit;

namespace Codegen.Runtime.Tests.Credentials;

/// <summary>The region chain, and both chains as a client's defaults.</summary>
public sealed class DefaultsTests
{
    [Fact]
    public void RegionChain_InOrder()
    {
        using var home = new TempHome().Config("[default]\nregion = eu-west-1\n[profile other]\nregion = ap-south-1\n");
        var environment = home.Environment();
        Assert.Equal("eu-west-1", DefaultRegionChain.Find(environment: environment));
        Assert.Equal("ap-south-1", DefaultRegionChain.Find(profileName: "other", environment: environment));

        home.Variables["AWS_PROFILE"] = "other";
        Assert.Equal("ap-south-1", DefaultRegionChain.Find(environment: environment));

        home.Variables["AWS_DEFAULT_REGION"] = "us-west-1";
        Assert.Equal("us-west-1", DefaultRegionChain.Find(environment: environment));

        home.Variables["AWS_REGION"] = "us-east-2";
        Assert.Equal("us-east-2", DefaultRegionChain.Find(environment: environment));

        Assert.Equal("sa-east-1", DefaultRegionChain.Find("sa-east-1", environment: environment));
    }

    [Fact]
    public async Task RegionChain_WithNothing_FindsNothing_AndAClientSaysWhatToSet_AtItsFirstCall()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var home = new TempHome(); // IMDS off, as on a developer machine that is not EC2
        Assert.Null(DefaultRegionChain.Find(environment: home.Environment()));

        // Constructing needs no region (and never asks IMDS): a test or a DI container can build the client.
        using var client = new AwsClient(new AwsClientOptions { ServiceUrl = server.BaseUri, Environment = home.Environment() });
        Assert.Contains("region not resolved yet", client.ToString(), StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task ARegionFromImds_IsAskedAtTheFirstCall_NotByTheConstructor()
    {
        var imdsCalls = 0;
        await using var imds = new TestHttpServer(request =>
        {
            System.Threading.Interlocked.Increment(ref imdsCalls);
            return request.Method == "PUT" ? new Reply(200, "token") : new Reply(200, "eu-north-1");
        });
        await using var service = TestHttpServer.Scripted(Reply.Ok());
        using var home = new TempHome();
        home.Variables.Remove("AWS_EC2_METADATA_DISABLED");
        home.Variables["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.BaseUri.ToString();

        using var client = new AwsClient(new AwsClientOptions
        {
            ServiceUrl = service.BaseUri,
            Credentials = new StaticCredentialsSource(TempHome.KeyId, TempHome.Secret),
            Environment = home.Environment(),
        });
        Assert.Equal(0, imdsCalls);

        await client.SendAsync(new FakeRequest(new FakeOperation()));

        Assert.Equal("eu-north-1", client.Region);
        Assert.True(imdsCalls > 0);
        Assert.Contains("/eu-north-1/fakesvc/aws4_request", Assert.Single(service.Requests).Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public void RegionChain_AMalformedConfigFile_NamesFileAndLine()
    {
        using var home = new TempHome().Config("[default]\nregion\n");

        var error = Assert.Throws<AwsConfigurationException>(() => new AwsClient(new AwsClientOptions { Environment = home.Environment() }));

        Assert.Contains(home.ConfigPath + "(2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadRegionFromAProfile_SaysWhereItCameFrom()
    {
        using var home = new TempHome().Config("[default]\nregion = EU West\n");

        var error = Assert.Throws<ArgumentException>(() => new AwsClient(new AwsClientOptions { Environment = home.Environment() }));

        Assert.Contains("'EU West' from the region of profile 'default' (" + home.ConfigPath + "(2))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientWithoutCredentialsOrRegion_SignsWithTheProfile_ForItsRegion()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var home = new TempHome()
            .Config("[profile dev]\nregion = eu-west-3\n")
            .Credentials("[dev]\naws_access_key_id = " + TempHome.KeyId + "\naws_secret_access_key = " + TempHome.Secret + "\n");
        using var client = new AwsClient(new AwsClientOptions { Profile = "dev", ServiceUrl = server.BaseUri, Environment = home.Environment() });

        await client.SendAsync(new FakeRequest(new FakeOperation()));

        Assert.Equal("eu-west-3", client.Region);
        var authorization = Assert.Single(server.Requests).Header("Authorization")!;
        Assert.Matches("^AWS4-HMAC-SHA256 Credential=" + TempHome.KeyId + "/[0-9]{8}/eu-west-3/fakesvc/aws4_request, ", authorization);
    }

    [Fact]
    public async Task AClientWithoutCredentials_ReportsTheChainsError_WithoutSendingAnything()
    {
        await using var server = TestHttpServer.Scripted(Reply.Ok());
        using var home = new TempHome();
        using var client = new AwsClient(new AwsClientOptions { Region = "us-east-1", ServiceUrl = server.BaseUri, Environment = home.Environment() });

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => client.SendAsync(new FakeRequest(new FakeOperation())));

        Assert.StartsWith("No AWS credentials", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public void NoSourceOrSetting_ShowsASecret()
    {
        using var home = new TempHome()
            .Config("[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n")
            .Credentials("[default]\naws_access_key_id = " + TempHome.KeyId + "\naws_secret_access_key = " + TempHome.Secret + "\naws_session_token = " + TempHome.SessionToken + "\n");
        var environment = home.Environment();
        var config = AwsSharedConfig.Load(environment);
        var profile = config.GetProfile("default")!;
        var texts = new[]
        {
            new AwsCredentials(TempHome.KeyId, TempHome.Secret, TempHome.SessionToken, DateTimeOffset.UnixEpoch, "123456789012").ToString(),
            new StaticCredentialsSource(TempHome.KeyId, TempHome.Secret, TempHome.SessionToken).ToString(),
            new CachingCredentialsSource(new StaticCredentialsSource(TempHome.KeyId, TempHome.Secret, TempHome.SessionToken)).ToString(),
            new ContainerCredentialsSource(new Uri("http://127.0.0.1/creds"), TempHome.SessionToken).ToString(),
            new ProcessCredentialsSource("print-creds --secret " + TempHome.Secret, "credential_process of profile 'p'").ToString(),
            new WebIdentityCredentialsSource(new RoleSettings("arn:aws:iam::1:role/r", "s"), "var/run/token", UnavailableStsCredentialsClient.Instance, null).ToString(),
            new DefaultCredentialsChain(environment: environment).ToString(),
            config.ToString(),
            profile.ToString(),
            profile.TryGet("aws_secret_access_key")!.ToString(),
            environment.ToString()!,
        };

        foreach (var text in texts)
        {
            Assert.DoesNotContain(TempHome.Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TempHome.SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TempHome.KeyId, text, StringComparison.Ordinal);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Credentials;
using Xunit;

namespace Codegen.Runtime.Tests.Credentials;

public sealed class ChainTests
{
    private static DefaultCredentialsChain Chain(TempHome home, string? profile = null, IStsCredentialsClient? sts = null, TimeSpan? processTimeout = null) =>
        new(home.Environment(), profile, ProfileServices.Default with
        {
            Sts = sts ?? UnavailableStsCredentialsClient.Instance,
            ProcessTimeout = processTimeout ?? TimeSpan.FromSeconds(30),
        });

    [Fact]
    public async Task Environment_ComesFirst()
    {
        using var home = new TempHome().Credentials("[default]\naws_access_key_id = AKIAFROMFILE0000\naws_secret_access_key = s\n");
        home.Variables["AWS_ACCESS_KEY_ID"] = TempHome.KeyId;
        home.Variables["AWS_SECRET_ACCESS_KEY"] = TempHome.Secret;

        var credentials = await Chain(home).GetCredentialsAsync();

        Assert.Equal(TempHome.KeyId, credentials.AccessKeyId);
    }

    [Fact]
    public async Task HalfAnEnvironmentPair_IsAnError_NamingTheMissingVariable()
    {
        using var home = new TempHome().Credentials("[default]\naws_access_key_id = AKIAFROMFILE0000\naws_secret_access_key = s\n");
        home.Variables["AWS_ACCESS_KEY_ID"] = TempHome.KeyId;

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home).GetCredentialsAsync().AsTask());

        Assert.Contains("AWS_SECRET_ACCESS_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_StaticKeys_FromTheCredentialsFile_SelectedByAwsProfile()
    {
        using var home = new TempHome()
            .Credentials("[default]\naws_access_key_id = AKIADEFAULT00000\naws_secret_access_key = d\n[work]\naws_access_key_id = "
                + TempHome.KeyId + "\naws_secret_access_key = " + TempHome.Secret + "\naws_session_token = " + TempHome.SessionToken + "\n");
        home.Variables["AWS_PROFILE"] = "work";

        var chain = Chain(home);
        var credentials = await chain.GetCredentialsAsync();

        Assert.Equal(TempHome.KeyId, credentials.AccessKeyId);
        Assert.Equal(TempHome.Secret, credentials.SecretAccessKey);
        Assert.Equal(TempHome.SessionToken, credentials.SessionToken);
        Assert.Contains("ProfileCredentialsSource(work)", chain.ToString(), StringComparison.Ordinal);
        Assert.Equal("AKIADEFAULT00000", (await Chain(home, profile: "default").GetCredentialsAsync()).AccessKeyId); // explicit wins over AWS_PROFILE
    }

    [Fact]
    public async Task ANamedProfileThatDoesNotExist_IsAnError()
    {
        using var home = new TempHome().Config("[profile other]\nregion = eu-west-1\n");
        home.Variables["AWS_PROFILE"] = "missing";

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home).GetCredentialsAsync().AsTask());

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_PROFILE", error.Message, StringComparison.Ordinal);
        Assert.Contains(home.ConfigPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingConfigured_IsAnError_ListingWhereItLooked()
    {
        using var home = new TempHome().Config("[default]\nregion = eu-west-1\n"); // a region only: no credentials

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home).GetCredentialsAsync().AsTask());

        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_CONTAINER_CREDENTIALS_FULL_URI", error.Message, StringComparison.Ordinal);
        Assert.Contains("profile 'default'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_EC2_METADATA_DISABLED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_WithAnEmptySecret_NamesTheFileAndLine()
    {
        using var home = new TempHome().Credentials("[default]\naws_access_key_id = " + TempHome.KeyId + "\naws_secret_access_key =\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home).GetCredentialsAsync().AsTask());

        Assert.Contains(home.CredentialsPath + "(2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("aws_secret_access_key is missing or empty", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TempHome.KeyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleArn_WithSourceProfile_AssumesTheRole_WithTheSourceKeys()
    {
        using var home = new TempHome()
            .Config("[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\nrole_session_name = ci\nexternal_id = ext-1\nduration_seconds = 1800\nregion = eu-west-1\n")
            .Credentials("[base]\naws_access_key_id = " + TempHome.KeyId + "\naws_secret_access_key = " + TempHome.Secret + "\n");
        var sts = new FakeSts();

        var credentials = await Chain(home, "deploy", sts).GetCredentialsAsync();

        Assert.Equal("ASIAASSUMED00001", credentials.AccessKeyId);
        var call = Assert.Single(sts.Calls);
        Assert.Equal("AssumeRole", call.Operation);
        Assert.Equal("arn:aws:iam::123456789012:role/deploy", call.Role.RoleArn);
        Assert.Equal("ci", call.Role.SessionName);
        Assert.Equal("ext-1", call.Role.ExternalId);
        Assert.Equal(TimeSpan.FromSeconds(1800), call.Role.Duration);
        Assert.Equal(TempHome.KeyId, call.Source!.AccessKeyId);
        Assert.Equal("eu-west-1", call.Region);
    }

    [Fact]
    public async Task RoleArn_ChainsThroughProfiles_AndRefusesLoops()
    {
        using var home = new TempHome().Config(
            "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, "a", new FakeSts()).GetCredentialsAsync().AsTask());

        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
        Assert.Contains(home.ConfigPath + "(6)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleArn_WithCredentialSourceEnvironment_SignsWithTheVariables()
    {
        using var home = new TempHome().Config("[profile r]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n");
        home.Variables["AWS_ACCESS_KEY_ID"] = TempHome.KeyId;
        home.Variables["AWS_SECRET_ACCESS_KEY"] = TempHome.Secret;
        var sts = new FakeSts();

        var credentials = await new ProfileCredentialsSource(home.Environment(), null, "r", ProfileServices.Default with { Sts = sts }).GetCredentialsAsync();

        Assert.Equal("ASIAASSUMED00001", credentials.AccessKeyId);
        Assert.Equal(TempHome.KeyId, Assert.Single(sts.Calls).Source!.AccessKeyId);
    }

    [Theory]
    [InlineData("credential_source = Nowhere\n", "credential_source must be Environment, Ec2InstanceMetadata or EcsContainer")]
    [InlineData("source_profile = b\ncredential_source = Environment\n", "exactly one of")]
    [InlineData("credential_source = EcsContainer\n", "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")]
    [InlineData("source_profile = b\nmfa_serial = arn:aws:iam::1:mfa/u\n", "mfa_serial is not supported")]
    [InlineData("source_profile = b\nduration_seconds = 10\n", "duration_seconds must be")]
    public async Task RoleArn_BadSettings_AreClearErrors(string settings, string expected)
    {
        using var home = new TempHome().Config("[default]\nrole_arn = arn:aws:iam::1:role/r\n" + settings + "[profile b]\naws_access_key_id = AKIAB\naws_secret_access_key = b\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, sts: new FakeSts()).GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(home.ConfigPath + "(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleArn_WithoutAnStsClient_SaysSo()
    {
        using var home = new TempHome().Config("[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = b\n[profile b]\naws_access_key_id = AKIAB\naws_secret_access_key = b\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home).GetCredentialsAsync().AsTask());

        Assert.Contains("AWS STS AssumeRole", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebIdentity_FromTheEnvironment_ReadsTheTokenFileOnEachRefresh()
    {
        using var home = new TempHome();
        var tokenFile = home.WriteFile("token", "eyJ.first.token\n");
        home.Variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
        home.Variables["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/pod";
        home.Variables["AWS_ROLE_SESSION_NAME"] = "pod-1";
        home.Variables["AWS_REGION"] = "us-west-2";
        var sts = new FakeSts();

        var source = WebIdentityCredentialsSource.FromEnvironment(home.Environment(), sts, "us-west-2")!;
        await source.GetCredentialsAsync();
        File.WriteAllText(tokenFile, "eyJ.second.token");
        await source.GetCredentialsAsync();
        await Chain(home, sts: sts).GetCredentialsAsync(); // the chain's second link

        Assert.Equal(new[] { "eyJ.first.token", "eyJ.second.token", "eyJ.second.token" }, sts.Calls.ConvertAll(c => c.WebIdentityToken!));
        Assert.All(sts.Calls, c => Assert.Equal("AssumeRoleWithWebIdentity", c.Operation));
        Assert.Equal("pod-1", sts.Calls[0].Role.SessionName);
        Assert.Equal("us-west-2", sts.Calls[2].Region);
        Assert.DoesNotContain("eyJ", source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebIdentity_BadInput_IsClear()
    {
        using var home = new TempHome();
        home.Variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = Path.Combine(home.Root, "absent");
        var noRole = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, sts: new FakeSts()).GetCredentialsAsync().AsTask());
        Assert.Contains("AWS_ROLE_ARN is not", noRole.Message, StringComparison.Ordinal);

        home.Variables["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/r";
        var noFile = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, sts: new FakeSts()).GetCredentialsAsync().AsTask());
        Assert.Contains("does not exist", noFile.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialProcess_PrintsTheDocument()
    {
        using var home = new TempHome();
        var script = home.WriteFile("creds.json",
            "{\"Version\": 1, \"AccessKeyId\": \"" + TempHome.KeyId + "\", \"SecretAccessKey\": \"" + TempHome.Secret + "\", \"SessionToken\": \""
            + TempHome.SessionToken + "\", \"Expiration\": \"2030-01-02T03:04:05Z\", \"AccountId\": \"123456789012\"}");
        home.Config("[default]\ncredential_process = cat \"" + script + "\"\n");

        var credentials = await Chain(home).GetCredentialsAsync();

        Assert.Equal(TempHome.KeyId, credentials.AccessKeyId);
        Assert.Equal(TempHome.Secret, credentials.SecretAccessKey);
        Assert.Equal(TempHome.SessionToken, credentials.SessionToken);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), credentials.Expiration);
        Assert.Equal("123456789012", credentials.AccountId);
    }

    [Theory]
    [InlineData("echo 'not json at all " + TempHome.Secret + "'", "did not return valid JSON")]
    [InlineData("echo '[1,2]'", "did not return a JSON object")]
    [InlineData("echo '{\"AccessKeyId\":\"AKIAX\",\"SecretAccessKey\":\"" + TempHome.Secret + "\"}'", "without \"Version\": 1")]
    [InlineData("echo '{\"Version\":1,\"SecretAccessKey\":\"" + TempHome.Secret + "\"}'", "returned no AccessKeyId")]
    [InlineData("echo '{\"Version\":1,\"AccessKeyId\":\"AKIAX\",\"SecretAccessKey\":\"" + TempHome.Secret + "\",\"Expiration\":\"soon\"}'", "not an ISO 8601 time")]
    [InlineData("echo 'the tool broke' >&2; exit 3", "exited with code 3: the tool broke")]
    public async Task CredentialProcess_Garbage_IsAClearError_WithoutTheOutput(string command, string expected)
    {
        SkipOnWindows();
        using var home = new TempHome().Config("[profile p]\ncredential_process = " + command + "\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, "p").GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("credential_process of profile 'p' (" + home.ConfigPath + "(2))", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TempHome.Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("echo", error.Message, StringComparison.Ordinal); // the command line is not shown
    }

    [Fact]
    public async Task CredentialProcess_ThatHangs_IsStopped()
    {
        SkipOnWindows();
        using var home = new TempHome().Config("[default]\ncredential_process = sleep 600\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, processTimeout: TimeSpan.FromMilliseconds(300)).GetCredentialsAsync().AsTask());

        Assert.Contains("did not finish within 0.3 s and was stopped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialProcess_ThatFloodsItsOutput_IsRefused()
    {
        SkipOnWindows();
        using var home = new TempHome().Config("[default]\ncredential_process = head -c 200000 /dev/zero | tr '\\0' 'a'\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home).GetCredentialsAsync().AsTask());

        Assert.Contains("more than 64 KiB", error.Message, StringComparison.Ordinal);
    }

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new Xunit.SkipException("The commands are POSIX shell.");
        }
    }
}

/// <summary>Records the STS calls and answers with fixed temporary credentials.</summary>
internal sealed class FakeSts : IStsCredentialsClient
{
    public List<StsCall> Calls { get; } = new();

    public ValueTask<AwsCredentials> AssumeRoleAsync(RoleSettings role, AwsCredentials sourceCredentials, string? region, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add(new StsCall("AssumeRole", role, sourceCredentials, null, region));
        }

        return new(new AwsCredentials("ASIAASSUMED00001", "assumed-secret", "assumed-token", DateTimeOffset.UtcNow.AddHours(1)));
    }

    public ValueTask<AwsCredentials> AssumeRoleWithWebIdentityAsync(RoleSettings role, string webIdentityToken, string? region, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add(new StsCall("AssumeRoleWithWebIdentity", role, null, webIdentityToken, region));
        }

        return new(new AwsCredentials("ASIAWEBIDENTITY1", "web-secret", "web-token", DateTimeOffset.UtcNow.AddHours(1)));
    }
}

internal sealed record StsCall(string Operation, RoleSettings Role, AwsCredentials? Source, string? WebIdentityToken, string? Region);

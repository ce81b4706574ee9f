using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Credentials;
using Codegen.Runtime.Tests.Client;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Credentials;

/// <summary>
/// IAM Identity Center profiles: the token cache as the AWS CLI writes it in a temporary home, and a loopback server
/// playing the SSO portal (GetRoleCredentials) and SSO OIDC (CreateToken), called through the runtime's generated clients.
/// </summary>
public sealed class SsoTests
{
    private const string AccessToken = "aoaAAAAAGExampleAccessToken";
    private const string RefreshToken = "aorvExampleRefreshToken";
    private const string ClientSecret = "eyJraWQiOiJleGFtcGxlIn0.ExampleClientSecret";
    private const string StartUrl = "https://my-org.awsapps.com/start";

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string RoleCredentialsJson =
        "{\"roleCredentials\":{\"accessKeyId\":\"ASIASSOROLE00001\",\"secretAccessKey\":\"" + TempHome.Secret + "\",\"sessionToken\":\""
        + TempHome.SessionToken + "\",\"expiration\":" + Now.AddHours(1).ToUnixTimeMilliseconds() + "}}";

    private static string CacheFile(TempHome home, string key) =>
        Path.Combine(home.Root, ".aws", "sso", "cache", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant() + ".json");

    /// <summary>A cache file in the CLI's format (as <c>aws sso login</c> leaves it).</summary>
    private static void WriteCache(TempHome home, string key, DateTimeOffset expiresAt, bool withRefresh, string expiresFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'")
    {
        var path = CacheFile(home, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = "{\"startUrl\": \"" + StartUrl + "\", \"region\": \"us-east-1\", \"accessToken\": \"" + AccessToken + "\", \"expiresAt\": \""
            + expiresAt.UtcDateTime.ToString(expiresFormat, System.Globalization.CultureInfo.InvariantCulture) + "\""
            + (withRefresh
                ? ", \"clientId\": \"ExampleClientId\", \"clientSecret\": \"" + ClientSecret + "\", \"registrationExpiresAt\": \"2026-03-01T00:00:00Z\", \"refreshToken\": \"" + RefreshToken + "\""
                : string.Empty)
            + "}";
        File.WriteAllText(path, text);
    }

    private static Reply Portal(ReceivedRequest request, string expectedToken)
    {
        if (request.Method == "POST" && request.Target == "/token")
        {
            return new Reply(200, "{\"accessToken\":\"renewedAccessToken\",\"tokenType\":\"Bearer\",\"expiresIn\":28800,\"refreshToken\":\"rotatedRefreshToken\"}");
        }

        if (request.Target.StartsWith("/federation/credentials?", StringComparison.Ordinal))
        {
            return request.Header("x-amz-sso_bearer_token") == expectedToken
                ? new Reply(200, RoleCredentialsJson)
                : Reply.Error(401, "UnauthorizedException", "Session token not found or invalid");
        }

        return new Reply(404, "");
    }

    private static DefaultCredentialsChain Chain(TempHome home, TestHttpServer server, FakeTimeProvider clock) =>
        new(home.Environment(clock), null, ProfileServices.Default with { SsoServiceUrl = server.BaseUri, SsoOidcServiceUrl = server.BaseUri });

    [Fact]
    public async Task SsoSession_ExchangesTheCachedToken_ForRoleCredentials()
    {
        await using var server = new TestHttpServer(r => Portal(r, AccessToken));
        using var home = new TempHome().Config(
            "[profile dev]\nsso_session = my-sso\nsso_account_id = 123456789012\nsso_role_name = Developer\nregion = eu-west-1\n"
            + "[sso-session my-sso]\nsso_start_url = " + StartUrl + "\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n");
        home.Variables["AWS_PROFILE"] = "dev";
        WriteCache(home, "my-sso", Now.AddHours(2), withRefresh: true);
        var clock = new FakeTimeProvider(Now);

        var credentials = await Chain(home, server, clock).GetCredentialsAsync();

        Assert.Equal("ASIASSOROLE00001", credentials.AccessKeyId);
        Assert.Equal(TempHome.Secret, credentials.SecretAccessKey);
        Assert.Equal(TempHome.SessionToken, credentials.SessionToken);
        Assert.Equal(Now.AddHours(1), credentials.Expiration);
        Assert.Equal("123456789012", credentials.AccountId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/federation/credentials?account_id=123456789012&role_name=Developer", SortedQuery(request.Target));
        Assert.Null(request.Header("Authorization")); // unsigned: the bearer token authorises it
    }

    [Fact]
    public async Task LegacyProfile_UsesTheStartUrlAsTheCacheKey_AndReadsTheOldTimeFormat()
    {
        await using var server = new TestHttpServer(r => Portal(r, AccessToken));
        using var home = new TempHome().Config(
            "[default]\nsso_start_url = " + StartUrl + "\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n");
        WriteCache(home, StartUrl, Now.AddHours(2), withRefresh: false, expiresFormat: "yyyy-MM-dd'T'HH:mm:ss'UTC'");

        var credentials = await Chain(home, server, new FakeTimeProvider(Now)).GetCredentialsAsync();

        Assert.Equal("ASIASSOROLE00001", credentials.AccessKeyId);
    }

    [Fact]
    public async Task AnExpiredToken_AsksToRunAwsSsoLogin()
    {
        await using var server = new TestHttpServer(r => Portal(r, AccessToken));
        using var home = new TempHome().Config(
            "[default]\nsso_start_url = " + StartUrl + "\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n");
        WriteCache(home, StartUrl, Now.AddMinutes(-1), withRefresh: false);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, server, new FakeTimeProvider(Now)).GetCredentialsAsync().AsTask());

        Assert.Contains("expired at 2026-01-01T11:59:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run 'aws sso login --profile default'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task NoSignIn_AsksToRunAwsSsoLogin()
    {
        await using var server = new TestHttpServer(r => Portal(r, AccessToken));
        using var home = new TempHome().Config(
            "[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_start_url = " + StartUrl + "\nsso_region = us-east-1\n");

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, server, new FakeTimeProvider(Now)).GetCredentialsAsync().AsTask());

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run 'aws sso login --sso-session s'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedToken_AsksToSignInAgain()
    {
        await using var server = new TestHttpServer(r => Portal(r, "some-other-token"));
        using var home = new TempHome().Config(
            "[default]\nsso_start_url = " + StartUrl + "\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n");
        WriteCache(home, StartUrl, Now.AddHours(2), withRefresh: false);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Chain(home, server, new FakeTimeProvider(Now)).GetCredentialsAsync().AsTask());

        Assert.Contains("refused the cached access token", error.Message, StringComparison.Ordinal);
        Assert.Contains("aws sso login", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SsoSession_RenewsATokenNearItsExpiry_AndWritesTheCacheBack()
    {
        await using var server = new TestHttpServer(r => Portal(r, "renewedAccessToken"));
        using var home = new TempHome().Config(
            "[default]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Developer\n"
            + "[sso-session corp]\nsso_start_url = " + StartUrl + "\nsso_region = us-east-1\n");
        WriteCache(home, "corp", Now.AddMinutes(2), withRefresh: true);

        var credentials = await Chain(home, server, new FakeTimeProvider(Now)).GetCredentialsAsync();

        Assert.Equal("ASIASSOROLE00001", credentials.AccessKeyId);
        var renewal = server.Requests.First();
        Assert.Equal("POST /token", renewal.Method + " " + renewal.Target);
        using (var body = JsonDocument.Parse(renewal.Body))
        {
            Assert.Equal("refresh_token", body.RootElement.GetProperty("grantType").GetString());
            Assert.Equal(RefreshToken, body.RootElement.GetProperty("refreshToken").GetString());
            Assert.Equal("ExampleClientId", body.RootElement.GetProperty("clientId").GetString());
        }

        using var cache = JsonDocument.Parse(File.ReadAllText(CacheFile(home, "corp")));
        Assert.Equal("renewedAccessToken", cache.RootElement.GetProperty("accessToken").GetString());
        Assert.Equal("2026-01-01T20:00:00Z", cache.RootElement.GetProperty("expiresAt").GetString());
        Assert.Equal("rotatedRefreshToken", cache.RootElement.GetProperty("refreshToken").GetString());
        Assert.Equal(ClientSecret, cache.RootElement.GetProperty("clientSecret").GetString());
        Assert.Equal(StartUrl, cache.RootElement.GetProperty("startUrl").GetString());
    }

    [Theory]
    [InlineData("[default]\nsso_session = missing\nsso_account_id = 1\nsso_role_name = R\n", "no [sso-session missing] section")]
    [InlineData("[default]\nsso_session = s\nsso_role_name = R\n[sso-session s]\nsso_start_url = u\nsso_region = us-east-1\n", "sso_account_id is missing")]
    [InlineData("[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\nsso_region = eu-west-1\n[sso-session s]\nsso_start_url = u\nsso_region = us-east-1\n", "sso_region differs")]
    [InlineData("[default]\nsso_session = s\nsso_account_id = 1\nsso_role_name = R\n[sso-session s]\nsso_start_url = u\n", "sso_region is missing from [sso-session s]")]
    [InlineData("[default]\nsso_start_url = u\nsso_region = Not A Region\nsso_account_id = 1\nsso_role_name = R\n", "is not a region name")]
    public async Task BadSsoSettings_AreClearErrors(string config, string expected)
    {
        using var home = new TempHome().Config(config);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => new DefaultCredentialsChain(environment: home.Environment()).GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string SortedQuery(string target)
    {
        var question = target.IndexOf('?');
        return target.Substring(0, question + 1) + string.Join("&", target.Substring(question + 1).Split('&').OrderBy(p => p, StringComparer.Ordinal));
    }
}

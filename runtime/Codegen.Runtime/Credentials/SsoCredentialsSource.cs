using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Codegen.Runtime.Credentials.Sso;
using Codegen.Runtime.Credentials.SsoOidc;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Role credentials from IAM Identity Center (formerly AWS SSO) for a profile with <c>sso_account_id</c> and
/// <c>sso_role_name</c>: the access token that <c>aws sso login</c> cached under <c>~/.aws/sso/cache</c> is exchanged
/// with SSO GetRoleCredentials. With an <c>sso_session</c>, a token within 5 minutes of expiry is renewed with SSO OIDC
/// CreateToken (the refresh token and client registration the CLI cached) and written back to the cache; a legacy
/// profile (<c>sso_start_url</c> in the profile) cannot renew, so an expired token asks the user to sign in again.
/// </summary>
/// <remarks>Both calls use this runtime's own generated clients (specs/sso, specs/sso-oidc). Errors never show a token.</remarks>
internal sealed class SsoCredentialsSource : IAwsCredentialsSource
{
    /// <summary>How long before its expiry an sso-session's token is renewed.</summary>
    internal static readonly TimeSpan TokenRefreshAhead = TimeSpan.FromMinutes(5);

    private readonly AwsEnvironment environment;
    private readonly ProfileServices services;
    private readonly string profileName;
    private readonly string? sessionName;
    private readonly string startUrl;
    private readonly string ssoRegion;
    private readonly string accountId;
    private readonly string roleName;
    private readonly string cacheFile;
    private readonly SemaphoreSlim gate = new(1, 1);

    private SsoCredentialsSource(
        AwsEnvironment environment, ProfileServices services, string profileName, string? sessionName, string startUrl, string ssoRegion, string accountId, string roleName, string cacheFile)
    {
        this.environment = environment;
        this.services = services;
        this.profileName = profileName;
        this.sessionName = sessionName;
        this.startUrl = startUrl;
        this.ssoRegion = ssoRegion;
        this.accountId = accountId;
        this.roleName = roleName;
        this.cacheFile = cacheFile;
    }

    /// <summary>The token cache file read (and, for an sso-session, written).</summary>
    public string CacheFile => cacheFile;

    /// <summary>Reads a profile's SSO settings (and its <c>[sso-session]</c> section).</summary>
    /// <exception cref="AwsConfigurationException">A setting is missing or contradicts the session's.</exception>
    internal static SsoCredentialsSource FromProfile(AwsEnvironment environment, AwsSharedConfig files, AwsConfigSection profile, ProfileServices services)
    {
        var account = Required(profile, profile, "sso_account_id");
        var role = Required(profile, profile, "sso_role_name");
        string? sessionName = null;
        string startUrl;
        string region;
        if (profile.TryGet("sso_session") is { } sessionValue)
        {
            sessionName = sessionValue.Value;
            var session = files.GetSsoSession(sessionName) ?? throw ProfileCredentialsSource.Error(
                profile, sessionValue, "sso_session names '" + sessionName + "', but there is no [sso-session " + sessionName + "] section");
            startUrl = Required(profile, session, "sso_start_url");
            region = Required(profile, session, "sso_region");
            // The SDKs accept the profile repeating the session's values, and refuse different ones.
            Same(profile, "sso_start_url", startUrl, sessionName);
            Same(profile, "sso_region", region, sessionName);
        }
        else
        {
            startUrl = Required(profile, profile, "sso_start_url");
            region = Required(profile, profile, "sso_region");
        }

        try
        {
            AwsEndpoints.ValidateRegion(region);
        }
        catch (ArgumentException)
        {
            var place = (sessionName is null ? profile : files.GetSsoSession(sessionName)!).TryGet("sso_region")!;
            throw ProfileCredentialsSource.Error(profile, place, "sso_region '" + region + "' is not a region name");
        }

        var cacheFile = SsoTokenCache.PathFor(environment, sessionName ?? startUrl) ?? throw new AwsConfigurationException(
            "The profile '" + profile.Name + "' uses IAM Identity Center, whose token cache is under ~/.aws/sso/cache, but no home directory is known (HOME is not set).");
        return new SsoCredentialsSource(environment, services, profile.Name, sessionName, startUrl, region, account, role, cacheFile);
    }

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">There is no usable token (the message says to run <c>aws sso login</c>), or IAM Identity Center refused.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var accessToken = await GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        GetRoleCredentialsResponse response;
        using (var client = new SSOClient(ClientOptions(services.SsoServiceUrl)))
        {
            try
            {
                response = await client.GetRoleCredentialsAsync(new GetRoleCredentials(roleName, accountId, accessToken), cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedException e)
            {
                throw new AwsCredentialsException(
                    "IAM Identity Center refused the cached access token of profile '" + profileName + "' (it expired or was revoked). " + LoginHint(), e);
            }
            catch (AwsServiceException e)
            {
                throw new AwsCredentialsException(
                    "IAM Identity Center GetRoleCredentials failed for role '" + roleName + "' in account " + accountId + " (profile '" + profileName + "'): "
                    + e.ErrorCode + " (HTTP " + e.StatusCode.ToString(CultureInfo.InvariantCulture) + ").", e);
            }
        }

        var role = response.RoleCredentials;
        if (role is null || string.IsNullOrEmpty(role.AccessKeyId) || string.IsNullOrEmpty(role.SecretAccessKey))
        {
            throw new AwsCredentialsException("IAM Identity Center GetRoleCredentials returned no credentials for profile '" + profileName + "'.");
        }

        DateTimeOffset? expiration = role.Expiration is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
        return new AwsCredentials(role.AccessKeyId, role.SecretAccessKey, role.SessionToken, expiration, accountId);
    }

    /// <summary>Names the profile and role; never a token.</summary>
    public override string ToString() => "SsoCredentialsSource(" + profileName + ", " + accountId + "/" + roleName + ")";

    private async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        // One renewal at a time: a renewal rotates the refresh token, so two at once would race on the cache file.
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var token = SsoTokenCache.Read(cacheFile) ?? throw new AwsCredentialsException(
                "No IAM Identity Center sign-in for profile '" + profileName + "': the token cache file '" + cacheFile + "' does not exist. " + LoginHint());
            var now = environment.TimeProvider.GetUtcNow();
            if (now < token.ExpiresAt - TokenRefreshAhead)
            {
                return token.AccessToken;
            }

            if (sessionName is not null && CanRenew(token, now))
            {
                try
                {
                    return await RenewAsync(token, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsCredentialsException) when (now < token.ExpiresAt)
                {
                    return token.AccessToken; // renewing failed, but the token still works for a while
                }
            }

            if (now < token.ExpiresAt)
            {
                return token.AccessToken;
            }

            throw new AwsCredentialsException(
                "The IAM Identity Center sign-in of profile '" + profileName + "' expired at " + SsoTokenCache.FormatTime(token.ExpiresAt)
                + (sessionName is null ? string.Empty : " and cannot be renewed") + ". " + LoginHint());
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool CanRenew(SsoToken token, DateTimeOffset now) =>
        token.RefreshToken is not null && token.ClientId is not null && token.ClientSecret is not null
        && (token.RegistrationExpiresAt is not { } registration || now < registration);

    private async Task<string> RenewAsync(SsoToken token, CancellationToken cancellationToken)
    {
        CreateTokenResponse response;
        using (var client = new SSOOIDCClient(ClientOptions(services.SsoOidcServiceUrl)))
        {
            try
            {
                response = await client.CreateTokenAsync(
                    new CreateToken(token.ClientId!, token.ClientSecret!, "refresh_token") { RefreshToken = token.RefreshToken },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e)
            {
                throw new AwsCredentialsException(
                    "IAM Identity Center could not renew the sign-in of sso-session '" + sessionName + "': " + e.ErrorCode
                    + " (HTTP " + e.StatusCode.ToString(CultureInfo.InvariantCulture) + "). " + LoginHint(), e);
            }
        }

        if (string.IsNullOrEmpty(response.AccessToken) || response.ExpiresIn is not > 0)
        {
            throw new AwsCredentialsException("IAM Identity Center renewed the sign-in of sso-session '" + sessionName + "' without an access token or expiry. " + LoginHint());
        }

        var renewed = token with
        {
            AccessToken = response.AccessToken,
            ExpiresAt = environment.TimeProvider.GetUtcNow().AddSeconds(response.ExpiresIn.Value),
            RefreshToken = response.RefreshToken ?? token.RefreshToken,
        };
        SsoTokenCache.Write(cacheFile, renewed);
        return renewed.AccessToken;
    }

    private AwsClientOptions ClientOptions(Uri? serviceUrl) => new()
    {
        Region = ssoRegion,
        ServiceUrl = serviceUrl,
        HttpClient = services.HttpClient,
        TimeProvider = environment.TimeProvider,
        Credentials = UnsignedCalls.Instance,
    };

    private string LoginHint() =>
        "Run 'aws sso login " + (sessionName is null ? "--profile " + profileName : "--sso-session " + sessionName) + "' to sign in (start URL " + startUrl + ").";

    private static string Required(AwsConfigSection profile, AwsConfigSection section, string name)
    {
        var value = section.TryGet(name);
        if (value is null || value.Value.Length == 0)
        {
            var where = ReferenceEquals(profile, section) ? "the profile" : "[sso-session " + section.Name + "]";
            throw value is null
                ? new AwsConfigurationException("profile '" + profile.Name + "': " + name + " is missing from " + where + " (IAM Identity Center needs it).")
                : ProfileCredentialsSource.Error(profile, value, name + " is empty");
        }

        return value.Value;
    }

    private static void Same(AwsConfigSection profile, string name, string sessionValue, string sessionName)
    {
        if (profile.TryGet(name) is { } own && own.Value.Length > 0 && !string.Equals(own.Value, sessionValue, StringComparison.Ordinal))
        {
            throw ProfileCredentialsSource.Error(profile, own, name + " differs from the one of [sso-session " + sessionName + "]");
        }
    }

    /// <summary>The SSO calls are unsigned (the access token authorises them): a client that asks for credentials is a bug.</summary>
    private sealed class UnsignedCalls : IAwsCredentialsSource
    {
        public static readonly UnsignedCalls Instance = new();

        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The IAM Identity Center calls are not signed.");
    }
}

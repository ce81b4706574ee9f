using System;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// The credential chain every AWS SDK uses, and what a client uses when it is given no credentials. The first link
/// that is configured is used, and its errors are reported (a broken setting is not skipped in favour of a later link):
/// <list type="number">
/// <item>environment: <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c> (read on every call);</item>
/// <item>web identity: <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> with <c>AWS_ROLE_ARN</c> (STS AssumeRoleWithWebIdentity);</item>
/// <item>the shared config and credentials files: the profile named explicitly, else by <c>AWS_PROFILE</c>, else
/// <c>default</c>, when it sets a way to get credentials (see <see cref="ProfileCredentialsSource"/>); a profile that
/// is named but not defined is an error, a <c>default</c> that is missing or only sets a region is skipped;</item>
/// <item>container credentials: <c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c> or <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>
/// (see <see cref="ContainerCredentialsSource"/>);</item>
/// <item>the EC2 instance metadata service (IMDSv2), unless <c>AWS_EC2_METADATA_DISABLED</c> is true.</item>
/// </list>
/// The link is chosen on first use and kept. Temporary credentials are cached and refreshed ahead of their expiry,
/// one refresh at a time (<see cref="CachingCredentialsSource"/>).
/// </summary>
public sealed class DefaultCredentialsChain : IAwsCredentialsSource, IDisposable
{
    private static readonly string[] CredentialSettings =
    {
        "role_arn", "sso_session", "sso_start_url", "sso_account_id", "aws_access_key_id", "aws_secret_access_key", "credential_process",
    };

    private readonly AwsEnvironment environment;
    private readonly string? profileName;
    private readonly ProfileServices services;
    private readonly object gate = new();
    private IAwsCredentialsSource? selected;

    /// <summary>Creates the chain.</summary>
    /// <param name="profileName">The profile to read; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="environment">Where variables and files are read; <see langword="null"/> is <see cref="AwsEnvironment.Process"/>.</param>
    public DefaultCredentialsChain(string? profileName = null, AwsEnvironment? environment = null)
        : this(environment ?? AwsEnvironment.Process, profileName, ProfileServices.Default)
    {
    }

    internal DefaultCredentialsChain(AwsEnvironment environment, string? profileName, ProfileServices services)
    {
        this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
        this.profileName = string.IsNullOrWhiteSpace(profileName) ? null : profileName.Trim();
        this.services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>The link in use (wrapped in its cache), or <see langword="null"/> before the first successful selection.</summary>
    public IAwsCredentialsSource? Selected => Volatile.Read(ref selected);

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">No link is configured, or the configured one fails.</exception>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var source = Volatile.Read(ref selected);
        if (source is null)
        {
            lock (gate)
            {
                // Not cached when it throws: the next call looks again (e.g. after the file is fixed).
                source = selected ??= Select();
            }
        }

        return source.GetCredentialsAsync(cancellationToken);
    }

    /// <summary>Releases the HTTP connections of the container or instance metadata link.</summary>
    public void Dispose()
    {
        var source = Volatile.Read(ref selected);
        if ((source is CachingCredentialsSource cache ? cache.Inner : source) is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    /// <summary>Names the link in use, never a value.</summary>
    public override string ToString() => "DefaultCredentialsChain(" + (Selected?.ToString() ?? "not yet selected") + ")";

    private IAwsCredentialsSource Select()
    {
        if (environment.GetVariable(EnvironmentCredentialsSource.AccessKeyIdVariable) is not null
            || environment.GetVariable(EnvironmentCredentialsSource.SecretAccessKeyVariable) is not null)
        {
            return new EnvironmentCredentialsSource(environment.GetVariable); // not cached: rotated variables are seen
        }

        if (WebIdentityCredentialsSource.FromEnvironment(environment, services.Sts, ProfileServices.StsRegion(environment, null)) is { } webIdentity)
        {
            return Cached(webIdentity);
        }

        AwsSharedConfig files;
        try
        {
            files = AwsSharedConfig.Load(environment);
        }
        catch (AwsConfigurationException e)
        {
            throw new AwsCredentialsException("No AWS credentials: " + e.Message, e);
        }

        var name = AwsSharedConfig.SelectProfileName(environment, profileName);
        var named = profileName is not null || environment.GetVariable(AwsSharedConfig.ProfileVariable) is not null;
        var profile = files.GetProfile(name);
        if (profile is null && named)
        {
            throw new AwsCredentialsException(
                "No AWS credentials: the profile '" + name + "'" + (profileName is null ? " (named by " + AwsSharedConfig.ProfileVariable + ")" : string.Empty)
                + " is not defined in " + (files.ConfigFilePath ?? "the config file") + " or " + (files.CredentialsFilePath ?? "the credentials file") + ".");
        }

        if (profile is not null && Array.Exists(CredentialSettings, profile.Contains))
        {
            return Cached(new ProfileCredentialsSource(environment, files, name, services));
        }

        if (ContainerCredentialsSource.FromEnvironment(environment, services.EcsEndpoint) is { } container)
        {
            return Cached(container);
        }

        var instance = InstanceMetadataCredentialsSource.FromEnvironment(environment, profile);
        if (instance.Enabled)
        {
            return Cached(instance);
        }

        throw new AwsCredentialsException(
            "No AWS credentials: none of the environment variables " + EnvironmentCredentialsSource.AccessKeyIdVariable + ", "
            + WebIdentityCredentialsSource.TokenFileVariable + ", " + ContainerCredentialsSource.RelativeUriVariable + " or "
            + ContainerCredentialsSource.FullUriVariable + " is set, the profile '" + name + "' gives none, and the instance metadata service is disabled "
            + "(AWS_EC2_METADATA_DISABLED). Set credentials in one of these places, or pass AwsClientOptions.Credentials.");
    }

    private CachingCredentialsSource Cached(IAwsCredentialsSource link) => new(link, environment.TimeProvider);
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// The credentials a profile of the shared config files describes. A profile gives them one way, the first of:
/// <list type="number">
/// <item><c>role_arn</c>: STS AssumeRole with the credentials of <c>source_profile</c> (itself resolved this way,
/// so roles chain) or of <c>credential_source</c> (<c>Environment</c>, <c>Ec2InstanceMetadata</c>,
/// <c>EcsContainer</c>), or AssumeRoleWithWebIdentity with <c>web_identity_token_file</c>;</item>
/// <item><c>sso_session</c> (an <c>[sso-session]</c> section) or the legacy <c>sso_start_url</c>: IAM Identity
/// Center, with the token that <c>aws sso login</c> cached under <c>~/.aws/sso/cache</c>;</item>
/// <item><c>aws_access_key_id</c> and <c>aws_secret_access_key</c> (and <c>aws_session_token</c>);</item>
/// <item><c>credential_process</c>: an external command (<see cref="ProcessCredentialsSource"/>).</item>
/// </list>
/// The profile is read once, on first use; errors name the file and line at fault.
/// </summary>
public sealed class ProfileCredentialsSource : IAwsCredentialsSource
{
    private readonly AwsEnvironment environment;
    private readonly string profileName;
    private readonly AwsSharedConfig? config;
    private readonly ProfileServices services;
    private readonly object gate = new();
    private IAwsCredentialsSource? resolved;

    /// <summary>Reads profile <paramref name="profileName"/> (or <c>AWS_PROFILE</c>, or <c>default</c>) of the environment's files.</summary>
    /// <param name="profileName">The profile; <see langword="null"/> selects as <see cref="AwsSharedConfig.SelectProfileName"/> does.</param>
    /// <param name="environment">Where the files and variables are; <see langword="null"/> is <see cref="AwsEnvironment.Process"/>.</param>
    public ProfileCredentialsSource(string? profileName = null, AwsEnvironment? environment = null)
        : this(environment ?? AwsEnvironment.Process, null, profileName, ProfileServices.Default)
    {
    }

    internal ProfileCredentialsSource(AwsEnvironment environment, AwsSharedConfig? config, string? profileName, ProfileServices services)
    {
        this.environment = environment;
        this.config = config;
        this.services = services;
        this.profileName = AwsSharedConfig.SelectProfileName(environment, profileName);
    }

    /// <summary>The profile read.</summary>
    public string ProfileName => profileName;

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The profile is missing, malformed, or its way of getting credentials fails.</exception>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IAwsCredentialsSource source;
        lock (gate)
        {
            source = resolved ??= Resolve();
        }

        return source.GetCredentialsAsync(cancellationToken);
    }

    /// <summary>Names the profile.</summary>
    public override string ToString() => "ProfileCredentialsSource(" + profileName + ")";

    private IAwsCredentialsSource Resolve()
    {
        AwsSharedConfig files;
        try
        {
            files = config ?? AwsSharedConfig.Load(environment);
        }
        catch (AwsConfigurationException e)
        {
            throw new AwsCredentialsException("No AWS credentials from profile '" + profileName + "': " + e.Message, e);
        }

        return ForProfile(files, profileName, new List<string>());
    }

    /// <summary>The source of one profile; <paramref name="visited"/> holds the profiles above it in a role chain.</summary>
    private IAwsCredentialsSource ForProfile(AwsSharedConfig files, string name, List<string> visited)
    {
        var profile = files.GetProfile(name) ?? throw new AwsCredentialsException(
            "The profile '" + name + "' is not defined in " + (files.ConfigFilePath ?? "the config file") + " or " + (files.CredentialsFilePath ?? "the credentials file")
            + (visited.Count > 0 ? " (it is the source_profile of '" + visited[visited.Count - 1] + "')." : "."));
        visited.Add(name);
        try
        {
            if (profile.TryGet("role_arn") is { } roleArn)
            {
                return AssumeRole(files, profile, roleArn, visited);
            }

            if (profile.TryGet("sso_session") is not null || profile.TryGet("sso_start_url") is not null)
            {
                return SsoCredentialsSource.FromProfile(environment, files, profile, services);
            }

            if (profile.TryGet("aws_access_key_id") is not null || profile.TryGet("aws_secret_access_key") is not null)
            {
                return StaticKeys(profile);
            }

            if (profile.TryGet("credential_process") is { } process)
            {
                if (process.Value.Length == 0)
                {
                    throw Error(profile, process, "credential_process is empty");
                }

                return new ProcessCredentialsSource(process.Value, "credential_process of profile '" + profile.Name + "' (" + process + ")", services.ProcessTimeout);
            }
        }
        catch (AwsConfigurationException e)
        {
            throw new AwsCredentialsException("No AWS credentials from profile '" + name + "': " + e.Message, e);
        }

        throw new AwsCredentialsException(
            "The profile '" + name + "' gives no credentials: it sets none of role_arn, sso_session, sso_start_url, aws_access_key_id or credential_process.");
    }

    private IAwsCredentialsSource AssumeRole(AwsSharedConfig files, AwsConfigSection profile, AwsConfigValue roleArn, List<string> visited)
    {
        var sourceProfile = profile.TryGet("source_profile");
        var credentialSource = profile.TryGet("credential_source");
        var tokenFile = profile.TryGet("web_identity_token_file");
        var count = (sourceProfile is null ? 0 : 1) + (credentialSource is null ? 0 : 1) + (tokenFile is null ? 0 : 1);
        if (count != 1)
        {
            throw Error(profile, roleArn, "role_arn needs exactly one of source_profile, credential_source and web_identity_token_file");
        }

        var role = RoleSettings.FromProfile(profile, roleArn, environment.TimeProvider);
        if (tokenFile is not null)
        {
            return services.WebIdentity(environment, role, environment.ExpandPath(tokenFile.Value), profile);
        }

        IAwsCredentialsSource source;
        if (sourceProfile is not null)
        {
            var target = sourceProfile.Value;
            if (target == profile.Name)
            {
                // A profile that names itself as the source uses its own static keys (a pattern the AWS CLI allows).
                source = StaticKeys(profile);
            }
            else if (visited.Contains(target))
            {
                throw Error(profile, sourceProfile, "source_profile makes a loop: " + string.Join(" -> ", visited) + " -> " + target);
            }
            else
            {
                source = ForProfile(files, target, visited);
            }
        }
        else
        {
            source = credentialSource!.Value switch
            {
                "Environment" => new EnvironmentCredentialsSource(environment.GetVariable),
                "Ec2InstanceMetadata" => InstanceMetadataCredentialsSource.FromEnvironment(environment, profile),
                "EcsContainer" => ContainerCredentialsSource.FromEnvironment(environment, services.EcsEndpoint)
                    ?? throw Error(profile, credentialSource, "credential_source is EcsContainer, but neither " + ContainerCredentialsSource.RelativeUriVariable + " nor " + ContainerCredentialsSource.FullUriVariable + " is set"),
                _ => throw Error(profile, credentialSource, "credential_source must be Environment, Ec2InstanceMetadata or EcsContainer, not '" + credentialSource.Value + "'"),
            };
        }

        return services.AssumeRole(environment, role, source, profile);
    }

    private static StaticCredentialsSource StaticKeys(AwsConfigSection profile)
    {
        var keyId = profile.TryGet("aws_access_key_id");
        var secret = profile.TryGet("aws_secret_access_key");
        if (keyId is null || keyId.Value.Length == 0)
        {
            throw Error(profile, secret ?? keyId!, "aws_access_key_id is missing or empty");
        }

        if (secret is null || secret.Value.Length == 0)
        {
            throw Error(profile, keyId, "aws_secret_access_key is missing or empty");
        }

        return new StaticCredentialsSource(new AwsCredentials(keyId.Value, secret.Value, profile["aws_session_token"], accountId: profile["aws_account_id"]));
    }

    internal static AwsConfigurationException Error(AwsConfigSection profile, AwsConfigValue place, string message) =>
        new("profile '" + profile.Name + "': " + message + ".", place.FilePath, place.Line);
}

using System;
using System.Threading;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Credentials;

namespace Codegen.Runtime.Configuration;

/// <summary>
/// The region chain every AWS SDK uses, and what a client uses when it is given no region: an explicit region, then
/// <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the profile's <c>region</c> (the profile named explicitly,
/// else by <c>AWS_PROFILE</c>, else <c>default</c>), then the EC2 instance metadata service
/// (<c>/latest/meta-data/placement/region</c>, IMDSv2, unless <c>AWS_EC2_METADATA_DISABLED</c> is true).
/// </summary>
public static class DefaultRegionChain
{
    /// <summary>The variable naming the region (checked first).</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>The variable naming the region when <see cref="RegionVariable"/> is unset.</summary>
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

    internal const string RegionPath = "latest/meta-data/placement/region";

    /// <summary>The region, or <see langword="null"/> when no link names one.</summary>
    /// <param name="explicitRegion">A region given in code; wins when set.</param>
    /// <param name="profileName">The profile to read; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="environment">Where variables and files are read; <see langword="null"/> is <see cref="AwsEnvironment.Process"/>.</param>
    /// <exception cref="AwsConfigurationException">A config file is malformed (the message names the file and line).</exception>
    public static string? Find(string? explicitRegion = null, string? profileName = null, AwsEnvironment? environment = null) =>
        FindWithSource(explicitRegion, profileName, environment ?? AwsEnvironment.Process).Region;

    /// <summary>The region and the link that named it (for messages).</summary>
    /// <param name="explicitRegion">The region given in code.</param>
    /// <param name="profileName">The profile to read, or <see langword="null"/> for the selected one.</param>
    /// <param name="environment">The environment.</param>
    /// <param name="askInstanceMetadata">Whether to ask IMDS last (a network call); <see langword="false"/> stops before it.</param>
    internal static (string? Region, string Source) FindWithSource(string? explicitRegion, string? profileName, AwsEnvironment environment, bool askInstanceMetadata = true)
    {
        if (!string.IsNullOrWhiteSpace(explicitRegion))
        {
            return (explicitRegion.Trim(), "the explicit region");
        }

        if (environment.GetVariable(RegionVariable) is { } region)
        {
            return (region, RegionVariable);
        }

        if (environment.GetVariable(DefaultRegionVariable) is { } defaultRegion)
        {
            return (defaultRegion, DefaultRegionVariable);
        }

        var files = AwsSharedConfig.Load(environment);
        var name = AwsSharedConfig.SelectProfileName(environment, profileName);
        var profile = files.GetProfile(name);
        if (profile?["region"] is { } profileRegion)
        {
            return (profileRegion, "the region of profile '" + name + "' (" + profile.TryGet("region") + ")");
        }

        if (!askInstanceMetadata)
        {
            return (null, "nowhere without asking the instance metadata service");
        }

        var options = InstanceMetadataOptions.FromEnvironment(environment, profile);
        if (!options.Enabled)
        {
            return (null, "nowhere");
        }

        using var client = new InstanceMetadataClient(options, environment.TimeProvider);
        try
        {
            // Synchronous: a client's constructor asks. The options bound the time (1 second by default).
            var text = client.GetAsync(RegionPath, synchronous: true, CancellationToken.None).AsTask().GetAwaiter().GetResult().Trim();
            return (text.Length == 0 ? null : text, "the instance metadata service");
        }
        catch (AwsCredentialsException)
        {
            return (null, "nowhere"); // not on EC2, or IMDS is off: there is no region to find
        }
    }
}

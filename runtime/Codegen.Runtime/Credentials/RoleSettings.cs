using System;
using System.Globalization;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// The role a profile or the environment asks STS to assume: its ARN, the session name, and the optional external
/// id and session duration (<c>role_arn</c>, <c>role_session_name</c>, <c>external_id</c>, <c>duration_seconds</c>).
/// </summary>
/// <param name="RoleArn">The role's ARN, e.g. <c>arn:aws:iam::123456789012:role/deploy</c>.</param>
/// <param name="SessionName">The role session name (shows in CloudTrail).</param>
public sealed record RoleSettings(string RoleArn, string SessionName)
{
    /// <summary>The external id the role's trust policy asks for, or <see langword="null"/>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>How long the role's credentials should last (STS allows 15 minutes to the role's maximum), or <see langword="null"/> for STS's default of one hour.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>A session name for when none is configured: unique enough per process, and valid for STS (letters, digits and <c>=,.@-</c>).</summary>
    internal static string DefaultSessionName(TimeProvider timeProvider) =>
        "codegen-" + timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the role of a profile (whose <c>role_arn</c> is <paramref name="roleArn"/>).</summary>
    /// <exception cref="AwsConfigurationException">A setting is malformed, or the profile needs an MFA code.</exception>
    internal static RoleSettings FromProfile(AwsConfigSection profile, AwsConfigValue roleArn, TimeProvider timeProvider)
    {
        if (!roleArn.Value.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw ProfileCredentialsSource.Error(profile, roleArn, "role_arn must be a role ARN (arn:aws:iam::<account>:role/<name>)");
        }

        if (profile.TryGet("mfa_serial") is { } mfa)
        {
            // Assuming the role needs a code typed by a person: nothing a library call can supply.
            throw ProfileCredentialsSource.Error(profile, mfa, "mfa_serial is not supported (it needs an MFA code typed in); use a profile without it, or credential_process with a tool that prompts");
        }

        TimeSpan? duration = null;
        if (profile.TryGet("duration_seconds") is { } durationValue)
        {
            if (!int.TryParse(durationValue.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 900 || seconds > 43200)
            {
                throw ProfileCredentialsSource.Error(profile, durationValue, "duration_seconds must be a whole number from 900 to 43200");
            }

            duration = TimeSpan.FromSeconds(seconds);
        }

        return new RoleSettings(roleArn.Value, profile["role_session_name"] ?? DefaultSessionName(timeProvider))
        {
            ExternalId = profile["external_id"],
            Duration = duration,
        };
    }
}

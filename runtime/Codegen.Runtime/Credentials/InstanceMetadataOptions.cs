using System;
using System.Globalization;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// How to reach the EC2 instance metadata service (IMDS): its endpoint, the time one request may take, how many
/// attempts, and whether IMDSv1 (no session token) may be used when IMDSv2 does not answer.
/// <see cref="FromEnvironment"/> reads the settings the AWS SDKs share.
/// </summary>
public sealed record InstanceMetadataOptions
{
    /// <summary>The IPv4 endpoint.</summary>
    public static readonly Uri IPv4Endpoint = new("http://169.254.169.254/");

    /// <summary>The IPv6 endpoint.</summary>
    public static readonly Uri IPv6Endpoint = new("http://[fd00:ec2::254]/");

    /// <summary>Whether the service may be asked at all (<c>AWS_EC2_METADATA_DISABLED</c> turns it off). Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The endpoint. Default <see cref="IPv4Endpoint"/>.</summary>
    public Uri Endpoint { get; init; } = IPv4Endpoint;

    /// <summary>The time one request may take, connecting included. Default 1 second.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per request (a timeout or a 5xx answer is tried again). Default 1.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// Whether to fall back to IMDSv1 (requests without a session token) when the token request fails with 404, 405 or
    /// a timeout. Default false: IMDSv1 is off unless asked for (<c>AWS_EC2_METADATA_V1_DISABLED=false</c> or
    /// <c>ec2_metadata_v1_disabled = false</c> asks for it).
    /// </summary>
    public bool AllowV1Fallback { get; init; }

    /// <summary>The lifetime asked for the IMDSv2 session token. Default 6 hours.</summary>
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// The settings from the environment and the profile: <c>AWS_EC2_METADATA_DISABLED</c>,
    /// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> / <c>ec2_metadata_service_endpoint</c>,
    /// <c>AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE</c> / <c>ec2_metadata_service_endpoint_mode</c> (<c>IPv4</c>, <c>IPv6</c>),
    /// <c>AWS_METADATA_SERVICE_TIMEOUT</c> / <c>metadata_service_timeout</c> (seconds),
    /// <c>AWS_METADATA_SERVICE_NUM_ATTEMPTS</c> / <c>metadata_service_num_attempts</c> and
    /// <c>AWS_EC2_METADATA_V1_DISABLED</c> / <c>ec2_metadata_v1_disabled</c>. Variables win over the profile.
    /// </summary>
    /// <exception cref="AwsConfigurationException">A setting is malformed.</exception>
    public static InstanceMetadataOptions FromEnvironment(AwsEnvironment environment, AwsConfigSection? profile)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new InstanceMetadataOptions();
        if (environment.GetBoolean("AWS_EC2_METADATA_DISABLED") == true)
        {
            options = options with { Enabled = false };
        }

        var endpoint = environment.GetVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? profile?["ec2_metadata_service_endpoint"];
        var mode = environment.GetVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE") ?? profile?["ec2_metadata_service_endpoint_mode"];
        if (endpoint is not null)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new AwsConfigurationException("The instance metadata endpoint '" + endpoint + "' is not an absolute http or https URL.");
            }

            options = options with { Endpoint = uri };
        }
        else if (mode is not null)
        {
            options = options with
            {
                Endpoint = mode.ToUpperInvariant() switch
                {
                    "IPV4" => IPv4Endpoint,
                    "IPV6" => IPv6Endpoint,
                    _ => throw new AwsConfigurationException("The instance metadata endpoint mode must be IPv4 or IPv6, not '" + mode + "'."),
                },
            };
        }

        if ((environment.GetVariable("AWS_METADATA_SERVICE_TIMEOUT") ?? profile?["metadata_service_timeout"]) is { } timeout)
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
            {
                throw new AwsConfigurationException("The metadata service timeout must be a positive number of seconds, not '" + timeout + "'.");
            }

            options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
        }

        if ((environment.GetVariable("AWS_METADATA_SERVICE_NUM_ATTEMPTS") ?? profile?["metadata_service_num_attempts"]) is { } attempts)
        {
            if (!int.TryParse(attempts, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 10)
            {
                throw new AwsConfigurationException("The metadata service attempts must be a whole number from 1 to 10, not '" + attempts + "'.");
            }

            options = options with { Attempts = count };
        }

        var v1Disabled = environment.GetBoolean("AWS_EC2_METADATA_V1_DISABLED") ?? profile?.GetBoolean("ec2_metadata_v1_disabled");
        if (v1Disabled == false)
        {
            options = options with { AllowV1Fallback = true };
        }

        return options;
    }
}

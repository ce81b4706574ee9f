using System;
using System.Globalization;
using Codegen.Runtime.Client;
using Codegen.Runtime.Configuration;
using Microsoft.Extensions.Configuration;

namespace Codegen.Extensions.DependencyInjection;

/// <summary>
/// Reads client settings from a configuration section, key by key (no reflection binder: trimming- and AOT-safe), with
/// the AWS SDK for .NET's key names accepted beside this library's: the <c>AWS</c> section first, then the client's own
/// <c>AWS:Clients:{Name}</c> section over it. Keys are case-insensitive; keys this library does not know are ignored
/// (an <c>AWS</c> section written for the AWS SDK keeps working). docs/dependency-injection.md lists every key.
/// </summary>
public static class AwsConfiguration
{
    /// <summary>The section every client reads: <c>AWS</c>, as the AWS SDK for .NET's <c>GetAWSOptions()</c> does.</summary>
    public const string SectionName = "AWS";

    /// <summary>The subsection of <see cref="SectionName"/> holding one subsection per client, by client name: <c>Clients</c>.</summary>
    public const string ClientsSectionName = "Clients";

    /// <summary>
    /// Applies the settings of <paramref name="configuration"/>'s <c>AWS</c> section, then of its
    /// <c>AWS:Clients:{clientName}</c> section, to <paramref name="options"/>.
    /// </summary>
    /// <param name="configuration">The configuration root (or any configuration holding an <c>AWS</c> section).</param>
    /// <param name="clientName">The client's name (<see cref="AwsClientNames.For{TClient}"/>).</param>
    /// <param name="options">The options to change.</param>
    /// <exception cref="AwsConfigurationException">A value cannot be read (the message names its key and why).</exception>
    public static void Apply(IConfiguration configuration, string clientName, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(clientName);
        ArgumentNullException.ThrowIfNull(options);
        var aws = configuration.GetSection(SectionName);
        ApplySection(aws, options);
        ApplySection(aws.GetSection(ClientsSectionName).GetSection(clientName), options);
    }

    /// <summary>Applies the keys of one section (its own keys and its <c>S3</c> subsection) to <paramref name="options"/>.</summary>
    /// <exception cref="AwsConfigurationException">A value cannot be read.</exception>
    public static void ApplySection(IConfigurationSection section, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        if (Text(section, "Region") is { } region)
        {
            options.Region = region;
        }

        if (Text(section, "Profile") is { } profile)
        {
            options.Profile = profile;
        }

        if (Text(section, "ServiceURL", "ServiceUrl") is { } serviceUrl)
        {
            options.ServiceUrl = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw Invalid(section, "ServiceURL", "is not an absolute http or https URL");
        }

        if (Boolean(section, "UseFIPSEndpoint", "UseFips") is { } fips)
        {
            options.UseFips = fips;
        }

        if (Boolean(section, "UseDualstackEndpoint", "UseDualStack") is { } dualStack)
        {
            options.UseDualStack = dualStack;
        }

        if (Boolean(section, "UseGlobalEndpoint") is { } global)
        {
            options.UseGlobalEndpoint = global;
        }

        if (Text(section, "AccountIdEndpointMode") is { } accountIdMode)
        {
            options.AccountIdEndpointMode = accountIdMode;
        }

        if (Text(section, "RetryMode") is { } retryMode && !retryMode.Equals("standard", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(section, "RetryMode", "is '" + retryMode + "'; only 'standard' is supported");
        }

        if (Integer(section, "MaxErrorRetry") is { } retries)
        {
            options.MaxAttempts = retries >= 0 ? retries + 1 : throw Invalid(section, "MaxErrorRetry", "must not be negative");
        }

        if (Integer(section, "MaxAttempts") is { } attempts)
        {
            options.MaxAttempts = attempts >= 1 ? attempts : throw Invalid(section, "MaxAttempts", "must be at least 1");
        }

        if (Text(section, "Timeout", "AttemptTimeout") is not null)
        {
            options.AttemptTimeout = Duration(section, "Timeout", "AttemptTimeout");
        }

        if (Text(section, "ConnectTimeout") is not null)
        {
            options.ConnectTimeout = Duration(section, "ConnectTimeout") ?? System.Threading.Timeout.InfiniteTimeSpan;
        }

        if (Text(section, "RetryBaseDelay") is not null)
        {
            options.RetryBaseDelay = Duration(section, "RetryBaseDelay") ?? throw Invalid(section, "RetryBaseDelay", "cannot be infinite");
        }

        if (Text(section, "MaxBackoff") is not null)
        {
            options.MaxBackoff = Duration(section, "MaxBackoff") ?? throw Invalid(section, "MaxBackoff", "cannot be infinite");
        }

        if (Integer(section, "RetryQuotaCapacity") is { } quota)
        {
            options.RetryQuotaCapacity = quota;
        }

        if (Text(section, "MaxResponseBodyBytes") is { } maxBody)
        {
            options.MaxResponseBodyBytes = long.TryParse(maxBody, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                ? bytes
                : throw Invalid(section, "MaxResponseBodyBytes", "is not a whole number of bytes");
        }

        if (Text(section, "AppId") is { } appId)
        {
            options.AppId = appId;
        }

        var s3 = section.GetSection("S3");
        if (s3.Exists())
        {
            var settings = (options.S3 ?? new S3Options()) with { };
            settings.ForcePathStyle = Boolean(s3, "ForcePathStyle") ?? settings.ForcePathStyle;
            settings.UseAccelerateEndpoint = Boolean(s3, "UseAccelerateEndpoint") ?? settings.UseAccelerateEndpoint;
            settings.UseArnRegion = Boolean(s3, "UseArnRegion") ?? settings.UseArnRegion;
            settings.DisableMultiRegionAccessPoints = Boolean(s3, "DisableMultiRegionAccessPoints") ?? settings.DisableMultiRegionAccessPoints;
            settings.DisableS3ExpressSessionAuth = Boolean(s3, "DisableS3ExpressSessionAuth") ?? settings.DisableS3ExpressSessionAuth;
            options.S3 = settings;
        }
    }

    private static string? Text(IConfigurationSection section, params string[] keys)
    {
        foreach (var key in keys)
        {
            var value = section[key];
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    private static bool? Boolean(IConfigurationSection section, params string[] keys)
    {
        var value = Text(section, keys);
        return value is null ? null
            : bool.TryParse(value, out var flag) ? flag
            : throw Invalid(section, keys[0], "is '" + value + "', not true or false");
    }

    private static int? Integer(IConfigurationSection section, string key)
    {
        var value = Text(section, key);
        return value is null ? null
            : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
            : throw Invalid(section, key, "is '" + value + "', not a whole number");
    }

    /// <summary>
    /// A time span as <c>[d.]hh:mm:ss[.fffffff]</c> (what the configuration binder reads), or <c>infinite</c> for none
    /// (<see langword="null"/>). A bare number is refused: the binder would read <c>5</c> as five days.
    /// </summary>
    private static TimeSpan? Duration(IConfigurationSection section, params string[] keys)
    {
        var value = Text(section, keys)!;
        if (value.Equals("infinite", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw Invalid(section, keys[0], "is '" + value + "'; write a time span as hh:mm:ss (e.g. 00:00:05 for 5 seconds) or 'infinite'");
    }

    private static AwsConfigurationException Invalid(IConfigurationSection section, string key, string problem) =>
        new(ConfigurationPath.Combine(section.Path, key) + " " + problem + ".");
}

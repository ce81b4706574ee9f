using System;
using System.Collections.Generic;
using System.IO;

namespace Codegen.Runtime.Configuration;

/// <summary>
/// The shared config and credentials files (<c>~/.aws/config</c> and <c>~/.aws/credentials</c>, or the files named
/// by <c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c>), read into profiles, <c>sso-session</c>
/// sections and <c>services</c> sections. A profile defined in both files has the properties of both; where both
/// set a property, the credentials file wins. A missing file counts as empty; a malformed one is an
/// <see cref="AwsConfigurationException"/> naming the file and line.
/// </summary>
public sealed class AwsSharedConfig
{
    /// <summary>The variable naming the config file.</summary>
    public const string ConfigFileVariable = "AWS_CONFIG_FILE";

    /// <summary>The variable naming the credentials file.</summary>
    public const string CredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";

    /// <summary>The variable naming the profile to use.</summary>
    public const string ProfileVariable = "AWS_PROFILE";

    /// <summary>The profile used when none is named.</summary>
    public const string DefaultProfileName = "default";

    internal const string ProfileKind = "profile";
    internal const string SsoSessionKind = "sso-session";
    internal const string ServicesKind = "services";

    /// <summary>Files larger than this are refused rather than read (a config file is a few kilobytes).</summary>
    internal const long MaximumFileBytes = 4 * 1024 * 1024;

    private readonly Dictionary<string, AwsConfigSection> profiles;
    private readonly Dictionary<string, AwsConfigSection> ssoSessions;
    private readonly Dictionary<string, AwsConfigSection> services;

    private AwsSharedConfig(
        string? configFilePath,
        string? credentialsFilePath,
        Dictionary<string, AwsConfigSection> profiles,
        Dictionary<string, AwsConfigSection> ssoSessions,
        Dictionary<string, AwsConfigSection> services)
    {
        ConfigFilePath = configFilePath;
        CredentialsFilePath = credentialsFilePath;
        this.profiles = profiles;
        this.ssoSessions = ssoSessions;
        this.services = services;
    }

    /// <summary>An empty configuration (no files).</summary>
    public static AwsSharedConfig Empty { get; } = Parse(null, null, null, null);

    /// <summary>The config file read (whether or not it exists), or <see langword="null"/> without a home directory.</summary>
    public string? ConfigFilePath { get; }

    /// <summary>The credentials file read (whether or not it exists), or <see langword="null"/> without a home directory.</summary>
    public string? CredentialsFilePath { get; }

    /// <summary>The names of the profiles defined.</summary>
    public IEnumerable<string> ProfileNames => profiles.Keys;

    /// <summary>Reads the two files of <paramref name="environment"/>.</summary>
    /// <exception cref="AwsConfigurationException">A file is malformed, too large or unreadable.</exception>
    public static AwsSharedConfig Load(AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configPath = environment.GetVariable(ConfigFileVariable) is { } configured
            ? environment.ExpandPath(configured)
            : environment.InAwsFolder("config");
        var credentialsPath = environment.GetVariable(CredentialsFileVariable) is { } configuredCredentials
            ? environment.ExpandPath(configuredCredentials)
            : environment.InAwsFolder("credentials");
        return Parse(ReadIfPresent(configPath), configPath, ReadIfPresent(credentialsPath), credentialsPath);
    }

    /// <summary>Reads the two files' texts (either may be <see langword="null"/> for a missing file).</summary>
    /// <exception cref="AwsConfigurationException">A text is malformed.</exception>
    public static AwsSharedConfig Parse(string? configText, string? configFilePath, string? credentialsText, string? credentialsFilePath)
    {
        var profiles = new Dictionary<string, AwsConfigSection>(StringComparer.Ordinal);
        var ssoSessions = new Dictionary<string, AwsConfigSection>(StringComparer.Ordinal);
        var services = new Dictionary<string, AwsConfigSection>(StringComparer.Ordinal);

        if (configText is not null)
        {
            // [profile default] wins over [default] in the config file: the plain one is used only when there is no other.
            var plainDefault = new AwsConfigSection(DefaultProfileName);
            var sawPrefixedDefault = false;
            var sawPlainDefault = false;
            ConfigFileParser.Parse(
                configText,
                configFilePath ?? "config",
                ConfigFileKind.Config,
                key =>
                {
                    if (IsPlainDefault(key))
                    {
                        sawPlainDefault = true;
                        return;
                    }

                    sawPrefixedDefault |= key.Kind == ProfileKind && key.Name == DefaultProfileName;
                    SectionOf(key, profiles, ssoSessions, services);
                },
                (key, name, value) => (IsPlainDefault(key) ? plainDefault : SectionOf(key, profiles, ssoSessions, services)).Set(name, value));
            if (sawPlainDefault && !sawPrefixedDefault)
            {
                profiles[DefaultProfileName] = plainDefault;
            }
        }

        if (credentialsText is not null)
        {
            ConfigFileParser.Parse(
                credentialsText,
                credentialsFilePath ?? "credentials",
                ConfigFileKind.Credentials,
                key => SectionOf(key, profiles, ssoSessions, services),
                (key, name, value) => SectionOf(key, profiles, ssoSessions, services).Set(name, value));
        }

        return new AwsSharedConfig(configFilePath, credentialsFilePath, profiles, ssoSessions, services);
    }

    /// <summary>
    /// The profile to use: <paramref name="explicitName"/> when given, else <c>AWS_PROFILE</c>, else <c>default</c>.
    /// </summary>
    public static string SelectProfileName(AwsEnvironment environment, string? explicitName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrWhiteSpace(explicitName) ? explicitName.Trim() : environment.GetVariable(ProfileVariable) ?? DefaultProfileName;
    }

    /// <summary>The profile named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public AwsConfigSection? GetProfile(string name) => profiles.TryGetValue(name, out var profile) ? profile : null;

    /// <summary>The <c>[sso-session name]</c> section, or <see langword="null"/>.</summary>
    public AwsConfigSection? GetSsoSession(string name) => ssoSessions.TryGetValue(name, out var section) ? section : null;

    /// <summary>The <c>[services name]</c> section (per-service settings such as <c>endpoint_url</c>), or <see langword="null"/>.</summary>
    public AwsConfigSection? GetServices(string name) => services.TryGetValue(name, out var section) ? section : null;

    /// <summary>The two paths only.</summary>
    public override string ToString() => "AwsSharedConfig(" + (ConfigFilePath ?? "no config file") + ", " + (CredentialsFilePath ?? "no credentials file") + ")";

    private static AwsConfigSection SectionOf(
        ConfigSectionKey key,
        Dictionary<string, AwsConfigSection> profiles,
        Dictionary<string, AwsConfigSection> ssoSessions,
        Dictionary<string, AwsConfigSection> services)
    {
        var map = key.Kind switch
        {
            ProfileKind => profiles,
            SsoSessionKind => ssoSessions,
            _ => services,
        };
        if (!map.TryGetValue(key.Name, out var section))
        {
            section = new AwsConfigSection(key.Name);
            map.Add(key.Name, section);
        }

        return section;
    }

    private static bool IsPlainDefault(ConfigSectionKey key) => key.Kind == ProfileKind && key.Name == DefaultProfileName && !key.Prefixed;

    private static string? ReadIfPresent(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > MaximumFileBytes)
            {
                throw new AwsConfigurationException("the file is larger than 4 MiB; it is not read.", path, 0);
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsConfigurationException("the file cannot be read (" + e.GetType().Name + ").", path, 0);
        }
    }
}

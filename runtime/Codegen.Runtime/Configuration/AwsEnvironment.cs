using System;
using System.IO;

namespace Codegen.Runtime.Configuration;

/// <summary>
/// Where the credential and region chains read their settings: environment variables, the home directory (for
/// <c>~/.aws/config</c>, <c>~/.aws/credentials</c> and <c>~/.aws/sso/cache</c>) and the clock.
/// <see cref="Process"/> is the real process; tests build one over a dictionary and a temporary home, so nothing
/// reads the machine's own files or variables.
/// </summary>
public sealed class AwsEnvironment
{
    private readonly Func<string, string?> getVariable;
    private readonly string? homeDirectory;

    /// <summary>Reads the process's environment variables; the home directory comes from them.</summary>
    public AwsEnvironment()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Reads variables through <paramref name="getVariable"/>; the home directory comes from them.</summary>
    /// <param name="getVariable">The value of the named variable, or <see langword="null"/>.</param>
    /// <param name="homeDirectory">
    /// The home directory; <see langword="null"/> takes <c>HOME</c>, then <c>USERPROFILE</c>, then
    /// <c>HOMEDRIVE</c> + <c>HOMEPATH</c> from the variables.
    /// </param>
    /// <param name="timeProvider">The clock for expiry checks; <see langword="null"/> is <see cref="TimeProvider.System"/>.</param>
    public AwsEnvironment(Func<string, string?> getVariable, string? homeDirectory = null, TimeProvider? timeProvider = null)
    {
        this.getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));
        this.homeDirectory = string.IsNullOrWhiteSpace(homeDirectory) ? null : homeDirectory;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The real process: its environment variables, its user's home directory and the system clock.</summary>
    public static AwsEnvironment Process { get; } = new();

    /// <summary>The clock expiry is measured with.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The value of a variable, trimmed; <see langword="null"/> when it is unset or blank.</summary>
    public string? GetVariable(string name)
    {
        var value = getVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// Whether a variable holds <c>true</c> (any case); <see langword="null"/> when it is unset.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The variable holds something other than <c>true</c> or <c>false</c>.</exception>
    public bool? GetBoolean(string name)
    {
        var value = GetVariable(name);
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        throw new AwsConfigurationException("The environment variable " + name + " must be 'true' or 'false', not '" + value + "'.");
    }

    /// <summary>The home directory, or <see langword="null"/> when none is known.</summary>
    public string? HomeDirectory
    {
        get
        {
            if (homeDirectory is not null)
            {
                return homeDirectory;
            }

            if (GetVariable("HOME") is { } home)
            {
                return home;
            }

            if (GetVariable("USERPROFILE") is { } profile)
            {
                return profile;
            }

            return GetVariable("HOMEDRIVE") is { } drive && GetVariable("HOMEPATH") is { } path ? drive + path : null;
        }
    }

    /// <summary>
    /// A path as a configuration file names it: a leading <c>~/</c> (or <c>~\</c>) is the home directory; a
    /// relative path stays relative to the working directory.
    /// </summary>
    public string ExpandPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            var home = HomeDirectory ?? throw new AwsConfigurationException(
                "The path '" + path + "' starts with '~', but no home directory is known (HOME is not set).");
            return path.Length <= 2 ? home : Path.Combine(home, path.Substring(2));
        }

        return path;
    }

    /// <summary>A path under the home directory's <c>.aws</c> folder, or <see langword="null"/> when there is no home.</summary>
    internal string? InAwsFolder(params string[] parts) =>
        HomeDirectory is { } home ? Path.Combine(home, ".aws", Path.Combine(parts)) : null;
}

using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Configuration;

/// <summary>A property of the shared config files: its value and where it was written (for error messages).</summary>
/// <param name="Value">The value, trimmed; continuation lines are joined with <c>\n</c>.</param>
/// <param name="FilePath">The file that set it (the credentials file wins over the config file).</param>
/// <param name="Line">The 1-based line of the property's name.</param>
public sealed record AwsConfigValue(string Value, string FilePath, int Line)
{
    private static readonly IReadOnlyDictionary<string, AwsConfigValue> NoSubProperties = new Dictionary<string, AwsConfigValue>();

    /// <summary>The <c>key = value</c> lines of an indented block under an empty property (<c>s3 =</c>), by name.</summary>
    public IReadOnlyDictionary<string, AwsConfigValue> SubProperties { get; internal init; } = NoSubProperties;

    /// <summary>The place only: the value may be a secret.</summary>
    public override string ToString() => FilePath + "(" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
}

/// <summary>
/// One section of the shared config files: a profile (<c>[profile name]</c> or <c>[default]</c> in the config file,
/// <c>[name]</c> in the credentials file, merged), an <c>[sso-session name]</c> or a <c>[services name]</c> section.
/// Property names are case-insensitive; the last definition of a property wins.
/// </summary>
public sealed class AwsConfigSection
{
    private readonly Dictionary<string, AwsConfigValue> properties = new(StringComparer.OrdinalIgnoreCase);

    internal AwsConfigSection(string name) => Name = name;

    /// <summary>The section's name, e.g. the profile name.</summary>
    public string Name { get; }

    /// <summary>The names of the properties set.</summary>
    public IEnumerable<string> PropertyNames => properties.Keys;

    /// <summary>A property's value, or <see langword="null"/> when it is not set or empty.</summary>
    public string? this[string name] => TryGet(name) is { } value && value.Value.Length > 0 ? value.Value : null;

    /// <summary>A property with its place, or <see langword="null"/> when it is not set.</summary>
    public AwsConfigValue? TryGet(string name) => properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the property is set (even to an empty value).</summary>
    public bool Contains(string name) => properties.ContainsKey(name);

    /// <summary>
    /// The sub-properties of a property written as an indented block (<c>s3 =</c> followed by <c>  key = value</c>
    /// lines), by name; empty when the property is not set.
    /// </summary>
    public IReadOnlyDictionary<string, AwsConfigValue> SubProperties(string name) =>
        TryGet(name)?.SubProperties ?? new Dictionary<string, AwsConfigValue>();

    /// <summary>A boolean property (<c>true</c> or <c>false</c>, any case); <see langword="null"/> when unset.</summary>
    /// <exception cref="AwsConfigurationException">The value is neither.</exception>
    public bool? GetBoolean(string name)
    {
        if (TryGet(name) is not { } value || value.Value.Length == 0)
        {
            return null;
        }

        return bool.TryParse(value.Value, out var flag)
            ? flag
            : throw new AwsConfigurationException("'" + name + "' in profile '" + Name + "' must be 'true' or 'false'.", value.FilePath, value.Line);
    }

    /// <summary>Names the section only: values may be secrets.</summary>
    public override string ToString() => Name;

    internal void Set(string name, AwsConfigValue value) => properties[name] = value;
}

using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Configuration;

/// <summary>Which of the two shared files a text is: their section headers differ.</summary>
internal enum ConfigFileKind
{
    /// <summary><c>~/.aws/config</c>: <c>[profile name]</c>, <c>[default]</c>, <c>[sso-session name]</c>, <c>[services name]</c>.</summary>
    Config,

    /// <summary><c>~/.aws/credentials</c>: <c>[name]</c> is a profile.</summary>
    Credentials,
}

/// <summary>A section header as read: its kind (<c>profile</c>, <c>sso-session</c>, <c>services</c>), its name, and whether it had the <c>profile</c> prefix.</summary>
internal readonly record struct ConfigSectionKey(string Kind, string Name, bool Prefixed);

/// <summary>
/// Reads the INI dialect of the shared config and credentials files, as the AWS SDKs share it:
/// <list type="bullet">
/// <item><c>[header]</c> lines (trimmed; a <c>#</c> or <c>;</c> comment may follow the <c>]</c>); in the config file
/// a profile is <c>[profile name]</c> (space or tab after <c>profile</c>) or <c>[default]</c>, and the prefixes
/// <c>sso-session</c> and <c>services</c> name sections of those kinds; in the credentials file <c>[name]</c> is a
/// profile. A header the file does not define, or a name holding whitespace, is skipped with its properties.</item>
/// <item><c>name = value</c> lines, both trimmed; the value may be empty and may hold <c>=</c>; a <c>#</c> or
/// <c>;</c> after whitespace starts a comment, one right after another character is part of the value. A property
/// whose name holds whitespace is skipped.</item>
/// <item>An indented line continues the property above it (joined with <c>\n</c>, comments kept); under an empty
/// property the indented lines are <c>key = value</c> sub-properties.</item>
/// <item>Blank lines and lines starting with <c>#</c> or <c>;</c> are ignored.</item>
/// </list>
/// Anything else (a property before any header, a line without <c>=</c>, an unclosed header, an empty name, an
/// indented line with no property above it) is an error naming the file and line.
/// </summary>
internal static class ConfigFileParser
{
    /// <summary>Parses <paramref name="text"/>, reporting each section header and each property (last one wins is the caller's rule).</summary>
    /// <exception cref="AwsConfigurationException">The text is malformed; the message names the file and line.</exception>
    public static void Parse(
        string text,
        string path,
        ConfigFileKind kind,
        Action<ConfigSectionKey> onSection,
        Action<ConfigSectionKey, string, AwsConfigValue> onProperty)
    {
        var sawHeader = false;
        ConfigSectionKey? section = null; // null after a skipped header
        string? property = null;
        var skipProperty = false;
        var line = 0;
        var value = string.Empty;
        var valueLine = 0;
        Dictionary<string, AwsConfigValue>? subProperties = null;

        void Flush()
        {
            if (property is not null && section is { } key)
            {
                var read = new AwsConfigValue(value, path, valueLine);
                onProperty(key, property, subProperties is null ? read : read with { SubProperties = subProperties });
            }

            property = null;
            skipProperty = false;
            subProperties = null;
        }

        foreach (var raw in text.Split('\n'))
        {
            line++;
            var current = raw.TrimEnd('\r');
            var trimmed = current.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var indented = current[0] is ' ' or '\t';
            if (!indented && trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (indented)
            {
                if (!sawHeader)
                {
                    throw Error("expected a section header such as [default] before the first property", path, line);
                }

                if (section is null || skipProperty)
                {
                    continue; // belongs to something skipped
                }

                if (property is null)
                {
                    throw Error("expected a property definition, found a continuation line", path, line);
                }

                if (value.Length == 0 || subProperties is not null)
                {
                    subProperties ??= new Dictionary<string, AwsConfigValue>(StringComparer.OrdinalIgnoreCase);
                    var equals = trimmed.IndexOf('=');
                    if (equals < 0)
                    {
                        throw Error("expected an '=' sign defining a sub-property of '" + property + "'", path, line);
                    }

                    var subName = trimmed.Substring(0, equals).Trim();
                    if (subName.Length == 0)
                    {
                        throw Error("a sub-property of '" + property + "' has no name", path, line);
                    }

                    var subValue = StripComment(trimmed.Substring(equals + 1));
                    subProperties[subName] = new AwsConfigValue(subValue, path, line);
                    value += "\n" + subName + " =" + (subValue.Length == 0 ? string.Empty : " " + subValue);
                }
                else
                {
                    value += "\n" + trimmed;
                }

                continue;
            }

            if (trimmed[0] == '[')
            {
                Flush();
                var close = trimmed.IndexOf(']');
                if (close < 0)
                {
                    throw Error("a section header must end with ']'", path, line);
                }

                var after = trimmed.Substring(close + 1).TrimStart();
                if (after.Length > 0 && after[0] is not ('#' or ';'))
                {
                    throw Error("unexpected text after the section header", path, line);
                }

                sawHeader = true;
                section = ReadHeader(trimmed.Substring(1, close - 1).Trim(), kind);
                if (section is { } key)
                {
                    onSection(key);
                }

                continue;
            }

            if (!sawHeader)
            {
                throw Error("expected a section header such as [default] before the first property", path, line);
            }

            Flush();
            var separator = trimmed.IndexOf('=');
            if (separator < 0)
            {
                throw Error("expected an '=' sign defining a property", path, line);
            }

            var name = trimmed.Substring(0, separator).Trim();
            if (name.Length == 0)
            {
                throw Error("a property has no name", path, line);
            }

            if (section is null || HasWhitespace(name))
            {
                skipProperty = true; // the SDKs skip what they cannot name, continuation lines included
                continue;
            }

            property = name;
            valueLine = line;
            value = StripComment(trimmed.Substring(separator + 1));
        }

        Flush();
    }

    /// <summary>The section a header names, or <see langword="null"/> when the file does not define it (skipped).</summary>
    private static ConfigSectionKey? ReadHeader(string header, ConfigFileKind kind)
    {
        if (kind == ConfigFileKind.Credentials)
        {
            return header.Length > 0 && !HasWhitespace(header) ? new ConfigSectionKey(AwsSharedConfig.ProfileKind, header, false) : null;
        }

        if (header == "default")
        {
            return new ConfigSectionKey(AwsSharedConfig.ProfileKind, header, false);
        }

        foreach (var prefix in new[] { AwsSharedConfig.ProfileKind, AwsSharedConfig.SsoSessionKind, AwsSharedConfig.ServicesKind })
        {
            if (header.Length > prefix.Length && header.StartsWith(prefix, StringComparison.Ordinal) && header[prefix.Length] is ' ' or '\t')
            {
                var name = header.Substring(prefix.Length).Trim();
                return name.Length > 0 && !HasWhitespace(name) ? new ConfigSectionKey(prefix, name, true) : null;
            }
        }

        return null; // e.g. [foo] in the config file: not a profile there
    }

    /// <summary>Drops a comment that starts with <c>#</c> or <c>;</c> after whitespace, and trims.</summary>
    private static string StripComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && value[i - 1] is ' ' or '\t')
            {
                return value.Substring(0, i).Trim();
            }
        }

        return value.Trim();
    }

    private static bool HasWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static AwsConfigurationException Error(string message, string path, int line) => new(message + ".", path, line);
}

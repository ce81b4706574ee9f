using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// An IAM Identity Center access token as <c>aws sso login</c> caches it: the access token and its expiry, and for
/// an <c>sso-session</c> the client registration and refresh token that renew it. Never printed.
/// </summary>
internal sealed record SsoToken(string AccessToken, DateTimeOffset ExpiresAt)
{
    public string? RefreshToken { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public DateTimeOffset? RegistrationExpiresAt { get; init; }

    public string? StartUrl { get; init; }

    public string? Region { get; init; }

    /// <summary>The expiry only.</summary>
    public override string ToString() => "SsoToken { ExpiresAt = " + SsoTokenCache.FormatTime(ExpiresAt) + " }";
}

/// <summary>
/// The AWS CLI's token cache: <c>~/.aws/sso/cache/{sha1}.json</c>, where the hash (lowercase hex) is of the
/// <c>sso-session</c> name, or of the start URL for a legacy profile. Reading and writing keep the CLI's format
/// (camelCase members, times as <c>yyyy-MM-ddTHH:mm:ssZ</c>), so the CLI and this runtime share one sign-in.
/// </summary>
internal static class SsoTokenCache
{
    private const int MaximumBytes = 64 * 1024;

    /// <summary>The cache file for <paramref name="key"/> (session name or start URL), or <see langword="null"/> without a home directory.</summary>
    public static string? PathFor(AwsEnvironment environment, string key)
    {
        var hash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
        return environment.InAwsFolder("sso", "cache", hash + ".json");
    }

    /// <summary>The cached token, or <see langword="null"/> when there is no cache file.</summary>
    /// <exception cref="AwsCredentialsException">The file is unreadable or malformed (the message names the file, never a value).</exception>
    public static SsoToken? Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > MaximumBytes)
            {
                throw new AwsCredentialsException("The SSO token cache file '" + path + "' is larger than 64 KiB; it is not read.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsCredentialsException("The SSO token cache file '" + path + "' cannot be read (" + e.GetType().Name + ").", e);
        }

        var source = "The SSO token cache file '" + path + "'";
        using var document = CredentialsJson.Parse(bytes, source);
        var root = document.RootElement;
        var accessToken = CredentialsJson.String(root, "accessToken", source, required: true)!;
        var expiresAt = Time(root, "expiresAt", source) ?? throw new AwsCredentialsException(source + " has no expiresAt.");
        return new SsoToken(accessToken, expiresAt)
        {
            RefreshToken = CredentialsJson.String(root, "refreshToken", source, required: false),
            ClientId = CredentialsJson.String(root, "clientId", source, required: false),
            ClientSecret = CredentialsJson.String(root, "clientSecret", source, required: false),
            RegistrationExpiresAt = Time(root, "registrationExpiresAt", source),
            StartUrl = CredentialsJson.String(root, "startUrl", source, required: false),
            Region = CredentialsJson.String(root, "region", source, required: false),
        };
    }

    /// <summary>Writes <paramref name="token"/> over the cache file: to a temporary file beside it, then moved into place, so a reader never sees half a file.</summary>
    /// <exception cref="AwsCredentialsException">The file cannot be written.</exception>
    public static void Write(string path, SsoToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            WriteIfSet(writer, "startUrl", token.StartUrl);
            WriteIfSet(writer, "region", token.Region);
            writer.WriteString("accessToken", token.AccessToken);
            writer.WriteString("expiresAt", FormatTime(token.ExpiresAt));
            WriteIfSet(writer, "clientId", token.ClientId);
            WriteIfSet(writer, "clientSecret", token.ClientSecret);
            WriteIfSet(writer, "registrationExpiresAt", token.RegistrationExpiresAt is { } registration ? FormatTime(registration) : null);
            WriteIfSet(writer, "refreshToken", token.RefreshToken);
            writer.WriteEndObject();
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, buffer.ToArray());
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new AwsCredentialsException("The SSO token cache file '" + path + "' cannot be written (" + e.GetType().Name + ").", e);
        }
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(JsonElement root, string name, string source)
    {
        var text = CredentialsJson.String(root, name, source, required: false);
        if (text is null)
        {
            return null;
        }

        // Early CLI v2 releases wrote "2019-11-14T04:05:45UTC".
        if (text.EndsWith("UTC", StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 3) + "Z";
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new AwsCredentialsException(source + " has a " + name + " that is not an ISO 8601 time.");
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort: a stray temporary file is harmless
        }
    }
}

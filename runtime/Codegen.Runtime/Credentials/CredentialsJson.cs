using System;
using System.Globalization;
using System.Text.Json;
using Codegen.Runtime.Auth;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Reads the JSON credentials document that the container endpoint, the instance metadata service and
/// <c>credential_process</c> print: <c>AccessKeyId</c>, <c>SecretAccessKey</c>, a session token, an optional ISO 8601
/// <c>Expiration</c> and <c>AccountId</c>. Errors name the source and the property, never a value read from the
/// document (which may hold a secret).
/// </summary>
internal static class CredentialsJson
{
    /// <summary>The most bytes a credentials document may have; anything larger is refused unread.</summary>
    public const int MaximumBytes = 64 * 1024;

    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        if (utf8.Length > MaximumBytes)
        {
            throw new AwsCredentialsException(source + " returned more than 64 KiB; a credentials document is far smaller.");
        }

        try
        {
            var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new AwsCredentialsException(source + " did not return a JSON object.");
            }

            return document;
        }
        catch (JsonException e)
        {
            // The exception's message quotes the offending character; the position is enough and shows nothing.
            throw new AwsCredentialsException(
                source + " did not return valid JSON (line " + ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)
                + ", byte " + ((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + ").");
        }
    }

    /// <summary>Reads the credentials from a parsed document.</summary>
    /// <param name="root">The document's object.</param>
    /// <param name="sessionTokenProperty">The token's property: <c>Token</c> (container, IMDS) or <c>SessionToken</c> (credential_process).</param>
    /// <param name="source">Names the source in errors.</param>
    public static AwsCredentials Read(JsonElement root, string sessionTokenProperty, string source)
    {
        var keyId = String(root, "AccessKeyId", source, required: true)!;
        var secret = String(root, "SecretAccessKey", source, required: true)!;
        var token = String(root, sessionTokenProperty, source, required: false);
        var expiration = Timestamp(root, "Expiration", source);
        var accountId = String(root, "AccountId", source, required: false);
        return new AwsCredentials(keyId, secret, token, expiration, accountId);
    }

    public static string? String(JsonElement root, string name, string source, bool required)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new AwsCredentialsException(source + " returned no " + name + ".") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new AwsCredentialsException(source + " returned a " + name + " that is not a string.");
        }

        var text = value.GetString();
        if (required && string.IsNullOrWhiteSpace(text))
        {
            throw new AwsCredentialsException(source + " returned an empty " + name + ".");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static DateTimeOffset? Timestamp(JsonElement root, string name, string source)
    {
        var text = String(root, name, source, required: false);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new AwsCredentialsException(source + " returned an " + name + " that is not an ISO 8601 time.");
    }
}

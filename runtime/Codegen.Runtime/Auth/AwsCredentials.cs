using System;

namespace Codegen.Runtime.Auth;

/// <summary>
/// An AWS access key pair, optionally with the session token of temporary credentials.
/// <see cref="ToString"/> never shows the secret access key or the session token, and only part of the key id.
/// </summary>
public sealed class AwsCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The access key id, e.g. <c>AKIA...</c> or <c>ASIA...</c>.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or <see langword="null"/>.</param>
    /// <param name="expiration">When temporary credentials stop working, or <see langword="null"/> for long-term keys.</param>
    /// <param name="accountId">The AWS account the credentials belong to, when the source says so.</param>
    /// <exception cref="ArgumentException">The key id or the secret is empty.</exception>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null, DateTimeOffset? expiration = null, string? accountId = null)
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            throw new ArgumentException("The access key id must not be empty.", nameof(accessKeyId));
        }

        if (string.IsNullOrEmpty(secretAccessKey))
        {
            throw new ArgumentException("The secret access key must not be empty.", nameof(secretAccessKey));
        }

        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
        Expiration = expiration;
        AccountId = string.IsNullOrWhiteSpace(accountId) ? null : accountId.Trim();
    }

    /// <summary>The access key id (not secret, but identifies the account and principal).</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key. Never logged or printed.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or <see langword="null"/>. Never logged or printed.</summary>
    public string? SessionToken { get; }

    /// <summary>When the credentials expire, or <see langword="null"/> when they do not (long-term access keys).</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>The account id the source reported with the credentials (SSO, STS, containers, credential_process), or <see langword="null"/>.</summary>
    public string? AccountId { get; }

    /// <summary>
    /// The key id, masked to its first and last four characters; the secret is never shown and the token only
    /// as present or absent.
    /// </summary>
    public override string ToString() =>
        "AwsCredentials { AccessKeyId = " + MaskKeyId(AccessKeyId) +
        ", SecretAccessKey = ***, SessionToken = " + (SessionToken is null ? "(none)" : "***")
        + (Expiration is { } expiration ? ", Expiration = " + expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
        + " }";

    internal static string MaskKeyId(string keyId) =>
        keyId.Length >= 12 ? keyId.Substring(0, 4) + "****" + keyId.Substring(keyId.Length - 4) : "****";
}

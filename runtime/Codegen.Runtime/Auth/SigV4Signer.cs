using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Codegen.Runtime.Auth;

/// <summary>
/// AWS Signature Version 4 (<c>AWS4-HMAC-SHA256</c>) request signing, header-based.
/// </summary>
/// <remarks>
/// <para>
/// The canonical request is built from: the method; the canonical URI (the path as sent, normalised and encoded
/// again per segment for generic services, see <see cref="SigV4Options"/>; Amazon S3 is the exception and uses
/// <see cref="SigV4Options.S3"/>); the canonical query string (each name and value percent-decoded, then encoded
/// with only unreserved characters left bare, sorted by encoded name then value; a parameter without <c>=</c>
/// gets an empty value; <c>+</c> is a literal plus, not a space); the canonical headers (names lowercased, values
/// trimmed with inner whitespace runs, including the line breaks of folded values, collapsed to one space,
/// repeated names joined with commas in their original order, sorted by name); the signed header list; and the
/// hex SHA-256 of the payload.
/// </para>
/// <para>
/// The signer replaces any <c>X-Amz-Date</c>, <c>Authorization</c> (and, with session credentials,
/// <c>X-Amz-Security-Token</c>) headers it is given with its own. It does not sign headers that proxies and
/// HTTP stacks may change: <c>User-Agent</c>, <c>X-Amzn-Trace-Id</c>, <c>Expect</c> and hop-by-hop headers
/// (<c>Connection</c>, <c>Keep-Alive</c>, <c>Proxy-Authorization</c>, <c>Proxy-Connection</c>, <c>TE</c>,
/// <c>Transfer-Encoding</c>, <c>Upgrade</c>). A <c>Host</c> header is required.
/// </para>
/// </remarks>
public static class SigV4Signer
{
    /// <summary>The algorithm name that opens the string to sign and the <c>Authorization</c> header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The payload hash that tells the service the body is not signed (S3 over HTTPS).</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>
    /// The payload hash of an <c>aws-chunked</c> body whose chunks are signed (<see cref="SigV4ChunkSigner"/>),
    /// with no trailer.
    /// </summary>
    public const string StreamingPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

    /// <summary>The payload hash of an <c>aws-chunked</c> body with signed chunks and a signed trailer.</summary>
    public const string StreamingPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

    /// <summary>The payload hash of an <c>aws-chunked</c> body with unsigned chunks and an unsigned trailer (over HTTPS).</summary>
    public const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>The <c>X-Amz-Date</c> header name.</summary>
    public const string AmzDateHeader = "X-Amz-Date";

    /// <summary>The <c>X-Amz-Security-Token</c> header name.</summary>
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>The <c>X-Amz-Content-Sha256</c> header name.</summary>
    public const string ContentSha256Header = "X-Amz-Content-Sha256";

    /// <summary>The <c>Authorization</c> header name.</summary>
    public const string AuthorizationHeader = "Authorization";

    private const string Terminator = "aws4_request";

    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.Ordinal)
    {
        "authorization", "user-agent", "x-amzn-trace-id", "expect",
        "connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "transfer-encoding", "upgrade",
    };

    /// <summary>Signs a request.</summary>
    /// <param name="method">The HTTP method, as sent (e.g. <c>GET</c>).</param>
    /// <param name="pathAndQuery">The path and query string exactly as sent on the request line, e.g. <c>/a%20b?x=1</c>.</param>
    /// <param name="headers">The request headers, in order; a name may repeat. Must include <c>Host</c>.</param>
    /// <param name="body">The body bytes (hashed unless <see cref="SigV4Options.PayloadHash"/> is set).</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The signing region, e.g. <c>us-east-1</c>.</param>
    /// <param name="service">The signing name of the service, e.g. <c>cognito-idp</c>.</param>
    /// <param name="signingTime">The signing time (converted to UTC).</param>
    /// <param name="options">Service-specific variations; <see langword="null"/> means <see cref="SigV4Options.Default"/>.</param>
    /// <returns>The signature, its intermediate strings and the headers to set on the request.</returns>
    /// <exception cref="ArgumentException">An argument is empty or malformed, or there is no <c>Host</c> header.</exception>
    public static SigV4SigningResult Sign(
        string method,
        string pathAndQuery,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset signingTime,
        SigV4Options? options = null)
    {
        RequireToken(method, nameof(method));
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(credentials);
        RequireToken(region, nameof(region));
        RequireToken(service, nameof(service));
        options ??= SigV4Options.Default;

        var utc = signingTime.UtcDateTime;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate.Substring(0, 8);

        SplitTarget(pathAndQuery, out var path, out var query);
        var canonicalUri = CanonicalUri(path, options.NormalizePath, options.DoubleEncodePath);
        var canonicalQuery = CanonicalQueryString(query);
        var payloadHash = options.PayloadHash ?? HexSha256(body.Span);

        var sessionToken = credentials.SessionToken;
        var canonical = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var name = header.Key?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A header name is empty.", nameof(headers));
            }

            if (UnsignedHeaders.Contains(name) || name == "x-amz-date"
                || (sessionToken is not null && name == "x-amz-security-token")
                || (options.AddContentSha256Header && name == "x-amz-content-sha256"))
            {
                continue; // replaced by the signer's own value, or never signed
            }

            AddCanonical(canonical, name, header.Value ?? string.Empty);
        }

        if (!canonical.ContainsKey("host"))
        {
            throw new ArgumentException("SigV4 requires a Host header.", nameof(headers));
        }

        var toAdd = new List<KeyValuePair<string, string>>(4) { new(AmzDateHeader, amzDate) };
        AddCanonical(canonical, "x-amz-date", amzDate);
        if (sessionToken is not null)
        {
            toAdd.Add(new(SecurityTokenHeader, sessionToken));
            if (options.SignSessionToken)
            {
                AddCanonical(canonical, "x-amz-security-token", sessionToken);
            }
        }

        if (options.AddContentSha256Header)
        {
            toAdd.Add(new(ContentSha256Header, payloadHash));
            AddCanonical(canonical, "x-amz-content-sha256", payloadHash);
        }

        var canonicalHeaders = new StringBuilder();
        var signedHeaders = new StringBuilder();
        foreach (var pair in canonical)
        {
            canonicalHeaders.Append(pair.Key).Append(':').Append(string.Join(",", pair.Value)).Append('\n');
            if (signedHeaders.Length > 0)
            {
                signedHeaders.Append(';');
            }

            signedHeaders.Append(pair.Key);
        }

        var canonicalRequest = string.Concat(
            method, "\n",
            canonicalUri, "\n",
            canonicalQuery, "\n",
            canonicalHeaders.ToString(), "\n",
            signedHeaders.ToString(), "\n",
            payloadHash);

        var scope = date + "/" + region + "/" + service + "/" + Terminator;
        var stringToSign = Algorithm + "\n" + amzDate + "\n" + scope + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));
        var key = DeriveSigningKey(credentials.SecretAccessKey, date, region, service);
        var signature = ToHex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        CryptographicOperations.ZeroMemory(key);

        var authorization = Algorithm + " Credential=" + credentials.AccessKeyId + "/" + scope
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        toAdd.Add(new(AuthorizationHeader, authorization));

        return new SigV4SigningResult(
            canonicalRequest, stringToSign, signature, signedHeaders.ToString(), scope, payloadHash, amzDate, authorization, toAdd);
    }

    /// <summary>
    /// The signer of the chunks that follow a request signed with a streaming payload hash: <paramref name="seed"/>
    /// is the result of <see cref="Sign"/> for the request's headers (its signature seeds the chain), and
    /// <paramref name="credentials"/> must be the ones it was signed with. Dispose it when the body is sent.
    /// </summary>
    /// <exception cref="ArgumentException">The seed was not signed with a signed streaming payload hash.</exception>
    public static SigV4ChunkSigner CreateChunkSigner(SigV4SigningResult seed, AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(credentials);
        if (seed.PayloadHash is not (StreamingPayload or StreamingPayloadTrailer))
        {
            throw new ArgumentException(
                "Chunk signatures follow a seed signed with payload hash " + StreamingPayload + " or " + StreamingPayloadTrailer
                + ", not '" + seed.PayloadHash + "'.", nameof(seed));
        }

        // The scope is date/region/service/aws4_request; the key is derived from the same parts.
        var parts = seed.CredentialScope.Split('/');
        var key = DeriveSigningKey(credentials.SecretAccessKey, parts[0], parts[1], parts[2]);
        return new SigV4ChunkSigner(key, seed.AmzDate, seed.CredentialScope, seed.Signature);
    }

    /// <summary>Formats a time the way <c>X-Amz-Date</c> carries it: <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    public static string FormatAmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The signing key: the HMAC-SHA256 chain over date, region, service and <c>aws4_request</c>.</summary>
    internal static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = Chain(key, region);
        key = Chain(key, service);
        return Chain(key, Terminator);

        static byte[] Chain(byte[] previous, string data)
        {
            var next = HMACSHA256.HashData(previous, Encoding.UTF8.GetBytes(data));
            CryptographicOperations.ZeroMemory(previous);
            return next;
        }
    }

    /// <summary>The canonical URI of a path as sent on the wire.</summary>
    internal static string CanonicalUri(string path, bool normalize, bool doubleEncode)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        var segments = path.Split('/');
        var builder = new StringBuilder(path.Length + 16);
        if (!normalize)
        {
            for (var i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append('/');
                }

                AppendEncoded(builder, segments[i], keepPercentEscapes: !doubleEncode);
            }

            return builder.Length > 0 && builder[0] == '/' ? builder.ToString() : "/" + builder;
        }

        // RFC 3986 dot-segment removal, plus dropping empty segments (double slashes).
        var kept = new List<string>(segments.Length);
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            kept.Add(segment);
        }

        var last = segments[segments.Length - 1];
        var trailingSlash = last.Length == 0 || last == "." || last == "..";
        foreach (var segment in kept)
        {
            builder.Append('/');
            AppendEncoded(builder, segment, keepPercentEscapes: !doubleEncode);
        }

        if (kept.Count == 0 || trailingSlash)
        {
            builder.Append('/');
        }

        return builder.ToString();
    }

    /// <summary>The canonical query string of a raw query (without the <c>?</c>).</summary>
    internal static string CanonicalQueryString(string query)
    {
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? string.Empty : part.Substring(equals + 1);
            pairs.Add(new(Reencode(name), Reencode(value)));
        }

        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder(query.Length + 16);
        foreach (var pair in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(pair.Key).Append('=').Append(pair.Value);
        }

        return builder.ToString();
    }

    /// <summary>Lowercase hex SHA-256.</summary>
    internal static string HexSha256(ReadOnlySpan<byte> data) => ToHex(SHA256.HashData(data));

    /// <summary>Trims a header value and collapses each run of whitespace (spaces, tabs, line breaks) to one space.</summary>
    internal static string CanonicalHeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AddCanonical(SortedDictionary<string, List<string>> canonical, string name, string value)
    {
        if (!canonical.TryGetValue(name, out var values))
        {
            values = new List<string>(1);
            canonical.Add(name, values);
        }

        values.Add(CanonicalHeaderValue(value));
    }

    private static void SplitTarget(string pathAndQuery, out string path, out string query)
    {
        var target = pathAndQuery;
        var hash = target.IndexOf('#');
        if (hash >= 0)
        {
            target = target.Substring(0, hash);
        }

        var question = target.IndexOf('?');
        path = question < 0 ? target : target.Substring(0, question);
        query = question < 0 ? string.Empty : target.Substring(question + 1);
    }

    /// <summary>Percent-decodes a query component (malformed escapes stay literal) and encodes the bytes again.</summary>
    private static string Reencode(string component)
    {
        var bytes = new List<byte>(component.Length);
        var literal = new StringBuilder();
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%' && i + 2 < component.Length && IsHex(component[i + 1]) && IsHex(component[i + 2]))
            {
                FlushLiteral(literal, bytes);
                bytes.Add((byte)((HexValue(component[i + 1]) << 4) | HexValue(component[i + 2])));
                i += 2;
            }
            else
            {
                literal.Append(c);
            }
        }

        FlushLiteral(literal, bytes);
        var builder = new StringBuilder(bytes.Count * 3);
        foreach (var b in bytes)
        {
            AppendByte(builder, b);
        }

        return builder.ToString();

        static void FlushLiteral(StringBuilder literal, List<byte> bytes)
        {
            if (literal.Length > 0)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(literal.ToString()));
                literal.Clear();
            }
        }
    }

    /// <summary>
    /// Encodes the UTF-8 bytes of <paramref name="text"/>, leaving only unreserved characters bare
    /// (and, when <paramref name="keepPercentEscapes"/>, well-formed <c>%XX</c> escapes).
    /// </summary>
    private static void AppendEncoded(StringBuilder builder, string text, bool keepPercentEscapes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (keepPercentEscapes && b == (byte)'%' && i + 2 < bytes.Length && IsHex((char)bytes[i + 1]) && IsHex((char)bytes[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant((char)bytes[i + 1])).Append(char.ToUpperInvariant((char)bytes[i + 2]));
                i += 2;
                continue;
            }

            AppendByte(builder, b);
        }
    }

    private static void AppendByte(StringBuilder builder, byte b)
    {
        if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
        {
            builder.Append((char)b);
        }
        else
        {
            builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
        }
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string ToHex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static void RequireToken(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value must not be empty.", name);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\n' or '\r' or ' ' or '\t')
            {
                throw new ArgumentException("The value must not contain '/', spaces or line breaks.", name);
            }
        }
    }
}

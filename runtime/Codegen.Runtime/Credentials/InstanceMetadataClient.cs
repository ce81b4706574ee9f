using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Reads paths of the EC2 instance metadata service with IMDSv2: a session token from <c>PUT /latest/api/token</c>
/// (kept until shortly before its TTL ends), sent as <c>X-aws-ec2-metadata-token</c> with every <c>GET</c>; a 401
/// gets a new token once. IMDSv1 (no token) only when <see cref="InstanceMetadataOptions.AllowV1Fallback"/> is set
/// and the token request fails with 404, 405 or a timeout. Errors are <see cref="AwsCredentialsException"/>s that
/// name the endpoint and what went wrong.
/// </summary>
internal sealed class InstanceMetadataClient : IDisposable
{
    internal const string TokenPath = "latest/api/token";
    internal const string TokenHeader = "X-aws-ec2-metadata-token";
    internal const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    private readonly InstanceMetadataOptions options;
    private readonly TimeProvider timeProvider;
    private readonly MetadataHttp http;
    private readonly object gate = new();
    private string? token;
    private DateTimeOffset tokenExpires;
    private bool useV1;

    public InstanceMetadataClient(InstanceMetadataOptions options, TimeProvider timeProvider)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        http = new MetadataHttp(options.Timeout);
    }

    public InstanceMetadataOptions Options => options;

    /// <summary>Names the service in messages.</summary>
    public string Description => "the EC2 instance metadata service at " + options.Endpoint;

    /// <summary>The text at <paramref name="path"/> (e.g. <c>latest/meta-data/placement/region</c>).</summary>
    /// <exception cref="AwsCredentialsException">The service is disabled, unreachable, too slow, or answers with an error.</exception>
    public async ValueTask<string> GetAsync(string path, bool synchronous, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            throw new AwsCredentialsException(Description + " is not asked: AWS_EC2_METADATA_DISABLED is true.");
        }

        for (var renewed = false; ; renewed = true)
        {
            var session = await GetTokenAsync(synchronous, cancellationToken).ConfigureAwait(false);
            var response = await SendAsync(HttpMethod.Get, path, session is null ? null : (TokenHeader, session), synchronous, cancellationToken).ConfigureAwait(false);
            if (response.Status == 401 && session is not null && !renewed)
            {
                lock (gate)
                {
                    token = null; // expired or revoked: ask for a new one once
                }

                continue;
            }

            if (!response.IsSuccess)
            {
                throw new AwsCredentialsException(Description + " answered " + Status(response.Status) + " for /" + path + ".");
            }

            return Encoding.UTF8.GetString(response.Body);
        }
    }

    public void Dispose() => http.Dispose();

    private async ValueTask<string?> GetTokenAsync(bool synchronous, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (useV1)
            {
                return null;
            }

            if (token is not null && timeProvider.GetUtcNow() < tokenExpires)
            {
                return token;
            }
        }

        var ttl = ((int)options.TokenTtl.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        MetadataResponse response;
        try
        {
            response = await SendAsync(HttpMethod.Put, TokenPath, (TokenTtlHeader, ttl), synchronous, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsCredentialsException) when (options.AllowV1Fallback && !cancellationToken.IsCancellationRequested)
        {
            return FallBackToV1();
        }

        if (response.Status is 404 or 405 && options.AllowV1Fallback)
        {
            return FallBackToV1();
        }

        if (!response.IsSuccess)
        {
            var why = response.Status == 403 ? " (IMDS is disabled on this instance, or a hop limit was reached)" : string.Empty;
            throw new AwsCredentialsException(Description + " refused an IMDSv2 session token: " + Status(response.Status) + why + ".");
        }

        var value = Encoding.UTF8.GetString(response.Body).Trim();
        if (value.Length == 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new AwsCredentialsException(Description + " returned an unusable IMDSv2 session token.");
        }

        lock (gate)
        {
            token = value;
            // Renewed a minute early so that a token never expires between being read and being used.
            tokenExpires = timeProvider.GetUtcNow() + options.TokenTtl - TimeSpan.FromMinutes(1);
        }

        return value;
    }

    private string? FallBackToV1()
    {
        lock (gate)
        {
            useV1 = true;
        }

        return null;
    }

    private async ValueTask<MetadataResponse> SendAsync(HttpMethod method, string path, (string Name, string Value)? header, bool synchronous, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Endpoint, path);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (header is { } h)
            {
                request.Headers.TryAddWithoutValidation(h.Name, h.Value);
            }

            try
            {
                var response = await http.SendAsync(request, options.Timeout, timeProvider, synchronous, cancellationToken).ConfigureAwait(false);
                if (response.Status >= 500 && attempt < options.Attempts)
                {
                    continue;
                }

                return response;
            }
            catch (Exception e) when (e is TimeoutException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt < options.Attempts)
                {
                    continue;
                }

                var what = e is TimeoutException ? "did not answer within " + Milliseconds(options.Timeout) : "could not be reached (" + e.Message + ")";
                throw new AwsCredentialsException(
                    Description + " " + what + (options.Attempts > 1 ? " in " + options.Attempts.ToString(CultureInfo.InvariantCulture) + " attempts" : string.Empty) + ".", e);
            }
        }
    }

    private static string Status(int status) => "HTTP " + status.ToString(CultureInfo.InvariantCulture);

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}

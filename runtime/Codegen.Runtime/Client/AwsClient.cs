using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;

namespace Codegen.Runtime.Client;

/// <summary>
/// Sends generated requests to AWS: serializes, signs (SigV4), sends over HTTP, retries in the AWS "standard"
/// mode and reads the response or the typed error. Generated per-service clients derive from it, e.g.
/// <c>public partial class CognitoIdentityProviderClient : AwsClient</c>. Thread-safe; meant to be long-lived.
/// </summary>
/// <remarks>
/// <para>
/// Retries (at most <see cref="AwsClientOptions.MaxAttempts"/> attempts) happen on HTTP 429, 500, 502, 503 and
/// 504, on throttling and transient error codes (e.g. <c>ThrottlingException</c>, <c>RequestTimeout</c>) and
/// errors whose <see cref="AwsServiceException.IsThrottling"/> is set, on connection failures
/// (<see cref="HttpRequestException"/>, <see cref="IOException"/>) and on attempt timeouts, with exponential
/// backoff and full jitter. Each attempt resolves credentials and is signed again with a fresh time; the request
/// is serialized once, so idempotency tokens stay the same across attempts. Cancellation through the caller's
/// token is never retried and surfaces as <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// Endpoints: see <see cref="AwsEndpoints"/> (regional rule or <see cref="AwsClientOptions.ServiceUrl"/> only;
/// no FIPS, dual-stack or endpoint rule sets).
/// </para>
/// <para>Exception messages and <see cref="object.ToString"/> never contain credentials, signatures or bodies.</para>
/// </remarks>
public class AwsClient : IDisposable
{
    private readonly HttpClient httpClient;
    private readonly bool ownsHttpClient;
    private readonly IAwsCredentialsSource credentials;
    private readonly int maxAttempts;
    private readonly TimeSpan? attemptTimeout;
    private readonly TimeSpan retryBaseDelay;
    private readonly TimeSpan maxBackoff;
    private readonly TimeProvider timeProvider;
    private readonly SigV4Options signingOptions;
    private readonly Validation.ValidationOptions validation;
    private int disposed;

    /// <summary>
    /// Creates a client. Uses <see cref="AwsClientOptions.HttpClient"/> when set (and does not dispose it);
    /// otherwise creates its own <see cref="System.Net.Http.HttpClient"/> (no overall timeout, redirects not
    /// followed, pooled connections recycled every 5 minutes so DNS changes are seen), disposed with this client.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid, or no region is configured.</exception>
    public AwsClient(AwsClientOptions options)
        : this(options, (options ?? throw new ArgumentNullException(nameof(options))).HttpClient, supplied: options.HttpClient is not null)
    {
    }

    /// <summary>Creates a client that sends with <paramref name="httpClient"/>, which it never disposes.</summary>
    /// <exception cref="ArgumentException">An option is invalid, or no region is configured.</exception>
    public AwsClient(AwsClientOptions options, HttpClient httpClient)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), supplied: true)
    {
    }

    private AwsClient(AwsClientOptions options, HttpClient? httpClient, bool supplied)
    {
        ArgumentNullException.ThrowIfNull(options);
        Region = ResolveRegion(options.Region);
        ServiceUrl = options.ServiceUrl;
        if (ServiceUrl is not null)
        {
            AwsEndpoints.Resolve("x", Region, ServiceUrl); // validates the URL
        }

        if (options.MaxAttempts < 1)
        {
            throw new ArgumentException("MaxAttempts must be at least 1.", nameof(options));
        }

        if (options.AttemptTimeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("AttemptTimeout must be positive.", nameof(options));
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxBackoff < TimeSpan.Zero)
        {
            throw new ArgumentException("RetryBaseDelay and MaxBackoff must not be negative.", nameof(options));
        }

        credentials = options.Credentials ?? new EnvironmentCredentialsSource();
        maxAttempts = options.MaxAttempts;
        attemptTimeout = options.AttemptTimeout == Timeout.InfiniteTimeSpan ? null : options.AttemptTimeout;
        retryBaseDelay = options.RetryBaseDelay;
        maxBackoff = options.MaxBackoff;
        timeProvider = options.TimeProvider ?? TimeProvider.System;
        signingOptions = options.SigningOptions ?? SigV4Options.Default;
        validation = options.Validation ?? Validation.ValidationOptions.Default;
        ownsHttpClient = !supplied;
        this.httpClient = supplied ? httpClient! : CreateHttpClient();
    }

    /// <summary>The region requests are sent to and signed for.</summary>
    public string Region { get; }

    /// <summary>The endpoint override, or <see langword="null"/> for the regional AWS endpoint.</summary>
    public Uri? ServiceUrl { get; }

    /// <summary>
    /// The endpoint for <paramref name="service"/>: <see cref="ServiceUrl"/> when set, otherwise
    /// <c>https://{endpointPrefix}.{region}.amazonaws.com</c>. Derived clients may override it.
    /// </summary>
    public virtual Uri ResolveEndpoint(ServiceInfo service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return AwsEndpoints.Resolve(service.EndpointPrefix, Region, ServiceUrl);
    }

    /// <summary>Sends a request and returns its response, retrying as the AWS "standard" mode does.</summary>
    /// <typeparam name="TResponse">The operation's response type.</typeparam>
    /// <param name="request">The request; its <see cref="IAwsRequest{TResponse}.Operation"/> serializes and deserializes it.</param>
    /// <param name="cancellationToken">Cancels the call, including backoff waits; never retried.</param>
    /// <returns>The deserialized response of the first successful (2xx) attempt.</returns>
    /// <exception cref="NotSupportedException">The operation's protocol has no generated serializer.</exception>
    /// <exception cref="AwsServiceException">The service answered with an error (after the retries it allows).</exception>
    /// <exception cref="TimeoutException">The last attempt timed out.</exception>
    /// <exception cref="HttpRequestException">The last attempt failed to connect or transfer.</exception>
    /// <exception cref="AwsCredentialsException">The request needs signing and no credentials are available.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
    public virtual async Task<TResponse> SendAsync<TResponse>(IAwsRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : IAwsResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        var operation = request.Operation ?? throw new ArgumentException("The request has no operation.", nameof(request));
        var info = operation.Info;
        if (!operation.IsWireSupported)
        {
            throw new NotSupportedException(
                "The '" + info.Service.Protocol + "' protocol (service " + info.Service.ServiceId + ") is not supported on the wire, so "
                + info.Name + " cannot be sent.");
        }

        // Checked before anything is sent, with every problem reported at once.
        operation.ValidateRequest(request, validation);

        // Serialized once: idempotency tokens and the body stay identical across attempts.
        var serialized = operation.SerializeRequest(request);
        var uri = BuildUri(ResolveEndpoint(info.Service), serialized.Path, serialized.HostPrefix);
        var host = HostHeader(uri);
        var headers = PrepareHeaders(serialized.Headers);
        var invocationId = Guid.NewGuid().ToString();

        for (var attempt = 1; ; attempt++)
        {
            var attemptCredentials = info.RequiresSigning
                ? await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)
                : null;

            AwsHttpResponse response;
            var timeoutSource = attemptTimeout is { } limit ? new CancellationTokenSource(limit, timeProvider) : null;
            var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
            try
            {
                response = await SendAttemptAsync(
                    info, serialized, uri, host, headers, invocationId, attempt, attemptCredentials, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The attempt timeout (or the supplied HttpClient's own Timeout) fired, not the caller.
                if (attempt >= maxAttempts)
                {
                    throw new TimeoutException(TimeoutMessage(info, attempt), ex);
                }

                await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (attempt >= maxAttempts)
                {
                    throw;
                }

                await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }
            finally
            {
                linked?.Dispose();
                timeoutSource?.Dispose();
            }

            if (response.IsSuccess)
            {
                return operation.DeserializeResponse(response);
            }

            var error = operation.DeserializeError(response);
            if (attempt < maxAttempts && StandardRetry.IsRetryable(error, response.StatusCode))
            {
                await BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw error;
        }
    }

    /// <summary>Disposes the <see cref="System.Net.Http.HttpClient"/> if this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Region and endpoint only.</summary>
    public override string ToString() => GetType().Name + "(" + Region + (ServiceUrl is null ? string.Empty : ", " + ServiceUrl) + ")";

    /// <summary>Releases resources; derived clients override to release theirs and call the base.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0 && disposing && ownsHttpClient)
        {
            httpClient.Dispose();
        }
    }

    private async Task<AwsHttpResponse> SendAttemptAsync(
        OperationInfo info,
        AwsHttpRequest serialized,
        Uri uri,
        string host,
        List<KeyValuePair<string, string>> headers,
        string invocationId,
        int attempt,
        AwsCredentials? attemptCredentials,
        CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(serialized.Method), uri);
        message.Headers.Host = host;
        HttpContent? content = serialized.Body.IsEmpty ? null : new ReadOnlyMemoryContent(serialized.Body);

        var sent = new List<KeyValuePair<string, string>>(headers.Count + 3)
        {
            new("Host", host),
            new("amz-sdk-invocation-id", invocationId),
            new("amz-sdk-request", "attempt=" + attempt.ToString(CultureInfo.InvariantCulture) + "; max=" + maxAttempts.ToString(CultureInfo.InvariantCulture)),
        };
        sent.AddRange(headers);
        foreach (var header in sent)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                content ??= new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
                if (!content.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    throw new InvalidOperationException("The header '" + header.Key + "' of " + info.Name + " cannot be sent.");
                }
            }
        }

        message.Content = content;

        if (attemptCredentials is not null)
        {
            var signature = SigV4Signer.Sign(
                message.Method.Method,
                uri.PathAndQuery,
                sent,
                serialized.Body,
                attemptCredentials,
                Region,
                info.Service.SigningName,
                timeProvider.GetUtcNow(),
                signingOptions);
            foreach (var header in signature.HeadersToAdd)
            {
                message.Headers.Remove(header.Key);
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            AddHeader(responseHeaders, header.Key, header.Value);
        }

        foreach (var header in response.Content.Headers)
        {
            AddHeader(responseHeaders, header.Key, header.Value);
        }

        return new AwsHttpResponse((int)response.StatusCode, responseHeaders, body);
    }

    private Task BackoffAsync(int failedAttempt, CancellationToken cancellationToken)
    {
        var delay = StandardRetry.Backoff(failedAttempt - 1, retryBaseDelay, maxBackoff, Random.Shared.NextDouble());
        return delay <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(delay, timeProvider, cancellationToken);
    }

    private string TimeoutMessage(OperationInfo info, int attempts) =>
        info.Service.ServiceId + " " + info.Name + " timed out: "
        + (attemptTimeout is { } limit
            ? "no complete response within the attempt timeout of " + limit.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms"
            : "the HttpClient timeout elapsed")
        + " in each of " + attempts.ToString(CultureInfo.InvariantCulture) + " attempt(s).";

    private static void AddHeader(Dictionary<string, string> headers, string name, IEnumerable<string> values)
    {
        var joined = string.Join(",", values);
        headers[name] = headers.TryGetValue(name, out var existing) ? existing + "," + joined : joined;
    }

    /// <summary>
    /// Joins repeated header names into one comma-separated value (HTTP stacks do the same on the wire, so what
    /// is signed is what is sent) and drops the headers the transport owns.
    /// </summary>
    private static List<KeyValuePair<string, string>> PrepareHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var result = new List<KeyValuePair<string, string>>(headers.Count);
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = header.Value?.Trim() ?? string.Empty;
            if (positions.TryGetValue(header.Key, out var index))
            {
                result[index] = new(result[index].Key, result[index].Value + "," + value);
            }
            else
            {
                positions.Add(header.Key, result.Count);
                result.Add(new(header.Key, value));
            }
        }

        return result;
    }

    private static Uri BuildUri(Uri endpoint, string path, string? hostPrefix)
    {
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        if (path.Length == 0 || path[0] != '/')
        {
            path = "/" + path;
        }

        // The operation's host prefix (endpoint trait) goes before the endpoint's host, e.g. data.example.com.
        var authority = string.IsNullOrEmpty(hostPrefix)
            ? endpoint.GetLeftPart(UriPartial.Authority)
            : endpoint.Scheme + Uri.SchemeDelimiter + hostPrefix + endpoint.Authority;
        // Sent exactly as the serializer built it: Uri would otherwise remove "." and ".." segments (keys such as
        // "a/../b" are data, not navigation) and could re-encode escapes. What SigV4 signs is derived from this same text.
        return new Uri(authority + basePath + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    private static string HostHeader(Uri uri)
    {
        var host = uri.IdnHost;
        if (uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith('['))
        {
            host = "[" + host + "]";
        }

        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    private static string ResolveRegion(string? configured)
    {
        var region = configured;
        if (string.IsNullOrWhiteSpace(region))
        {
            region = Environment.GetEnvironmentVariable("AWS_REGION");
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            region = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            throw new ArgumentException("No AWS region: set AwsClientOptions.Region or the AWS_REGION environment variable.", "options");
        }

        region = region.Trim();
        AwsEndpoints.ValidateRegion(region);
        return region;
    }

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false, // a 3xx is an AWS error (e.g. wrong region), not something to follow
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

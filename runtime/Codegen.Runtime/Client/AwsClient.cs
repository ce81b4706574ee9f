using System;
using System.Buffers;
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
/// token is never retried and surfaces as <see cref="OperationCanceledException"/>. Retries draw on the client's
/// retry quota (<see cref="AwsClientOptions.RetryQuotaCapacity"/>: 500 tokens, 5 per retry after an error, 10 after
/// a timeout or connection failure, given back on success); an empty quota returns the error at once. A request
/// refused for its signing time (<c>RequestTimeTooSkewed</c>, <c>InvalidSignatureException</c>,
/// <c>SignatureDoesNotMatch</c>, ...) with a <c>Date</c> more than 4 minutes off teaches the client the service's
/// clock, and is signed again with it once, at once.
/// </para>
/// <para>
/// Bounds: each attempt has <see cref="AwsClientOptions.AttemptTimeout"/> (default 100 s) to send and read the
/// whole response, the client's own connections <see cref="AwsClientOptions.ConnectTimeout"/> (10 s) to open, and a
/// body larger than <see cref="AwsClientOptions.MaxResponseBodyBytes"/> (64 MiB) fails at once with
/// <see cref="AwsResponseTooLargeException"/>, not retried.
/// </para>
/// <para>
/// A streaming payload (<see cref="AwsHttpRequest.BodyStream"/>) is sent unbuffered and retried only when its
/// stream can seek (it is rewound to where it stood); otherwise the first failure is final and says so. A
/// streaming response payload is handed over unbuffered (<see cref="AwsHttpResponse.BodyStream"/>). See docs/streaming.md.
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
    private readonly IDisposable? ownedCredentials;
    private readonly int maxAttempts;
    private readonly TimeSpan? attemptTimeout;
    private readonly TimeSpan retryBaseDelay;
    private readonly TimeSpan maxBackoff;
    private readonly long maxResponseBodyBytes;
    private readonly TimeProvider timeProvider;
    private readonly SigV4Options signingOptions;
    private readonly Validation.ValidationOptions validation;
    private readonly DeserializationOptions deserialization;
    private readonly RetryQuota retryQuota;
    private readonly ClockSkew clockSkew = new();
    private readonly Lazy<RequestCompressionSettings> requestCompression;
    private readonly Telemetry.ClientTelemetry telemetry;
    private readonly string? executionEnvironment;
    private readonly string? appId;
    private readonly Lazy<string>? deferredRegion;
    private readonly string? region;
    private int disposed;

    /// <summary>
    /// Creates a client. Uses <see cref="AwsClientOptions.HttpClient"/> when set (and does not dispose it);
    /// otherwise creates its own <see cref="System.Net.Http.HttpClient"/> (no overall timeout: the attempt timeout
    /// bounds each attempt; <see cref="AwsClientOptions.ConnectTimeout"/>; redirects not followed; no
    /// decompression; pooled connections recycled every 5 minutes so DNS changes are seen), disposed with this client.
    /// </summary>
    /// <remarks>
    /// Constructing does no network I/O: credentials are resolved at the first call that needs them, and a region not
    /// given by the options, the environment or the profile is asked of IMDS at the first call too.
    /// </remarks>
    /// <exception cref="ArgumentException">An option is invalid, or the configured region is not a region name.</exception>
    public AwsClient(AwsClientOptions options)
        : this(options, (options ?? throw new ArgumentNullException(nameof(options))).HttpClient, supplied: options.HttpClient is not null)
    {
    }

    /// <summary>Creates a client that sends with <paramref name="httpClient"/>, which it never disposes.</summary>
    /// <exception cref="ArgumentException">
    /// An option is invalid, the configured region is not a region name, or <paramref name="httpClient"/> follows redirects.
    /// </exception>
    public AwsClient(AwsClientOptions options, HttpClient httpClient)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), supplied: true)
    {
    }

    private AwsClient(AwsClientOptions options, HttpClient? httpClient, bool supplied)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.Environment ?? Configuration.AwsEnvironment.Process;
        // No I/O but the shared config files: a region they do not give is asked of IMDS at the first call, so that
        // constructing a client (in a test, in a DI container) never waits on the network.
        region = ResolveRegion(options.Region, options.Profile, environment, askInstanceMetadata: false);
        if (region is null)
        {
            var profile = options.Profile;
            deferredRegion = new Lazy<string>(() => ResolveRegion(null, profile, environment, askInstanceMetadata: true)!, LazyThreadSafetyMode.PublicationOnly);
        }

        ServiceUrl = options.ServiceUrl;
        UseFips = options.UseFips;
        UseDualStack = options.UseDualStack;
        UseGlobalEndpoint = options.UseGlobalEndpoint;
        AccountIdEndpointMode = options.AccountIdEndpointMode;
        S3 = (options.S3 ?? new S3Options()) with { }; // a copy: later changes to the options do not reach the client
        if (ServiceUrl is not null)
        {
            AwsEndpoints.Resolve("x", region ?? "us-east-1", ServiceUrl); // validates the URL (the region plays no part)
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

        if (options.ConnectTimeout <= TimeSpan.Zero && options.ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("ConnectTimeout must be positive.", nameof(options));
        }

        if (options.RetryQuotaCapacity < 0)
        {
            throw new ArgumentException("RetryQuotaCapacity must not be negative.", nameof(options));
        }

        if (options.MaxResponseBodyBytes < 1)
        {
            throw new ArgumentException("MaxResponseBodyBytes must be at least 1.", nameof(options));
        }

        if (supplied && RedirectGuard.FollowsRedirects(httpClient!) == true)
        {
            throw new ArgumentException(
                "The supplied HttpClient follows redirects (its handler's AllowAutoRedirect is true): a 3xx would send the signed "
                + "request with its X-Amz-Security-Token to whatever host the Location header names. Give it a handler with "
                + "AllowAutoRedirect = false (e.g. new SocketsHttpHandler { AllowAutoRedirect = false }).",
                nameof(httpClient));
        }

        if (options.Credentials is null)
        {
            var chain = new Credentials.DefaultCredentialsChain(environment, options.Profile, Credentials.ProfileServices.Default);
            ownedCredentials = chain;
            credentials = chain;
        }
        else
        {
            credentials = options.Credentials;
        }

        maxAttempts = options.MaxAttempts;
        attemptTimeout = options.AttemptTimeout == Timeout.InfiniteTimeSpan ? null : options.AttemptTimeout;
        retryBaseDelay = options.RetryBaseDelay;
        maxBackoff = options.MaxBackoff;
        maxResponseBodyBytes = options.MaxResponseBodyBytes;
        retryQuota = new RetryQuota(options.RetryQuotaCapacity);
        // The variables and the profile are read at the first request that can be compressed, so that a client whose
        // operations have no compression never depends on them; the option is checked now.
        RequestCompressionSettings.ValidateOption(options.RequestMinCompressionSizeBytes);
        var (disableCompression, minCompressionSize, compressionProfile) = (options.DisableRequestCompression, options.RequestMinCompressionSizeBytes, options.Profile);
        requestCompression = new Lazy<RequestCompressionSettings>(
            () => RequestCompressionSettings.Resolve(disableCompression, minCompressionSize, compressionProfile, environment),
            LazyThreadSafetyMode.PublicationOnly);
        timeProvider = options.TimeProvider ?? TimeProvider.System;
        signingOptions = options.SigningOptions ?? SigV4Options.Default;
        validation = options.Validation ?? Validation.ValidationOptions.Default;
        deserialization = options.Deserialization ?? DeserializationOptions.Default;

        ownsHttpClient = !supplied;
        telemetry = new Telemetry.ClientTelemetry(options.MeterFactory, options.LoggerFactory, GetType().FullName ?? nameof(AwsClient), maxAttempts);
        executionEnvironment = environment.GetVariable("AWS_EXECUTION_ENV");
        appId = Telemetry.UserAgent.ValidateAppId(options.AppId, "AwsClientOptions.AppId")
            ?? Telemetry.UserAgent.ValidateAppIdOrNull(environment.GetVariable("AWS_SDK_UA_APP_ID"));
        this.httpClient = supplied ? httpClient! : CreateHttpClient(options.ConnectTimeout);
    }

    /// <summary>
    /// The region requests are sent to and signed for. One that neither the options, the environment nor the profile
    /// gives is asked of the EC2 instance metadata service the first time it is needed (the first call), not when
    /// the client is constructed.
    /// </summary>
    /// <exception cref="Configuration.AwsConfigurationException">No region is configured anywhere, or IMDS gave one that is not a region name.</exception>
    public string Region => region ?? deferredRegion!.Value;

    /// <summary>The endpoint override, or <see langword="null"/> for the regional AWS endpoint.</summary>
    public Uri? ServiceUrl { get; }

    /// <summary>The client's clock (<see cref="AwsClientOptions.TimeProvider"/>): generated waiters wait on it.</summary>
    protected TimeProvider Clock => timeProvider;

    /// <summary>Whether the FIPS endpoints are asked for (<see cref="AwsClientOptions.UseFips"/>).</summary>
    public bool UseFips { get; }

    /// <summary>Whether the dual-stack endpoints are asked for (<see cref="AwsClientOptions.UseDualStack"/>).</summary>
    public bool UseDualStack { get; }

    /// <summary>The account-based endpoint mode (<see cref="AwsClientOptions.AccountIdEndpointMode"/>), or <see langword="null"/> for the rules' default.</summary>
    public string? AccountIdEndpointMode { get; }

    /// <summary>Whether a legacy global endpoint is asked for where the rules offer one (<see cref="AwsClientOptions.UseGlobalEndpoint"/>).</summary>
    public bool UseGlobalEndpoint { get; }

    /// <summary>
    /// The S3 and S3 Control endpoint settings (<see cref="AwsClientOptions.S3"/>), copied when the client was created;
    /// for the generated client's endpoint parameters (protected: the copy must not be changed from outside).
    /// </summary>
    protected S3Options S3 { get; }

    /// <summary>
    /// The endpoint for <paramref name="service"/>: <see cref="ServiceUrl"/> when set, otherwise
    /// <c>https://{endpointPrefix}.{region}.amazonaws.com</c>. Derived clients may override it.
    /// </summary>
    public virtual Uri ResolveEndpoint(ServiceInfo service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return AwsEndpoints.Resolve(service.EndpointPrefix, Region, ServiceUrl);
    }

    /// <summary>
    /// The endpoint of one request from the service's endpoint rules, or <see langword="null"/> to use
    /// <see cref="ResolveEndpoint(ServiceInfo)"/>. Generated clients of services with an endpoint rule set override it,
    /// filling the rules' parameters from the client's settings and the request; the resolved headers are sent and
    /// the auth scheme's signing name and region are signed with.
    /// </summary>
    /// <param name="request">The request being sent.</param>
    /// <exception cref="Endpoints.EndpointResolutionException">The rules refuse the settings (e.g. FIPS where there is none).</exception>
    protected virtual Endpoints.ResolvedEndpoint? ResolveEndpointRules(object request) => null;

    /// <summary>Sends a request and returns its response, retrying as the AWS "standard" mode does.</summary>
    /// <typeparam name="TResponse">The operation's response type.</typeparam>
    /// <param name="request">The request; its <see cref="IAwsRequest{TResponse}.Operation"/> serializes and deserializes it.</param>
    /// <param name="cancellationToken">Cancels the call, including backoff waits; never retried.</param>
    /// <returns>
    /// The deserialized response of the first successful (2xx) attempt, carrying its <see cref="ResponseMetadata"/>
    /// (request id, status, headers, attempts).
    /// </returns>
    /// <exception cref="NotSupportedException">The operation's protocol has no generated serializer.</exception>
    /// <exception cref="AwsServiceException">The service answered with an error (after the retries it allows).</exception>
    /// <exception cref="TimeoutException">The last attempt timed out.</exception>
    /// <exception cref="HttpRequestException">The last attempt failed to connect or transfer (a connection that ended mid-body included).</exception>
    /// <exception cref="AwsRedirectRefusedException">A supplied HttpClient's handler followed a redirect; not retried.</exception>
    /// <exception cref="AwsResponseTooLargeException">The response body is larger than <see cref="AwsClientOptions.MaxResponseBodyBytes"/>; not retried.</exception>
    /// <exception cref="AwsCredentialsException">The request needs signing and no credentials are available.</exception>
    /// <exception cref="Configuration.AwsConfigurationException">No region is configured (see <see cref="Region"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
    public virtual async Task<TResponse> SendAsync<TResponse>(IAwsRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : IAwsResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Operation ?? throw new ArgumentException("The request has no operation.", nameof(request));

        // A span, metrics and log events per call (Telemetry/CallTelemetry.cs decides what they hold); the filters never catch.
        using var call = telemetry.StartCall(operation.Info, Region);
        try
        {
            var response = await SendCoreAsync(request, call, cancellationToken).ConfigureAwait(false);
            call.Succeeded();
            return response;
        }
        catch (Exception ex) when (call.Failed(ex))
        {
            throw;
        }
    }

    private async Task<TResponse> SendCoreAsync<TResponse>(IAwsRequest<TResponse> request, Telemetry.CallTelemetry call, CancellationToken cancellationToken)
        where TResponse : IAwsResponse
    {
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
        if (info.RequestCompression is not null)
        {
            serialized = RequestCompression.Apply(info, serialized, requestCompression.Value);
        }
        var target = ResolveEndpointRules(request) is { } ruled
            ? EndpointTarget.FromRules(ruled, info, Region)
            : RegionalTarget(info.Service);
        var uri = BuildUri(target.Endpoint, serialized.Path, serialized.HostPrefix);
        call.SetEndpoint(uri);
        var host = HostHeader(uri);
        var headers = PrepareHeaders(target.AddHeadersTo(serialized.Headers));
        if (await HttpChecksums.RequestChecksumAsync(info, serialized, headers, cancellationToken).ConfigureAwait(false) is { } checksum)
        {
            headers.Add(checksum);
        }

        var invocationId = Guid.NewGuid().ToString();
        var lastRetryCost = 0;
        var skewCorrected = false;
        var payload = StreamingPayload.Prepare(info, serialized, uri);

        for (var attempt = 1; ; attempt++)
        {
            var attemptCredentials = info.RequiresSigning
                ? await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)
                : null;
            if (payload is not null)
            {
                await payload.StartAttemptAsync(attempt, signed: attemptCredentials is not null, cancellationToken).ConfigureAwait(false);
            }

            AwsHttpResponse response;
            var timeoutSource = attemptTimeout is { } limit ? new CancellationTokenSource(limit, timeProvider) : null;
            var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
            call.StartAttempt(attempt);
            try
            {
                response = await SendAttemptAsync(
                    info, serialized, payload, uri, host, headers, invocationId, attempt, attemptCredentials, target, linked?.Token ?? cancellationToken).ConfigureAwait(false);
                call.AttemptResponse(response);
            }
            catch (Exception ex) when (call.AttemptFailed(ex))
            {
                throw; // never reached: the filter only records the failure
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The attempt timeout (or the supplied HttpClient's own Timeout) fired, not the caller.
                if (attempt < maxAttempts && payload is { CanResend: false })
                {
                    throw new TimeoutException(TimeoutMessage(info, attempt) + " " + StreamingPayload.NotRetried, ex);
                }

                if (attempt >= maxAttempts || !retryQuota.TryAcquire(afterTimeout: true, out lastRetryCost))
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
                if (attempt < maxAttempts && payload is { CanResend: false })
                {
                    throw StreamingPayload.NotRetriedFailure(info, ex);
                }

                if (attempt >= maxAttempts || !retryQuota.TryAcquire(afterTimeout: true, out lastRetryCost))
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
                retryQuota.OnSuccess(lastRetryCost);
                try
                {
                    response = HttpChecksums.Validate(info, headers, response);
                    var result = operation.DeserializeResponse(response, deserialization);
                    return (TResponse)result.WithResponseMetadata(ResponseMetadata.FromHttpResponse(response, attempt));
                }
                catch
                {
                    response.BodyStream?.Dispose(); // the response was not handed over: release the connection
                    throw;
                }
            }

            var error = operation.DeserializeError(response, deserialization);
            call.AttemptError(error, response.StatusCode);
            var canResend = payload is not { CanResend: false };
            if (!skewCorrected && info.RequiresSigning && canResend && attempt < maxAttempts && clockSkew.TryCorrect(error, response, timeProvider))
            {
                // Signed again with the service's time: a corrected request, not a repeat, so no backoff and no quota.
                // (An unsigned request carries no time to correct: its error is handled as any other.)
                skewCorrected = true;
                continue;
            }

            if (attempt < maxAttempts && canResend && StandardRetry.IsRetryable(error, response.StatusCode)
                && retryQuota.TryAcquire(afterTimeout: false, out lastRetryCost))
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

    /// <summary>
    /// Region and endpoint only; of the endpoint, the scheme, host, port and path: never its user-info
    /// (<c>https://user:password@host</c>), query or fragment, which may hold secrets. A region still to be looked up
    /// is not looked up here.
    /// </summary>
    public override string ToString() =>
        GetType().Name + "(" + (region ?? (deferredRegion is { IsValueCreated: true } ? deferredRegion.Value : "region not resolved yet"))
        + (ServiceUrl is null ? string.Empty : ", " + UrlText.Safe(ServiceUrl)) + ")";

    /// <summary>Releases resources; derived clients override to release theirs and call the base.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0 && disposing)
        {
            ownedCredentials?.Dispose();
            if (ownsHttpClient)
            {
                httpClient.Dispose();
            }
        }
    }

    private async Task<AwsHttpResponse> SendAttemptAsync(
        OperationInfo info,
        AwsHttpRequest serialized,
        StreamingPayload? payload,
        Uri uri,
        string host,
        List<KeyValuePair<string, string>> headers,
        string invocationId,
        int attempt,
        AwsCredentials? attemptCredentials,
        EndpointTarget target,
        CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(serialized.Method), uri);
        message.Headers.Host = host;
        var userAgent = Telemetry.UserAgent.For(info.Service, executionEnvironment, appId); // not signed (SigV4Signer leaves User-Agent out)
        message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        message.Headers.TryAddWithoutValidation("x-amz-user-agent", userAgent);
        HttpContent? content = payload is not null
            ? payload.CreateContent()
            : serialized.Body.IsEmpty ? null : new ReadOnlyMemoryContent(serialized.Body);

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
                target.SigningRegion,
                target.SigningName,
                timeProvider.GetUtcNow() + clockSkew.Offset,
                payload?.SigningOptions(signingOptions) ?? signingOptions);
            foreach (var header in signature.HeadersToAdd)
            {
                message.Headers.Remove(header.Key);
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var handedOver = false;
        try
        {
            if (response.RequestMessage?.RequestUri is { } answered && answered != uri)
            {
                // A handler the constructor could not inspect followed a redirect (see RedirectGuard); not retried.
                throw new AwsRedirectRefusedException(info.Service.ServiceId + " " + info.Name, uri, answered);
            }

            var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers)
            {
                AddHeader(responseHeaders, header.Key, header.Value);
            }

            foreach (var header in response.Content.Headers)
            {
                AddHeader(responseHeaders, header.Key, header.Value);
            }

            if (info.HasStreamingOutput && response.IsSuccessStatusCode)
            {
                // Unbuffered: the stream owns the response and releases it when the caller disposes it.
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                handedOver = true;
                return new AwsHttpResponse((int)response.StatusCode, responseHeaders, ReadOnlyMemory<byte>.Empty)
                {
                    BodyStream = new Streaming.ResponseBodyStream(response, stream),
                };
            }

            // A HEAD response, a 204 and a 304 have no body whatever their Content-Length says (RFC 9110, 6.4.1).
            var hasBody = !string.Equals(serialized.Method, "HEAD", StringComparison.OrdinalIgnoreCase) && response.StatusCode is not HttpStatusCode.NoContent and not HttpStatusCode.NotModified;
            var body = hasBody
                ? await ReadBufferedBodyAsync(info, response.Content, cancellationToken).ConfigureAwait(false)
                : Array.Empty<byte>();
            return new AwsHttpResponse((int)response.StatusCode, responseHeaders, body);
        }
        finally
        {
            if (!handedOver)
            {
                response.Dispose();
            }
        }
    }

    private EndpointTarget RegionalTarget(ServiceInfo service)
    {
        if (UseFips || UseDualStack)
        {
            // The regional rule knows no FIPS or dual-stack host names; only a service's endpoint rules do.
            throw new NotSupportedException(
                service.ServiceId + " was generated without its endpoint rule set, so UseFips and UseDualStack cannot be honoured: "
                + "add the service's endpoint-rule-set-1.json beside the model, or set ServiceUrl to the endpoint wanted.");
        }

        return new(ResolveEndpoint(service), null, service.SigningName, Region);
    }

    /// <summary>
    /// Reads the whole body into memory, at most <see cref="AwsClientOptions.MaxResponseBodyBytes"/> of it (counted
    /// after any decompression the handler does, so a compression bomb stops at the limit too). A connection that
    /// ends before the body does is an <see cref="HttpRequestException"/>, retried like any transfer failure.
    /// </summary>
    /// <remarks>
    /// A successful response of an operation with a streaming payload bypasses this step: its stream goes to the
    /// caller unread, so it is neither buffered nor limited here. Its error responses are buffered and limited.
    /// </remarks>
    private async Task<byte[]> ReadBufferedBodyAsync(OperationInfo info, HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxResponseBodyBytes)
        {
            throw new AwsResponseTooLargeException(info.Service.ServiceId + " " + info.Name, maxResponseBodyBytes, declared);
        }

        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (declared is { } length && length <= Array.MaxLength)
            {
                // The usual case: the body is read straight into an array of its declared size, the one allocation of
                // this step (a body that ends early is an EndOfStreamException, an IOException like any other cut).
                var body = length == 0 ? Array.Empty<byte>() : new byte[length];
                await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
                return body;
            }

            // Chunked or decompressed: the size is learnt while reading, through a pooled chunk.
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return buffer.ToArray();
                    }

                    if (buffer.Length + read > maxResponseBodyBytes)
                    {
                        throw new AwsResponseTooLargeException(info.Service.ServiceId + " " + info.Name, maxResponseBodyBytes, null);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
        catch (IOException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new HttpRequestException(
                info.Service.ServiceId + " " + info.Name + ": the connection ended before the whole response body was received.", ex);
        }
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

    /// <summary>
    /// The region from the default chain. Without IMDS (<paramref name="askInstanceMetadata"/> false, the constructor),
    /// a region found nowhere is <see langword="null"/> and a malformed one an <see cref="ArgumentException"/>; with it
    /// (the first call), both are an <see cref="Configuration.AwsConfigurationException"/>.
    /// </summary>
    private static string? ResolveRegion(string? configured, string? profile, Configuration.AwsEnvironment environment, bool askInstanceMetadata)
    {
        var (region, source) = Configuration.DefaultRegionChain.FindWithSource(configured, profile, environment, askInstanceMetadata);
        if (region is null)
        {
            return askInstanceMetadata
                ? throw new Configuration.AwsConfigurationException(
                    "No AWS region: set AwsClientOptions.Region, the AWS_REGION environment variable or the profile's region (or run on EC2).")
                : null;
        }

        try
        {
            AwsEndpoints.ValidateRegion(region);
        }
        catch (ArgumentException e)
        {
            var message = "The region '" + region + "' from " + source + " is not a region name.";
            throw askInstanceMetadata ? new Configuration.AwsConfigurationException(message, e) : new ArgumentException(message, "options", e);
        }

        return region;
    }

    private static HttpClient CreateHttpClient(TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false, // a 3xx is an AWS error (e.g. wrong region), not something to follow
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

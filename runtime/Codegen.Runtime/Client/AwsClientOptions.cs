using System;
using System.Net.Http;
using Codegen.Runtime.Auth;

namespace Codegen.Runtime.Client;

/// <summary>
/// Settings of an <see cref="AwsClient"/>. The client copies them when it is created; later changes to this
/// object do not affect an existing client. Bindable from configuration (settable properties).
/// </summary>
public sealed class AwsClientOptions
{
    /// <summary>
    /// The AWS region, e.g. <c>eu-west-1</c>: part of the default endpoint and of the signature's credential scope.
    /// When <see langword="null"/>, the client follows <see cref="Configuration.DefaultRegionChain"/>: <c>AWS_REGION</c>,
    /// <c>AWS_DEFAULT_REGION</c>, the profile's <c>region</c>, then the EC2 instance metadata service.
    /// Needed even with <see cref="ServiceUrl"/> (requests are still signed for a region).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// An endpoint that replaces the regional AWS endpoint (local emulators, proxies, VPC endpoints), e.g.
    /// <c>http://localhost:4566</c>. A path in it prefixes every request path.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// Whether to use the service's FIPS 140 endpoints (the endpoint rules' <c>UseFIPS</c>). A service or region without
    /// them is an <see cref="Endpoints.EndpointResolutionException"/> when a call is made. Default <see langword="false"/>.
    /// Needs the service's endpoint rule set (generated with the client); without one it is an error to set it.
    /// </summary>
    public bool UseFips { get; set; }

    /// <summary>
    /// Whether to use the service's dual-stack (IPv4 and IPv6) endpoints (the endpoint rules' <c>UseDualStack</c>).
    /// Default <see langword="false"/>. Needs the service's endpoint rule set, as <see cref="UseFips"/> does.
    /// </summary>
    public bool UseDualStack { get; set; }

    /// <summary>
    /// Whether to use a service's legacy global endpoint where its rules still offer one (the rules'
    /// <c>AWS::STS::UseGlobalEndpoint</c> and <c>AWS::S3::UseGlobalEndpoint</c>: <c>sts.amazonaws.com</c> and
    /// <c>s3.amazonaws.com</c> for the regions that had them). Default <see langword="false"/>: the regional endpoint,
    /// as the AWS SDKs do today.
    /// </summary>
    public bool UseGlobalEndpoint { get; set; }

    /// <summary>
    /// Whether account-based endpoints are used where a service has them (DynamoDB: <c>{account}.ddb.{region}.amazonaws.com</c>):
    /// <c>preferred</c>, <c>disabled</c> or <c>required</c>, the rules' <c>AWS::Auth::AccountIdEndpointMode</c>;
    /// <see langword="null"/> (the default) leaves it to the rules (<c>preferred</c>). The account id itself is not
    /// taken from the credentials yet, so an account id in a table ARN is what selects such an endpoint, and
    /// <c>required</c> without one is an <see cref="Endpoints.EndpointResolutionException"/>.
    /// </summary>
    public string? AccountIdEndpointMode { get; set; }

    /// <summary>The endpoint settings of Amazon S3 and S3 Control (path style, acceleration, ARN regions); other services ignore them.</summary>
    public S3Options S3 { get; set; } = new();

    /// <summary>
    /// Where credentials come from; <see langword="null"/> (the default) means <see cref="Codegen.Runtime.Credentials.DefaultCredentialsChain"/>
    /// (environment, web identity, the shared config files, container, instance metadata), created for the client and
    /// disposed with it.
    /// </summary>
    public IAwsCredentialsSource? Credentials { get; set; }

    /// <summary>
    /// The profile of the shared config files (<c>~/.aws/config</c>, <c>~/.aws/credentials</c>) that the default
    /// credential and region chains read; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.
    /// Not used for what <see cref="Credentials"/> and <see cref="Region"/> set.
    /// </summary>
    public string? Profile { get; set; }

    /// <summary>
    /// Where the default chains read environment variables, the home directory and the clock; <see langword="null"/>
    /// means the process (<see cref="Configuration.AwsEnvironment.Process"/>). Tests and hosts with their own
    /// configuration pass one of their own.
    /// </summary>
    public Configuration.AwsEnvironment? Environment { get; set; }

    /// <summary>The most attempts per call, the first one included (AWS "standard" retry mode). Default 3; at least 1.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// The time one attempt may take, from sending the request to having read the whole response; an attempt that
    /// takes longer is abandoned and retried (a stalled or trickling endpoint cannot hang a call). Default
    /// <see cref="DefaultAttemptTimeout"/> (100 seconds, the <see cref="System.Net.Http.HttpClient"/> default the
    /// AWS SDK for .NET also uses); <see langword="null"/> or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// means no per-attempt limit.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// The time to open a connection (DNS, TCP and TLS) on the client's own <see cref="System.Net.Http.HttpClient"/>.
    /// Default <see cref="DefaultConnectTimeout"/> (10 seconds). A supplied <see cref="HttpClient"/> keeps its own
    /// handler's setting.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = DefaultConnectTimeout;

    /// <summary>
    /// The largest response body the client reads into memory, in bytes. A longer body (declared by
    /// <c>Content-Length</c> or counted while reading, after decompression) fails the call with
    /// <see cref="Http.AwsResponseTooLargeException"/> at once, without a retry. Default
    /// <see cref="DefaultMaxResponseBodyBytes"/> (64 MiB; DynamoDB's largest responses are 16 MB). Streaming
    /// payloads are never buffered and so not limited by this.
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>The default <see cref="AttemptTimeout"/>: 100 seconds.</summary>
    public static TimeSpan DefaultAttemptTimeout { get; } = TimeSpan.FromSeconds(100);

    /// <summary>The default <see cref="ConnectTimeout"/>: 10 seconds.</summary>
    public static TimeSpan DefaultConnectTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The default <see cref="MaxResponseBodyBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseBodyBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The base of the exponential backoff: before retry <c>i</c> (0 for the first retry) the client waits a random
    /// time between zero and <c>min(MaxBackoff, RetryBaseDelay * 2^i)</c> ("full jitter"). Default 1 second.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap of one backoff delay. Default 20 seconds.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The size of the client's retry quota (AWS "standard" mode): a token bucket shared by all calls of the client;
    /// a retry after an error takes 5 tokens, after a timeout or connection failure 10; a call that succeeds gives
    /// back what its last retry took (1 if it needed none). With the bucket empty, errors are returned without
    /// retrying, so an outage is not made worse by every caller's retries. Default 500; 0 turns the quota off.
    /// </summary>
    public int RetryQuotaCapacity { get; set; } = 500;

    /// <summary>
    /// Turns off request compression (operations the model marks <c>requestCompression</c>, e.g. CloudWatch
    /// PutMetricData, send large bodies gzip-compressed). <see langword="null"/>: the
    /// <c>AWS_DISABLE_REQUEST_COMPRESSION</c> variable, else the profile's <c>disable_request_compression</c>, else on.
    /// </summary>
    public bool? DisableRequestCompression { get; set; }

    /// <summary>
    /// The smallest request body that is compressed, in bytes (0 to 10,485,760). <see langword="null"/>: the
    /// <c>AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES</c> variable, else the profile's
    /// <c>request_min_compression_size_bytes</c>, else 10,240.
    /// </summary>
    public int? RequestMinCompressionSizeBytes { get; set; }

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send with, e.g. from <c>IHttpClientFactory</c>. The client
    /// never disposes a supplied one. When <see langword="null"/>, the client creates its own and disposes it
    /// with itself. A supplied client's own <see cref="HttpClient.Timeout"/> still applies, and counts as an
    /// attempt timeout. A supplied client must not follow redirects (a handler with <c>AllowAutoRedirect = false</c>;
    /// the .NET default is <see langword="true"/>): one that would is refused when the AWS client is created, since it
    /// would send the signed request and its session token to whatever host a 3xx names.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>The clock for signing times, backoff delays and attempt timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where the client logs retries (Information), failed calls (Warning), successful and canceled calls (Debug), in
    /// the category of the client's type name; <see langword="null"/> (the default) logs nothing. Events carry the
    /// service, operation, attempt numbers, error code or exception type, HTTP status and request id, never a
    /// credential, header value, body, member value, URL path or query, or error message (docs/observability.md).
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Where the client's meter (<see cref="Telemetry.AwsTelemetry.SourceName"/>) comes from, e.g. the host's
    /// <c>IMeterFactory</c>; <see langword="null"/> (the default) uses one meter shared by every client of the process.
    /// </summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// An id of the application, sent in the <c>User-Agent</c> header as <c>app/{AppId}</c> (the AWS SDKs'
    /// <c>sdk_ua_app_id</c>): at most 50 letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>. <see langword="null"/> means the
    /// <c>AWS_SDK_UA_APP_ID</c> environment variable, else none.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>Variations of the SigV4 rules; <see langword="null"/> means <see cref="SigV4Options.Default"/> (right for all services but S3).</summary>
    public SigV4Options? SigningOptions { get; set; }

    /// <summary>
    /// What is checked before a request is sent (required members, minimum lengths and values; maximums and
    /// patterns on request). <see langword="null"/> means <see cref="Validation.ValidationOptions.Default"/>;
    /// <see cref="Validation.ValidationOptions.None"/> turns checking off.
    /// </summary>
    public Validation.ValidationOptions? Validation { get; set; }

    /// <summary>
    /// How responses are read; <see langword="null"/> means <see cref="Operations.DeserializationOptions.Default"/>
    /// (a required member the service did not send takes its default or zero value).
    /// <see cref="Operations.DeserializationOptions.Strict"/> makes such a response an
    /// <see cref="Serialization.AwsDeserializationException"/>.
    /// </summary>
    public Operations.DeserializationOptions? Deserialization { get; set; }
}

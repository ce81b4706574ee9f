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
    /// When <see langword="null"/>, the client reads <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>.
    /// Needed even with <see cref="ServiceUrl"/> (requests are still signed for a region).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// An endpoint that replaces the regional AWS endpoint (local emulators, proxies, VPC endpoints), e.g.
    /// <c>http://localhost:4566</c>. A path in it prefixes every request path.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Where credentials come from; <see langword="null"/> (the default) means <see cref="EnvironmentCredentialsSource"/>.</summary>
    public IAwsCredentialsSource? Credentials { get; set; }

    /// <summary>The most attempts per call, the first one included (AWS "standard" retry mode). Default 3; at least 1.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// The time one attempt may take, from sending the request to having read the whole response; an attempt that
    /// takes longer is abandoned and retried. <see langword="null"/> (the default) means no per-attempt limit.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// The base of the exponential backoff: before retry <c>i</c> (0 for the first retry) the client waits a random
    /// time between zero and <c>min(MaxBackoff, RetryBaseDelay * 2^i)</c> ("full jitter"). Default 1 second.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap of one backoff delay. Default 20 seconds.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send with, e.g. from <c>IHttpClientFactory</c>. The client
    /// never disposes a supplied one. When <see langword="null"/>, the client creates its own and disposes it
    /// with itself. A supplied client's own <see cref="HttpClient.Timeout"/> still applies, and counts as an
    /// attempt timeout.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>The clock for signing times, backoff delays and attempt timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Variations of the SigV4 rules; <see langword="null"/> means <see cref="SigV4Options.Default"/> (right for all services but S3).</summary>
    public SigV4Options? SigningOptions { get; set; }

    /// <summary>
    /// What is checked before a request is sent (required members, minimum lengths and values; maximums and
    /// patterns on request). <see langword="null"/> means <see cref="Validation.ValidationOptions.Default"/>;
    /// <see cref="Validation.ValidationOptions.None"/> turns checking off.
    /// </summary>
    public Validation.ValidationOptions? Validation { get; set; }
}

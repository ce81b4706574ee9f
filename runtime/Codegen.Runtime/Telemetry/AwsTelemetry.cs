using System;
using System.Reflection;

namespace Codegen.Runtime.Telemetry;

/// <summary>
/// The names under which every <see cref="Client.AwsClient"/> reports what it does: one
/// <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <see cref="SourceName"/> and versioned <see cref="Version"/>, and the metric names below. Subscribe with
/// OpenTelemetry (<c>AddSource("Codegen.Aws")</c>, <c>AddMeter("Codegen.Aws")</c>) or any
/// <see cref="System.Diagnostics.ActivityListener"/> / <see cref="System.Diagnostics.Metrics.MeterListener"/>.
/// </summary>
/// <remarks>
/// <para>
/// Spans: one per call, named <c>{Service}.{Operation}</c> (e.g. <c>CognitoIdentityProvider.VerifySoftwareToken</c>),
/// kind <see cref="System.Diagnostics.ActivityKind.Client"/>, with a child span per attempt
/// (<c>{Service}.{Operation} attempt</c>, kind Internal). Tags follow OpenTelemetry's conventions for AWS SDK calls
/// (<c>rpc.system</c> = <c>aws-api</c>, <c>rpc.service</c>, <c>rpc.method</c>, <c>aws.request_id</c>,
/// <c>aws.extended_request_id</c>, <c>cloud.region</c>, <c>server.address</c>, <c>server.port</c>,
/// <c>http.response.status_code</c>, <c>error.type</c>, <c>http.request.resend_count</c>) plus
/// <c>codegen.aws.attempt</c> and <c>codegen.aws.attempt_count</c>. docs/observability.md lists each one.
/// </para>
/// <para>
/// Never recorded, in a tag, a span status, a metric or a log message: credentials, signatures, header values other
/// than the request ids, request or response bodies (and so no member value, sensitive or not), URL paths and
/// queries, error messages (services echo input in them) and exception messages.
/// </para>
/// </remarks>
public static class AwsTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>Codegen.Aws</c>.</summary>
    public const string SourceName = "Codegen.Aws";

    /// <summary>Histogram, seconds: a whole call, from the first attempt to the response read or the error (retries and backoff included).</summary>
    public const string CallDuration = "client.call.duration";

    /// <summary>Histogram, seconds: one attempt, from sending the request to the whole response read (or its failure).</summary>
    public const string AttemptDuration = "client.call.attempt_duration";

    /// <summary>Counter, <c>{attempt}</c>: attempts sent (the first one included).</summary>
    public const string Attempts = "client.call.attempts";

    /// <summary>Counter, <c>{retry}</c>: attempts after the first (a retry, or a request signed again for clock skew).</summary>
    public const string Retries = "client.call.retries";

    /// <summary>Counter, <c>{throttle}</c>: attempts answered with a throttling error (HTTP 429, a throttling error code, or one the model marks throttling).</summary>
    public const string Throttles = "client.call.throttles";

    /// <summary>Counter, <c>{error}</c>: calls that failed (after their retries), tagged with <c>error.type</c>.</summary>
    public const string Errors = "client.call.errors";

    /// <summary>The version of the source and meter, this library's version (e.g. <c>0.1.0</c>).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(AwsTelemetry).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus]; // without the source revision
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}

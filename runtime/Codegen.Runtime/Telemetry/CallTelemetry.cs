using System;
using System.Diagnostics;
using System.Globalization;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Telemetry;

/// <summary>
/// The telemetry of one call: its span and a child span per attempt, its metrics and its log events. The send
/// pipeline tells it what happens (an attempt starts, a response or an error arrives, the call ends); it decides what
/// is recorded. Only names, codes, numbers and request ids are: never a header value, a body, a URL path or query,
/// an error message or an exception message, so no credential, signature or member value can reach a listener.
/// </summary>
internal sealed class CallTelemetry : IDisposable
{
    private static readonly Action<ILogger, string, string, int, int, string, Exception?> LogRetry =
        LoggerMessage.Define<string, string, int, int, string>(
            LogLevel.Information,
            new EventId(1, "AwsCallRetry"),
            "Retrying {AwsService}.{AwsOperation}: attempt {Attempt} of {MaxAttempts}, after {Reason}");

    private static readonly Action<ILogger, string, string, int, string, int?, string?, Exception?> LogFailed =
        LoggerMessage.Define<string, string, int, string, int?, string?>(
            LogLevel.Warning,
            new EventId(2, "AwsCallFailed"),
            "{AwsService}.{AwsOperation} failed after {Attempts} attempt(s): {ErrorType} (HTTP status {StatusCode}, request id {AwsRequestId})");

    private static readonly Action<ILogger, string, string, int, int?, string?, Exception?> LogSucceeded =
        LoggerMessage.Define<string, string, int, int?, string?>(
            LogLevel.Debug,
            new EventId(3, "AwsCallSucceeded"),
            "{AwsService}.{AwsOperation} succeeded after {Attempts} attempt(s) (HTTP status {StatusCode}, request id {AwsRequestId})");

    private static readonly Action<ILogger, string, string, int, Exception?> LogCanceled =
        LoggerMessage.Define<string, string, int>(
            LogLevel.Debug,
            new EventId(4, "AwsCallCanceled"),
            "{AwsService}.{AwsOperation} was canceled after {Attempts} attempt(s)");

    private readonly ClientTelemetry client;
    private readonly string service;
    private readonly string operation;
    private readonly TagList tags;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Activity? activity;
    private Activity? attemptActivity;
    private long attemptStarted;
    private int attempts;
    private int? statusCode;
    private string? requestId;
    private string? extendedRequestId;
    private string? lastProblem;
    private string? errorType;
    private bool ended;

    internal CallTelemetry(ClientTelemetry client, OperationInfo info, string region)
    {
        this.client = client;
        service = ServiceName(info.Service);
        operation = info.Name;
        tags = new TagList
        {
            { "rpc.system", "aws-api" },
            { "rpc.service", service },
            { "rpc.method", operation },
        };
        activity = ClientTelemetry.Source.StartActivity(service + "." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", operation);
            activity.SetTag("cloud.region", region);
        }
    }

    /// <summary>The <c>rpc.service</c> of a service: its service id without spaces, e.g. <c>CognitoIdentityProvider</c>, <c>DynamoDB</c>.</summary>
    internal static string ServiceName(ServiceInfo service) => service.ServiceId.Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>Where the call goes: host and port only (no user info, path or query).</summary>
    public void SetEndpoint(Uri uri)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
        }
    }

    /// <summary>Attempt <paramref name="attempt"/> (1-based) is about to be sent; ends the previous one.</summary>
    public void StartAttempt(int attempt)
    {
        EndAttempt();
        attempts = attempt;
        var metrics = client.Metrics;
        metrics.Attempts.Add(1, tags);
        if (attempt > 1)
        {
            metrics.Retries.Add(1, tags);
            if (client.Logger is { } logger && logger.IsEnabled(LogLevel.Information))
            {
                LogRetry(logger, service, operation, attempt, client.MaxAttempts, lastProblem ?? "an error", null);
            }
        }

        lastProblem = null;
        attemptStarted = Stopwatch.GetTimestamp();
        // A child of the call: through Activity.Current when it is the call (so ending the attempt makes the call current
        // again for what follows, e.g. the next attempt's credential lookup), else by the call's context.
        var attemptName = service + "." + operation + " attempt";
        attemptActivity = activity is null ? null
            : Activity.Current == activity ? ClientTelemetry.Source.StartActivity(attemptName, ActivityKind.Internal)
            : ClientTelemetry.Source.StartActivity(attemptName, ActivityKind.Internal, activity.Context);
        if (attemptActivity is { IsAllDataRequested: true })
        {
            attemptActivity.SetTag("rpc.system", "aws-api");
            attemptActivity.SetTag("rpc.service", service);
            attemptActivity.SetTag("rpc.method", operation);
            attemptActivity.SetTag("codegen.aws.attempt", attempt);
            if (attempt > 1)
            {
                attemptActivity.SetTag("http.request.resend_count", attempt - 1);
            }
        }
    }

    /// <summary>The attempt's response arrived (any status).</summary>
    public void AttemptResponse(AwsHttpResponse response)
    {
        statusCode = response.StatusCode;
        requestId = response.RequestId ?? response.GetHeader("x-amzn-request-id");
        extendedRequestId = response.GetHeader("x-amz-id-2");
        if (attemptActivity is { IsAllDataRequested: true } span)
        {
            span.SetTag("http.response.status_code", response.StatusCode);
            SetRequestIds(span);
        }
    }

    /// <summary>The attempt's response is a service error: its code (never its message) is recorded, and the attempt ends.</summary>
    public void AttemptError(AwsServiceException error, int status)
    {
        var code = string.IsNullOrEmpty(error.ErrorCode) ? error.GetType().FullName ?? "AwsServiceException" : error.ErrorCode;
        lastProblem = code + " (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ")";
        if (IsThrottle(error, status))
        {
            client.Metrics.Throttles.Add(1, tags);
        }

        attemptActivity?.SetTag("error.type", code);
        attemptActivity?.SetStatus(ActivityStatusCode.Error, code);
        EndAttempt(); // before any backoff: the wait is the call's, not the attempt's
    }

    /// <summary>
    /// An exception filter: records that the attempt failed with <paramref name="exception"/> (its type only) and
    /// returns <see langword="false"/>, so the pipeline's own handlers decide what happens next.
    /// </summary>
    public bool AttemptFailed(Exception exception)
    {
        var type = TypeName(exception);
        lastProblem = type;
        attemptActivity?.SetTag("error.type", type);
        attemptActivity?.SetStatus(ActivityStatusCode.Error, type);
        EndAttempt();
        return false;
    }

    /// <summary>The call returned its response.</summary>
    public void Succeeded()
    {
        if (client.Logger is { } logger && logger.IsEnabled(LogLevel.Debug))
        {
            LogSucceeded(logger, service, operation, attempts, statusCode, requestId, null);
        }
    }

    /// <summary>An exception filter for the call: records the failure and returns <see langword="false"/>.</summary>
    public bool Failed(Exception exception)
    {
        errorType = exception is AwsServiceException { ErrorCode.Length: > 0 } serviceError ? serviceError.ErrorCode : TypeName(exception);
        var canceled = exception is OperationCanceledException;
        var errorTags = tags;
        errorTags.Add("error.type", errorType);
        client.Metrics.Errors.Add(1, errorTags);
        if (client.Logger is { } logger)
        {
            if (canceled)
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    LogCanceled(logger, service, operation, attempts, null);
                }
            }
            else if (logger.IsEnabled(LogLevel.Warning))
            {
                LogFailed(logger, service, operation, attempts, errorType, statusCode, requestId, null);
            }
        }

        return false;
    }

    /// <summary>Ends the last attempt and the call: durations, final tags and status.</summary>
    public void Dispose()
    {
        if (ended)
        {
            return;
        }

        ended = true;
        EndAttempt();
        var metrics = client.Metrics;
        if (metrics.CallDuration.Enabled)
        {
            var durationTags = tags;
            if (errorType is not null)
            {
                durationTags.Add("error.type", errorType);
            }

            metrics.CallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, durationTags);
        }

        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("codegen.aws.attempt_count", attempts);
            if (statusCode is { } status)
            {
                activity.SetTag("http.response.status_code", status);
            }

            SetRequestIds(activity);
            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
            }
        }

        if (errorType is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorType);
        }

        activity.Dispose();
    }

    private void EndAttempt()
    {
        if (attemptStarted == 0)
        {
            return;
        }

        var metrics = client.Metrics;
        if (metrics.AttemptDuration.Enabled)
        {
            metrics.AttemptDuration.Record(Stopwatch.GetElapsedTime(attemptStarted).TotalSeconds, tags);
        }

        attemptStarted = 0;
        attemptActivity?.Dispose();
        attemptActivity = null;
    }

    private void SetRequestIds(Activity span)
    {
        if (requestId is not null)
        {
            span.SetTag("aws.request_id", requestId);
        }

        if (extendedRequestId is not null)
        {
            span.SetTag("aws.extended_request_id", extendedRequestId);
        }
    }

    private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>HTTP 429, an error the model marks throttling, or a throttling code of the standard retry mode.</summary>
    private static bool IsThrottle(AwsServiceException error, int status) =>
        status == 429
        || error.IsThrottling
        || (Client.StandardRetry.RetryableErrorCodes.Contains(error.ErrorCode)
            && error.ErrorCode is not ("RequestTimeout" or "RequestTimeoutException"));
}

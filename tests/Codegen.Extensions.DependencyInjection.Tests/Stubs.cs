using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Codegen.Extensions.DependencyInjection.Tests;

/// <summary>
/// The transport of the tests: records each request (method, URI, headers) and answers from a script per host, the
/// n-th request to a host getting the n-th reply (the last one repeats). Nothing leaves the process.
/// </summary>
internal sealed class StubTransport : HttpMessageHandler
{
    private readonly Dictionary<string, (int Status, string Body)[]> scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<Seen> seen = new();

    public IReadOnlyList<Seen> Requests => seen.ToList();

    public StubTransport Answer(string host, params (int Status, string Body)[] replies)
    {
        scripts[host] = replies;
        return this;
    }

    public IReadOnlyList<Seen> To(string host) => Requests.Where(r => r.Uri.Host == host).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        // As sent: the non-validated view keeps a value such as User-Agent as one string (the parsed view splits it at spaces).
        var headers = request.Headers.NonValidated.Concat(request.Content?.Headers.NonValidated ?? Enumerable.Empty<KeyValuePair<string, HeaderStringValues>>())
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var host = request.RequestUri!.Host;
        var number = counts.AddOrUpdate(host, 1, (_, n) => n + 1);
        seen.Enqueue(new Seen(request.Method.Method, request.RequestUri, headers, body));
        if (!scripts.TryGetValue(host, out var replies))
        {
            throw new HttpRequestException("no script for " + host);
        }

        var (status, text) = replies[Math.Min(number, replies.Length) - 1];
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(text, Encoding.UTF8, "application/x-amz-json-1.1"),
            RequestMessage = request,
        };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", host + "-" + number);
        return response;
    }

    internal sealed record Seen(string Method, Uri Uri, Dictionary<string, string> Headers, string Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}

/// <summary>A logger factory that keeps every formatted message with its level and event name.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string? Event, string Message)> entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string? Event, string Message)> Entries => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.entries.Enqueue((category, logLevel, eventId.Name, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
    }
}

/// <summary>An <see cref="IMeterFactory"/> whose meters name it as their scope, and the measurements of those meters.</summary>
internal sealed class RecordingMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = new();
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, string Tags)> measurements = new();

    public RecordingMeterFactory()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == this)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Describe(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Describe(tags))));
        listener.Start();
    }

    public IReadOnlyList<(string Instrument, double Value, string Tags)> Measurements => measurements.ToList();

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Scope = this });
        lock (meters)
        {
            meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        listener.Dispose();
        lock (meters)
        {
            meters.ForEach(m => m.Dispose());
        }
    }

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add(tag.Key + "=" + tag.Value);
        }

        return string.Join(",", parts);
    }
}

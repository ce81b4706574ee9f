using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Codegen.Runtime.Telemetry;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Tests.Telemetry;

/// <summary>
/// Records the spans of one service (by <c>rpc.service</c>: other tests running at the same time use other services)
/// and the measurements of one meter factory (the client under test gets its own, so nothing else reaches it).
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener;
    private readonly ConcurrentQueue<Activity> activities = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public TelemetryCapture(string rpcService)
    {
        activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem("rpc.service") as string) == rpcService)
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == MeterFactory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.Start();
    }

    /// <summary>The meter factory to give the client (<c>AwsClientOptions.MeterFactory</c>).</summary>
    public TestMeterFactory MeterFactory { get; } = new();

    /// <summary>A logger factory to give the client (<c>AwsClientOptions.LoggerFactory</c>).</summary>
    public ListLoggerFactory Logs { get; } = new();

    /// <summary>Stopped spans, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Activities => activities.ToList();

    public IReadOnlyList<Measurement> Measurements => measurements.ToList();

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    /// <summary>Every string a listener could see: span names, tag values, status descriptions, event names, metric tags, log text and state.</summary>
    public string EverythingRecorded()
    {
        var texts = new List<string>();
        foreach (var activity in Activities)
        {
            texts.Add(activity.DisplayName);
            texts.Add(activity.OperationName);
            texts.Add(activity.StatusDescription ?? string.Empty);
            texts.AddRange(activity.TagObjects.Select(t => t.Key + "=" + t.Value));
            foreach (var e in activity.Events)
            {
                texts.Add(e.Name);
                texts.AddRange(e.Tags.Select(t => t.Key + "=" + t.Value));
            }

            texts.AddRange(activity.Baggage.Select(b => b.Key + "=" + b.Value));
        }

        foreach (var measurement in Measurements)
        {
            texts.AddRange(measurement.Tags.Select(t => t.Key + "=" + t.Value));
        }

        foreach (var entry in Logs.Entries)
        {
            texts.Add(entry.Category);
            texts.Add(entry.Message);
            texts.AddRange(entry.State.Select(s => s.Key + "=" + s.Value));
            texts.Add(entry.Exception?.ToString() ?? string.Empty);
        }

        return string.Join("\n", texts);
    }

    public void Dispose()
    {
        activityListener.Dispose();
        meterListener.Dispose();
        MeterFactory.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray()));

    internal sealed record Measurement(string Instrument, string? Unit, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
    }
}

/// <summary>An <see cref="IMeterFactory"/> of its own: its meters have it as their scope.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = new();

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (meters)
        {
            meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (meters)
        {
            meters.ForEach(m => m.Dispose());
            meters.Clear();
        }
    }
}

/// <summary>Keeps every log entry: level, event, category, formatted message and the structured state.</summary>
internal sealed class ListLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception);

    private sealed class ListLogger(ListLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            factory.entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values.ToList(), exception));
        }
    }
}

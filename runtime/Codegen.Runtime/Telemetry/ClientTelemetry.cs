using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Codegen.Runtime.Operations;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Telemetry;

/// <summary>
/// What one client reports through: the shared activity source, the meter's instruments (the shared meter, or one from
/// the client's <see cref="IMeterFactory"/>) and the client's logger, if any. The send pipeline starts a
/// <see cref="CallTelemetry"/> per call; everything it records is decided there, in one place.
/// </summary>
internal sealed class ClientTelemetry
{
    internal static readonly ActivitySource Source = new(AwsTelemetry.SourceName, AwsTelemetry.Version);

    private static readonly Lazy<Instruments> SharedInstruments =
        new(() => new Instruments(new Meter(AwsTelemetry.SourceName, AwsTelemetry.Version)));

    private readonly Instruments? ownInstruments;

    public ClientTelemetry(IMeterFactory? meterFactory, ILoggerFactory? loggerFactory, string loggerCategory, int maxAttempts)
    {
        ownInstruments = meterFactory is null
            ? null
            : new Instruments(meterFactory.Create(new MeterOptions(AwsTelemetry.SourceName) { Version = AwsTelemetry.Version }));
        Logger = loggerFactory?.CreateLogger(loggerCategory);
        MaxAttempts = maxAttempts;
    }

    internal Instruments Metrics => ownInstruments ?? SharedInstruments.Value;

    internal ILogger? Logger { get; }

    internal int MaxAttempts { get; }

    /// <summary>Starts the span and the clock of one call.</summary>
    public CallTelemetry StartCall(OperationInfo info, string region) => new(this, info, region);

    /// <summary>The instruments of one meter.</summary>
    internal sealed class Instruments
    {
        public Instruments(Meter meter)
        {
            CallDuration = meter.CreateHistogram<double>(AwsTelemetry.CallDuration, "s", "The duration of a call, retries and backoff included.");
            AttemptDuration = meter.CreateHistogram<double>(AwsTelemetry.AttemptDuration, "s", "The duration of one attempt.");
            Attempts = meter.CreateCounter<long>(AwsTelemetry.Attempts, "{attempt}", "Attempts sent, the first one included.");
            Retries = meter.CreateCounter<long>(AwsTelemetry.Retries, "{retry}", "Attempts after the first.");
            Throttles = meter.CreateCounter<long>(AwsTelemetry.Throttles, "{throttle}", "Attempts answered with a throttling error.");
            Errors = meter.CreateCounter<long>(AwsTelemetry.Errors, "{error}", "Calls that failed after their retries.");
        }

        public Histogram<double> CallDuration { get; }

        public Histogram<double> AttemptDuration { get; }

        public Counter<long> Attempts { get; }

        public Counter<long> Retries { get; }

        public Counter<long> Throttles { get; }

        public Counter<long> Errors { get; }
    }
}

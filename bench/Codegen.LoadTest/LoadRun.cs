#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.LoadTest;

/// <summary>
/// One run: dynalite started on a free port, a table, and for each round the same load through each library's client.
/// The libraries alternate within a round, so a slow phase of the machine or of dynalite does not favour one of them.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadSettings settings, TextWriter output)
    {
        await using var dynalite = await Dynalite.StartAsync().ConfigureAwait(false);
        output.WriteLine($"dynalite {dynalite.Version} at {dynalite.Endpoint}; {settings.Requests:N0} requests (PutItem then GetItem of the same key) per library and round, " +
            $"{settings.Workers} workers sharing one client, {settings.Warmup:N0} warm-up requests; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var table = "load-" + Guid.NewGuid().ToString("N")[..8];
        using var codegen = new CodegenDynamoDb(dynalite.Endpoint, table);
        using var sdk = new AwsSdkDynamoDb(dynalite.Endpoint, table);
        await codegen.CreateTableAsync().ConfigureAwait(false);

        var clients = new ILoadClient[] { codegen, sdk };
        var results = new List<PhaseResult>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            // Even rounds reverse the order, so neither library always goes first.
            var order = round % 2 == 1 ? clients : clients.Reverse().ToArray();
            foreach (var client in order)
            {
                await LoadPhase.RunAsync(client, settings.Workers, settings.Warmup, $"w{round}-{client.Name}").ConfigureAwait(false);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var result = await LoadPhase.RunAsync(client, settings.Workers, settings.Requests, $"r{round}-{client.Name}").ConfigureAwait(false);
                results.Add(result with { Round = round });
                output.WriteLine($"  round {round}: {client.Name,-16} done ({result.Lost} lost, {result.MixedUp} mixed up)");
            }
        }

        output.WriteLine();
        output.WriteLine("| Client | Round | Requests | Lost | Mixed up | Requests/s | p50 | p99 | max | Allocated/request | Working set after warm-up → end (peak) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Client} | {r.Round} | {r.Requests:N0} | {r.Lost} | {r.MixedUp} | {r.RequestsPerSecond:N0} | {Ms(r.P50)} | {Ms(r.P99)} | {Ms(r.Max)} | " +
                $"{r.AllocatedBytesPerRequest / 1024.0:N1} KiB | {Mib(r.WorkingSetStart)} → {Mib(r.WorkingSetEnd)} ({Mib(r.WorkingSetPeak)}) |"));
        }

        foreach (var failure in results.SelectMany(r => r.FirstFailures).Take(5))
        {
            output.WriteLine("failure: " + failure);
        }

        return results.All(r => r.Lost == 0 && r.MixedUp == 0) ? 0 : 1;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N2", CultureInfo.InvariantCulture) + " ms";

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";
}

/// <summary>
/// The figures of one phase. Latency is per request (a PutItem or a GetItem), from the call to its completed task.
/// Working set: the process's, after the warm-up and a full collection, at the end, and the highest sampled between.
/// </summary>
internal sealed record PhaseResult(
    string Client,
    int Requests,
    int Lost,
    int MixedUp,
    double RequestsPerSecond,
    TimeSpan P50,
    TimeSpan P99,
    TimeSpan Max,
    double AllocatedBytesPerRequest,
    long WorkingSetStart,
    long WorkingSetEnd,
    long WorkingSetPeak,
    IReadOnlyList<string> FirstFailures)
{
    public int Round { get; init; }
}

/// <summary>
/// Workers take request pairs from one counter until the phase's count is reached: each pair puts an item with a key
/// and a payload no other pair uses, then gets that key and checks that the item is the one it put (a response
/// handed to the wrong caller, or a body read into the wrong buffer, would show as a mixed-up response).
/// </summary>
internal static class LoadPhase
{
    public static async Task<PhaseResult> RunAsync(ILoadClient client, int workers, int requests, string keyPrefix)
    {
        var pairs = requests / 2;
        var latencies = new long[pairs * 2];
        var next = -1;
        var lost = 0;
        var mixedUp = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetStart = process.WorkingSet64;
        var peak = workingSetStart;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                InterlockedMax(ref peak, self.WorkingSet64);
                try
                {
                    await Task.Delay(100, sampling.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int pair;
            while ((pair = Interlocked.Increment(ref next)) < pairs)
            {
                var key = keyPrefix + "-" + pair.ToString(CultureInfo.InvariantCulture);
                // Not ASCII only: a body decoded with the wrong encoding or cut at a wrong boundary would not match.
                var payload = "payload ✓ é " + Guid.NewGuid().ToString("N") + " " + key;
                try
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await client.PutAsync(key, payload).ConfigureAwait(false);
                    var t1 = Stopwatch.GetTimestamp();
                    var (gotKey, gotPayload) = await client.GetAsync(key).ConfigureAwait(false);
                    var t2 = Stopwatch.GetTimestamp();
                    latencies[pair * 2] = t1 - t0;
                    latencies[(pair * 2) + 1] = t2 - t1;
                    if (gotKey != key || gotPayload != payload)
                    {
                        Interlocked.Increment(ref mixedUp);
                        failures.Enqueue($"{client.Name}: GetItem {key} returned {gotKey ?? "no item"}");
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref lost);
                    failures.Enqueue($"{client.Name}: {key}: {ex.GetType().Name}: {ex.Message}");
                    latencies[pair * 2] = latencies[(pair * 2) + 1] = -1;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        sampling.Cancel();
        await sampler.ConfigureAwait(false);
        process.Refresh();
        var workingSetEnd = process.WorkingSet64;

        var measured = latencies.Where(l => l >= 0).Order().ToArray();
        TimeSpan Percentile(double p) => measured.Length == 0
            ? TimeSpan.Zero
            : Stopwatch.GetElapsedTime(0, measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p * measured.Length) - 1)]);

        return new PhaseResult(
            client.Name,
            pairs * 2,
            lost,
            mixedUp,
            pairs * 2 / elapsed.TotalSeconds,
            Percentile(0.50),
            Percentile(0.99),
            Percentile(1.0),
            (double)allocated / (pairs * 2),
            workingSetStart,
            workingSetEnd,
            Math.Max(peak, workingSetEnd),
            failures.Take(5).ToArray());
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
#endif

using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// dynalite (a DynamoDB emulator, in memory), ready when it answers HTTP at all. Tables become <c>ACTIVE</c> at once
/// (<see cref="TableStateMs"/>), so the paging tests need no waiting; the waiter tests use
/// <see cref="SlowTablesDynaliteFixture"/>, which keeps them <c>CREATING</c> and <c>DELETING</c> for a while.
/// </summary>
public class DynaliteFixture : NodeServerFixture
{
    /// <summary>How long dynalite keeps a new table <c>CREATING</c> (and a deleted one <c>DELETING</c>), in milliseconds.</summary>
    public virtual int TableStateMs => 0;

    protected override string Name => "dynalite";

    protected override void Configure(ProcessStartInfo start, int port)
    {
        start.ArgumentList.Add(NodeTooling.DynaliteScript);
        start.ArgumentList.Add("--host");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--createTableMs");
        start.ArgumentList.Add(TableStateMs.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--deleteTableMs");
        start.ArgumentList.Add(TableStateMs.ToString(CultureInfo.InvariantCulture));
    }

    protected override async Task<bool> IsReadyAsync(HttpClient probe, Uri url)
    {
        using var response = await probe.GetAsync(url).ConfigureAwait(false);
        return true; // any answer (dynalite refuses a bare GET) means it listens
    }
}

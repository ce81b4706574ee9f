using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;

namespace Codegen.LoadTest;

/// <summary>
/// dynalite (a DynamoDB emulator on Node, installed by <c>.ci/install</c>) as a child process on a free loopback port,
/// its tables <c>ACTIVE</c> at once, killed with its process tree on dispose. A separate process, so its CPU time is
/// not the client's; on a 2-core machine the two still share the cores.
/// </summary>
internal sealed class Dynalite : IAsyncDisposable
{
    private readonly Process process;
    private readonly string workingDirectory;

    private Dynalite(Process process, string workingDirectory, Uri endpoint, string version)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        Endpoint = endpoint;
        Version = version;
    }

    public Uri Endpoint { get; }

    public string Version { get; }

    public static async Task<Dynalite> StartAsync()
    {
        var root = typeof(Dynalite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CodegenRepositoryRoot").Value!;
        var package = Path.Combine(root, "tests", "Codegen.EndToEnd.Tests", "node", "node_modules", "dynalite");
        var script = Path.Combine(package, "cli.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"dynalite is not installed ({script} is missing): run .ci/install first");
        }

        using var packageJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(package, "package.json")).ConfigureAwait(false));
        var version = packageJson.RootElement.GetProperty("version").GetString() ?? "?";

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var workingDirectory = Directory.CreateTempSubdirectory("codegen-load-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("dynalite: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"dynalite exited with {process.ExitCode} while starting");
            }

            try
            {
                using var _ = await probe.GetAsync(endpoint).ConfigureAwait(false);
                return new Dynalite(process, workingDirectory, endpoint, version); // any answer means it listens
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
        Directory.Delete(workingDirectory, recursive: true);
    }
}

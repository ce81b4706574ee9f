using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One emulator process (a Node server: cognito-local, dynalite) for a test class: started on first use (so that a
/// missing prerequisite is reported as a skip by the test, not as a fixture failure) on 127.0.0.1 and a free port,
/// from a fresh temporary folder as its working directory, and killed with its process tree on dispose. Tests share
/// the process; each keeps to data of its own (a user pool, tables with names of its own).
/// </summary>
public abstract class NodeServerFixture : IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly StringBuilder log = new();
    private Process? process;
    private string? workingDirectory;
    private Uri? endpoint;

    /// <summary>The server's name in messages.</summary>
    protected abstract string Name { get; }

    /// <summary>Sets the script, arguments and environment that start the server on <paramref name="port"/> of 127.0.0.1.</summary>
    protected abstract void Configure(ProcessStartInfo start, int port);

    /// <summary>Whether the server at <paramref name="url"/> answers yet (throws <see cref="HttpRequestException"/> while it does not listen).</summary>
    protected abstract Task<bool> IsReadyAsync(HttpClient probe, Uri url);

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>
    /// The endpoint of the running server, starting it on first call. Skips the calling test (fails it
    /// under CI) when Node or the packages are missing.
    /// </summary>
    public async Task<Uri> GetEndpointAsync()
    {
        var node = NodeTooling.Require();
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (endpoint is not null)
            {
                return endpoint;
            }

            // The port is free when we look; if another process takes it before node binds, start again.
            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    endpoint = await StartAsync(node).ConfigureAwait(false);
                    return endpoint;
                }
                catch (ServerStartException ex)
                {
                    last = ex;
                    Stop();
                }
            }

            throw new InvalidOperationException(Name + " did not start", last);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Kills the server (and anything it started) and deletes its temporary folder.</summary>
    public void Dispose()
    {
        Stop();
        gate.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<Uri> StartAsync(string node)
    {
        var port = FreePort();
        workingDirectory = Directory.CreateTempSubdirectory("codegen-" + Name + "-").FullName;
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NODE_NO_WARNINGS"] = "1";
        Configure(start, port);

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var url = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                throw new ServerStartException($"{Name} exited with {process.ExitCode} while starting:\n{Log}");
            }

            try
            {
                if (await IsReadyAsync(probe, url).ConfigureAwait(false))
                {
                    return url;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new ServerStartException($"{Name} did not answer on {url} within {StartupTimeout.TotalSeconds} s:\n{Log}");
    }

    private void Stop()
    {
        if (process is { } running)
        {
            try
            {
                if (!running.HasExited)
                {
                    running.Kill(entireProcessTree: true);
                    running.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            running.Dispose();
            process = null;
        }

        if (workingDirectory is { } dir)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is a temporary folder.
            }
            catch (UnauthorizedAccessException)
            {
                // Best effort.
            }

            workingDirectory = null;
        }

        endpoint = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.Length < 200_000)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private sealed class ServerStartException(string message) : Exception(message);
}

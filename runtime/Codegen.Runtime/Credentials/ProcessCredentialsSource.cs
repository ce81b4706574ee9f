using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Credentials printed by an external command: a profile's <c>credential_process</c>. The command runs through the
/// platform's shell (<c>/bin/sh -c</c>, or <c>cmd.exe /c</c> on Windows) and must print, on standard output, a JSON
/// object with <c>Version</c> 1, <c>AccessKeyId</c>, <c>SecretAccessKey</c> and optionally <c>SessionToken</c>,
/// <c>Expiration</c> (ISO 8601) and <c>AccountId</c>, and exit with code 0.
/// </summary>
/// <remarks>
/// Errors name the profile (and where the command is written), the exit code and the command's standard error,
/// never the command line (it may hold a secret) or its standard output. A command that runs longer than the
/// timeout is killed; output beyond 64 KiB is refused.
/// </remarks>
public sealed class ProcessCredentialsSource : IAwsCredentialsSource
{
    /// <summary>The default time the command may take: 1 minute.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    private const int MaximumErrorChars = 1024;

    private readonly string command;
    private readonly string description;
    private readonly TimeSpan timeout;

    /// <summary>Runs <paramref name="command"/> when credentials are asked for.</summary>
    /// <param name="command">The command line, as a profile's <c>credential_process</c> holds it.</param>
    /// <param name="description">Names the command in errors (e.g. the profile and file), instead of its text.</param>
    /// <param name="timeout">The time the command may take; default 1 minute.</param>
    public ProcessCredentialsSource(string command, string? description = null, TimeSpan? timeout = null)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            throw new ArgumentException("The command must not be empty.", nameof(command));
        }

        this.command = command;
        this.description = description ?? "credential_process";
        this.timeout = timeout ?? DefaultTimeout;
    }

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The command cannot start, fails, times out or prints something unusable.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        using var process = new Process { StartInfo = StartInfo(command) };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new AwsCredentialsException(description + " could not be started (" + e.Message + ").", e);
        }

        process.StandardInput.Close();
        var output = ReadLimitedAsync(process.StandardOutput, CredentialsJson.MaximumBytes);
        var error = ReadLimitedAsync(process.StandardError, MaximumErrorChars);
        using var limit = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new AwsCredentialsException(description + " did not finish within " + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s and was stopped.");
        }

        var (stdout, truncated) = await output.ConfigureAwait(false);
        var (stderr, _) = await error.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var detail = stderr.Trim();
            throw new AwsCredentialsException(
                description + " exited with code " + process.ExitCode.ToString(CultureInfo.InvariantCulture)
                + (detail.Length > 0 ? ": " + detail : "."));
        }

        if (truncated)
        {
            throw new AwsCredentialsException(description + " printed more than 64 KiB; a credentials document is far smaller.");
        }

        using var document = CredentialsJson.Parse(Encoding.UTF8.GetBytes(stdout), description);
        var root = document.RootElement;
        if (!root.TryGetProperty("Version", out var version) || version.ValueKind != System.Text.Json.JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 1)
        {
            throw new AwsCredentialsException(description + " printed a document without \"Version\": 1 (the only version there is).");
        }

        return CredentialsJson.Read(root, "SessionToken", description);
    }

    /// <summary>Names the source without the command line.</summary>
    public override string ToString() => "ProcessCredentialsSource(" + description + ")";

    private static ProcessStartInfo StartInfo(string command)
    {
        var info = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", command } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command } };
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.CreateNoWindow = true;
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;
        return info;
    }

    /// <summary>Reads a stream to its end, keeping at most <paramref name="limit"/> characters (so a chatty command cannot fill memory).</summary>
    private static async Task<(string Text, bool Truncated)> ReadLimitedAsync(StreamReader reader, int limit)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        var truncated = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            var room = limit - kept.Length;
            if (read > room)
            {
                truncated = true;
                read = Math.Max(room, 0);
            }

            kept.Append(buffer, 0, read);
        }

        return (kept.ToString(), truncated);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // it ended on its own meanwhile
        }
    }
}

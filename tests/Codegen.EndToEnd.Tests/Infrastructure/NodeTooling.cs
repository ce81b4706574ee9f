using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Testing;
using Xunit;

namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The Node side of the end-to-end tests: the <c>node/</c> folder beside this project (cognito-local, dynalite, s3rver and the AWS SDK
/// for JavaScript v3, installed by <c>.ci/install</c>) and the <c>node</c> executable. Tests that need them call
/// <see cref="Require"/>: without them they are reported as skipped with the reason, except under CI
/// (<c>CI=true</c>), where that is a failure.
/// </summary>
internal static class NodeTooling
{
    /// <summary>The npm package folder of the end-to-end tests.</summary>
    public static string PackageFolder { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "Codegen.EndToEnd.Tests", "node");

    /// <summary>cognito-local's entry point.</summary>
    public static string CognitoLocalStartScript { get; } =
        Path.Combine(PackageFolder, "node_modules", "cognito-local", "lib", "bin", "start.js");

    /// <summary>dynalite's command line entry point.</summary>
    public static string DynaliteScript { get; } = Path.Combine(PackageFolder, "node_modules", "dynalite", "cli.js");

    /// <summary>s3rver's command line entry point.</summary>
    public static string S3rverScript { get; } = Path.Combine(PackageFolder, "node_modules", "s3rver", "bin", "s3rver.js");

    /// <summary>The differential script.</summary>
    public static string DifferentialScript { get; } = Path.Combine(PackageFolder, "differential.js");

    /// <summary>The wire differential script: restJson1 (Lambda, API Gateway, Greengrass V2) and rpcv2Cbor (PartnerCentral Revenue Measurement).</summary>
    public static string WireDifferentialScript { get; } = Path.Combine(PackageFolder, "wire-differential.js");

    /// <summary>The case list both sides of the differential test read.</summary>
    public static string DifferentialCases { get; } = Path.Combine(PackageFolder, "differential-cases.json");

    /// <summary>The AWS SDK for JavaScript clients the differential tests drive.</summary>
    private static readonly string[] SdkPackages =
        new[] { "client-cognito-identity-provider", "client-lambda", "client-api-gateway", "client-greengrassv2", "client-partnercentral-revenue-measurement" }
            .Select(client => Path.Combine(PackageFolder, "node_modules", "@aws-sdk", client, "package.json"))
            .ToArray();

    private static readonly Lazy<string?> LazyNode = new(FindNode);

    /// <summary>
    /// The full path of the <c>node</c> executable; skips the calling test (fails it under CI) when node or the
    /// installed packages are missing.
    /// </summary>
    public static string Require()
    {
        if (!File.Exists(CognitoLocalStartScript) || !File.Exists(DynaliteScript) || !File.Exists(S3rverScript) || !Array.TrueForAll(SdkPackages, File.Exists))
        {
            Unavailable($"the Node packages of the end-to-end tests are not installed in {PackageFolder}: run .ci/install");
        }

        if (LazyNode.Value is not { } node)
        {
            Unavailable("node is not on the PATH; the end-to-end tests need Node.js 18 or later (and .ci/install)");
            return null!;
        }

        return node;
    }

    /// <summary>Whether the tests run under CI, where missing prerequisites fail instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs <c>node</c> with <paramref name="arguments"/> in the package folder and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">node exits with a non-zero code or does not finish in time.</exception>
    public static async Task<string> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Require())
        {
            WorkingDirectory = PackageFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_NO_WARNINGS"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"node {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{errors}");
        }

        return output;
    }

    private static void Unavailable(string reason)
    {
        if (IsCi)
        {
            throw new InvalidOperationException(reason + " (CI requires it)");
        }

        Skip.If(true, reason);
    }

    private static string? FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node.cmd" } : new[] { "node" };
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir.Trim(), name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

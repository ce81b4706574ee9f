using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace Codegen.Package.Tests.Infrastructure;

/// <summary>The result of one <c>dotnet</c> command: exit code, stdout and stderr interleaved, and how long it took.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"> {CommandLine}  (exit {ExitCode}, {Elapsed.TotalSeconds:0.0} s){Environment.NewLine}{Output}";
}

/// <summary>
/// Runs the <c>dotnet</c> found on PATH as a child process. The child gets a clean environment for MSBuild: the
/// variables the test host inherits from an outer <c>dotnet test</c> (MSBuild*, NuGet fallback folders) are
/// removed, telemetry and first-run output are off, and no build server or MSBuild node outlives the command
/// (<c>--disable-build-servers</c> is added by the callers; node reuse is switched off here).
/// </summary>
internal static class DotNet
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var inherited = new List<string>(start.Environment.Keys);
        foreach (var name in inherited)
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("NUGET_FALLBACK_PACKAGES", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var commandLine = "dotnet " + string.Join(" ", arguments);
        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new XunitException($"timed out after {DefaultTimeout.TotalMinutes} min: {commandLine} in {workingDirectory}{Environment.NewLine}{Text(output)}");
        }

        process.WaitForExit(); // drains the redirected streams
        return new CommandResult(commandLine, process.ExitCode, Text(output), stopwatch.Elapsed);
    }

    /// <summary>Runs the command and fails the test, with its whole output, when it exits with an error.</summary>
    public static CommandResult RunChecked(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = Run(workingDirectory, environment, arguments);
        if (result.ExitCode != 0)
        {
            throw new XunitException($"command failed in {workingDirectory}{Environment.NewLine}{result}");
        }

        return result;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

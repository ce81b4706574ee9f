using System;
using System.Globalization;
using System.Threading.Tasks;

namespace Codegen.LoadTest;

/// <summary>
/// <c>dotnet run -c Release --project bench/Codegen.LoadTest -- [--requests N] [--workers W] [--warmup N] [--rounds R]</c>:
/// starts dynalite, then for each round runs the generated DynamoDB client and the AWS SDK for .NET's against it, one
/// client per library shared by all workers, and prints one table row per library and round (BENCHMARKS.md, "Load").
/// Exit code 1 when any response was lost (an exception) or mixed up (another request's item).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var settings = LoadSettings.Parse(args);
        if (settings is null)
        {
            Console.Error.WriteLine("usage: Codegen.LoadTest [--requests 20000] [--workers 64] [--warmup 2000] [--rounds 2]");
            return 2;
        }

#if CODEGEN_SHARED_MODELS
        return await LoadRun.RunAsync(settings, Console.Out).ConfigureAwait(false);
#else
        await Task.CompletedTask.ConfigureAwait(false);
        Console.Error.WriteLine(
            "the load test needs the DynamoDB model (models/botocore/dynamodb/2012-08-10/service-2.json in the shared data), "
            + "which was not found at build time: put the shared data at ../shared beside the repository or set CODEGEN_SHARED_DIR, then build again.");
        return 1;
#endif
    }
}

/// <summary>What one run does: requests per library and round (half PutItem, half GetItem), workers, warm-up requests, rounds.</summary>
internal sealed record LoadSettings(int Requests, int Workers, int Warmup, int Rounds)
{
    public static LoadSettings? Parse(string[] args)
    {
        var settings = new LoadSettings(20_000, 64, 2_000, 2);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return null;
            }

            settings = args[i] switch
            {
                "--requests" => settings with { Requests = value + (value % 2) },
                "--workers" => settings with { Workers = value },
                "--warmup" => settings with { Warmup = value + (value % 2) },
                "--rounds" => settings with { Rounds = value },
                _ => null,
            };
            if (settings is null)
            {
                return null;
            }

            i++;
        }

        return settings;
    }
}

using System;
using System.Threading.Tasks;

namespace Codegen.Cli;

/// <summary>Entry point: dispatches to the verbs.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "generate" => GenerateCommand.Run(rest),
                "conformance" => await ConformanceCommand.RunAsync(rest).ConfigureAwait(false),
                "sweep" => SweepCommand.Run(rest),
                "endpoints" => Endpoints.EndpointsCommand.Run(rest),
                "jmespath" => Jmespath.JmespathCommand.Run(rest),
                "jmespath-typed" => Jmespath.JmespathTypedCommand.Run(rest),
                _ => Unknown(args[0]),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            PrintUsage();
            return 2;
        }
    }

    private static int Unknown(string verb)
    {
        Console.Error.WriteLine($"error: unknown verb '{verb}'");
        PrintUsage();
        return 2;
    }

    private static void PrintUsage()
    {
        Console.Error.WriteLine("""
            usage: codegen <verb> [options]

              generate <spec> --out <folder> [--operations A;B] [--namespace N] [--internal] [--protocol P]
                       [--endpoint-rules <file>|false] [--paginators <file>|false] [--waiters <file>|false]
                  Writes the files the source generator would add for <spec> (with the companion files
                  beside it, as the AwsModel item does, unless named or turned off).
              conformance <file-or-folder>... [--verbose] [--ignore-list <file>] [--no-ignore-list]
                          [--known-failures <file>] [--dump <folder>]
                  Runs botocore-format protocol test files through generated code (docs/conformance.md).
              sweep <folder> [--compile] [--jobs N] [--only a,b,c] [--protocol P]
                  Generates (and compiles) every model under <folder>; with --protocol, every model that
                  lists protocol P (e.g. rpcv2Cbor), generated with it as the Protocol metadata chooses.
              endpoints <folder>... [--tests <folder>] [--only a,b,c] [--verbose] [--dump <folder>]
                  Compiles every endpoint rule set under <folder> (botocore or Smithy models) and runs
                  its test cases through the compiled resolvers (docs/endpoints.md).
              jmespath <folder-or-file>... [--verbose]
                  Runs the JMESPath compliance suite through the generator's JMESPath compiler
                  (docs/paginators.md).
              jmespath-typed <botocore folder> [--only a,b,c] [--samples N] [--verbose]
                  Runs every paginator and waiter expression, compiled to C# over the generated types,
                  on random responses and compares it with JmesPath.Net (docs/paginators.md).
            """);
    }
}

/// <summary>Bad command-line arguments.</summary>
public sealed class UsageException(string message) : Exception(message);

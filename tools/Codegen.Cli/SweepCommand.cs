namespace Codegen.Cli;

internal static class SweepCommand
{
    public static int Run(string[] args) => throw new UsageException("sweep: not yet available");
}

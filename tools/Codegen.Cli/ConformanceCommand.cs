using System.Threading.Tasks;

namespace Codegen.Cli;

internal static class ConformanceCommand
{
    public static Task<int> RunAsync(string[] args) => throw new UsageException("conformance: not yet available");
}

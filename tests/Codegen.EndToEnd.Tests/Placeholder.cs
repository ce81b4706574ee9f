namespace Codegen.EndToEnd.Tests;

internal static class Placeholder
{
}

using System;
using BenchmarkDotNet.Running;
using Codegen.Benchmarks.Generator;
using Codegen.Benchmarks.Infrastructure;

namespace Codegen.Benchmarks;

/// <summary>
/// Entry point. <c>verify</c> checks that the implementations of each benchmark produce equivalent results (no
/// timing); <c>generator-facts</c> runs each generator benchmark once and prints what it produced; anything else goes to BenchmarkDotNet's switcher, e.g. <c>--filter '*'</c> for everything.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "verify")
        {
            return Verification.Run(Console.Out);
        }

        if (args.Length > 0 && args[0] == "generator-facts")
        {
            return GeneratorFacts.Run(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
        return 0;
    }
}

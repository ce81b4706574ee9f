using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Codegen.Benchmarks.Infrastructure;

/// <summary>
/// The configuration every benchmark runs with: one short job (so that the whole suite fits in about 25 minutes on
/// a shared 2-core machine), allocations measured, the ratio to the floor (BenchmarkDotNet's Ratio, the floor
/// being each group's baseline) and to the AWS SDK (the extra "vs SDK" column), GitHub markdown and CSV reports.
/// </summary>
public static class BenchConfig
{
    /// <summary>The job: 1 launch, 3 warm-up and 15 measured iterations of at least 250 ms each.</summary>
    public static Job ShortJob { get; } = Job.Default
        .WithId("Short")
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));

    public static IConfig Create() => ManualConfig.CreateEmpty()
        .AddJob(ShortJob)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddColumn(CategoriesColumn.Default)
        .AddColumn(new RatioToSdkColumn())
        .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .AddExporter(CsvExporter.Default)
        .AddAnalyser(BenchmarkDotNet.Analysers.EnvironmentAnalyser.Default)
        .AddValidator(BenchmarkDotNet.Validators.JitOptimizationsValidator.FailOnError)
        .AddValidator(BenchmarkDotNet.Validators.BaselineValidator.FailOnError)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
        .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
        .WithOption(ConfigOptions.DisableLogFile, false);
}

using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Codegen.Benchmarks.Infrastructure;

/// <summary>
/// "vs SDK": this benchmark's mean time divided by the mean time of the AWS SDK benchmark of the same logical group
/// (same class, category and parameters); below 1 is faster than the SDK. The SDK benchmark is the one whose method
/// name contains <c>AwsSdk</c>. Empty where a group has none.
/// </summary>
public sealed class RatioToSdkColumn : IColumn
{
    public const string SdkMarker = "AwsSdk";

    public string Id => nameof(RatioToSdkColumn);

    public string ColumnName => "vs SDK";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean time / mean time of the AWS SDK for .NET v4 benchmark of the same group (lower is faster)";

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(b => b.Descriptor.WorkloadMethod.Name.Contains(SdkMarker, StringComparison.Ordinal));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var group = summary.GetLogicalGroupKey(benchmarkCase);
        var sdk = summary.BenchmarksCases.FirstOrDefault(b =>
            b.Descriptor.WorkloadMethod.Name.Contains(SdkMarker, StringComparison.Ordinal) &&
            summary.GetLogicalGroupKey(b) == group);
        var mine = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var theirs = sdk is null ? null : summary[sdk]?.ResultStatistics?.Mean;
        if (mine is null || theirs is null || theirs.Value <= 0)
        {
            return "-";
        }

        return (mine.Value / theirs.Value).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}

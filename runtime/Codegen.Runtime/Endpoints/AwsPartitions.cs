using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Codegen.Runtime.Endpoints;

/// <summary>
/// The AWS partitions as data (the facts of botocore's <c>partitions.json</c>, version 1.1, as of botocore 1.43):
/// each partition's outputs, the regions it lists by name and the pattern its other regions follow.
/// <c>aws.partition</c> checks the partitions in this order, by name and then by pattern; a region no partition
/// claims belongs to the first (<c>aws</c>), as in every AWS SDK.
/// </summary>
public static partial class AwsPartitions
{
    private static readonly PartitionEntry[] Entries =
    {
        new(
            new EndpointPartition("aws", "amazonaws.com", "api.aws", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "us-east-1"),
            AwsRegex(),
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
            "aws-global", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
            "us-east-1", "us-east-2", "us-west-1", "us-west-2"),
        new(
            new EndpointPartition("aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "cn-northwest-1"),
            AwsCnRegex(),
            "aws-cn-global", "cn-north-1", "cn-northwest-1"),
        new(
            new EndpointPartition("aws-eusc", "amazonaws.eu", "api.amazonwebservices.eu", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "eusc-de-east-1"),
            AwsEuscRegex(),
            "eusc-de-east-1"),
        new(
            new EndpointPartition("aws-iso", "c2s.ic.gov", "api.aws.ic.gov", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "us-iso-east-1"),
            AwsIsoRegex(),
            "aws-iso-global", "us-iso-east-1", "us-iso-west-1"),
        new(
            new EndpointPartition("aws-iso-b", "sc2s.sgov.gov", "api.aws.scloud", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "us-isob-east-1"),
            AwsIsoBRegex(),
            "aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"),
        new(
            new EndpointPartition("aws-iso-e", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "eu-isoe-west-1"),
            AwsIsoERegex(),
            "aws-iso-e-global", "eu-isoe-west-1"),
        new(
            new EndpointPartition("aws-iso-f", "csp.hci.ic.gov", "api.aws.hci.ic.gov", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "us-isof-south-1"),
            AwsIsoFRegex(),
            "aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"),
        new(
            new EndpointPartition("aws-us-gov", "amazonaws.com", "api.aws", SupportsFIPS: true, SupportsDualStack: true, ImplicitGlobalRegion: "us-gov-west-1"),
            AwsUsGovRegex(),
            "aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"),
    };

    /// <summary>Every partition, in the order they are checked.</summary>
    public static IReadOnlyList<EndpointPartition> All { get; } = Array.ConvertAll(Entries, e => e.Partition);

    /// <summary>The partition of <paramref name="region"/>: the one that lists it, else the one whose pattern it matches, else <c>aws</c>.</summary>
    public static EndpointPartition Find(string? region)
    {
        if (region is not null)
        {
            foreach (var entry in Entries)
            {
                if (entry.Regions.Contains(region) || entry.Pattern.IsMatch(region))
                {
                    return entry.Partition;
                }
            }
        }

        return Entries[0].Partition;
    }

    [GeneratedRegex(@"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegex();

    [GeneratedRegex(@"^cn\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsCnRegex();

    [GeneratedRegex(@"^eusc\-(de)\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsEuscRegex();

    [GeneratedRegex(@"^us\-iso\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsIsoRegex();

    [GeneratedRegex(@"^us\-isob\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsIsoBRegex();

    [GeneratedRegex(@"^eu\-isoe\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsIsoERegex();

    [GeneratedRegex(@"^us\-isof\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsIsoFRegex();

    [GeneratedRegex(@"^us\-gov\-\w+\-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsUsGovRegex();

    private sealed class PartitionEntry
    {
        public PartitionEntry(EndpointPartition partition, Regex pattern, params string[] regions)
        {
            Partition = partition;
            Pattern = pattern;
            Regions = new HashSet<string>(regions, StringComparer.Ordinal);
        }

        public EndpointPartition Partition { get; }

        public Regex Pattern { get; }

        public HashSet<string> Regions { get; }
    }
}

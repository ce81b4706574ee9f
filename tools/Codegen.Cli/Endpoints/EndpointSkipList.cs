using System;
using Codegen.Runtime.Endpoints;

namespace Codegen.Cli.Endpoints;

/// <summary>
/// Cases that cannot pass for a reason outside the compiled resolvers, each with its reason (docs/endpoints.md
/// lists them). A case is skipped by what it is, never because it failed.
/// </summary>
internal static class EndpointSkipList
{
    /// <summary>Why <paramref name="testCase"/> of <paramref name="suite"/> is skipped, or null when it runs.</summary>
    /// <param name="suite">The suite's name.</param>
    /// <param name="testCase">The case.</param>
    /// <param name="hasDualStackParameter">Whether the rule set has a UseDualStack parameter (without one, its endpoints are always dual-stack).</param>
    public static string? Reason(string suite, EndpointCase testCase, bool hasDualStackParameter)
    {
        // The tests embedded in the Smithy models were written against older partitions data, in which aws-iso,
        // aws-iso-b, aws-iso-e and aws-iso-f had no dual-stack endpoints (supportsDualStack false, the dual-stack
        // suffix equal to the plain one). botocore's tests of the same rule sets expect today's data, which the
        // runtime carries (AwsPartitions), and pass. Affected: cases with UseDualStack, and every case of a rule
        // set that always uses the dual-stack suffix (no UseDualStack parameter), in a region of those partitions.
        if (suite.StartsWith("smithy/", StringComparison.Ordinal)
            && (!hasDualStackParameter || (testCase.Parameters["UseDualStack"] is { } dualStack && (bool?)dualStack == true))
            && testCase.Parameters["Region"] is { } region
            && AwsPartitions.Find((string?)region).Name is "aws-iso" or "aws-iso-b" or "aws-iso-e" or "aws-iso-f")
        {
            return "expects the older partitions data in which the aws-iso* partitions had no dual-stack endpoints";
        }

        return null;
    }
}

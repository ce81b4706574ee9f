namespace Codegen.Runtime.Endpoints;

/// <summary>What <c>aws.partition</c> tells about the partition a region belongs to.</summary>
/// <param name="Name">The partition's id, e.g. <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>.</param>
/// <param name="DnsSuffix">The DNS suffix of its endpoints, e.g. <c>amazonaws.com</c>.</param>
/// <param name="DualStackDnsSuffix">The DNS suffix of its dual-stack (IPv4 and IPv6) endpoints, e.g. <c>api.aws</c>.</param>
/// <param name="SupportsFIPS">Whether it has FIPS endpoints.</param>
/// <param name="SupportsDualStack">Whether it has dual-stack endpoints.</param>
/// <param name="ImplicitGlobalRegion">The region that global services of the partition sign for, e.g. <c>us-east-1</c>.</param>
public sealed record EndpointPartition(
    string Name,
    string DnsSuffix,
    string DualStackDnsSuffix,
    bool SupportsFIPS,
    bool SupportsDualStack,
    string ImplicitGlobalRegion);

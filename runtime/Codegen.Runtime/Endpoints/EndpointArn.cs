using System.Collections.Generic;

namespace Codegen.Runtime.Endpoints;

/// <summary>What <c>aws.parseArn</c> gives for <c>arn:partition:service:region:account-id:resource</c>.</summary>
/// <param name="Partition">The partition, e.g. <c>aws</c>; never empty.</param>
/// <param name="Service">The service, e.g. <c>s3</c>; never empty.</param>
/// <param name="Region">The region; may be empty.</param>
/// <param name="AccountId">The account id; may be empty.</param>
/// <param name="ResourceId">The resource split at every <c>:</c> and <c>/</c>, e.g. <c>["accesspoint", "myendpoint"]</c>.</param>
public sealed record EndpointArn(string Partition, string Service, string Region, string AccountId, IReadOnlyList<string> ResourceId);

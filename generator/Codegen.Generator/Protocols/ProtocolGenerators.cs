using Codegen.Generator.Model;
using Codegen.Generator.Protocols.AwsJson;
using Codegen.Generator.Protocols.Cbor;
using Codegen.Generator.Protocols.Query;
using Codegen.Generator.Protocols.RestJson;

namespace Codegen.Generator.Protocols;

/// <summary>
/// The protocol generators, one per implemented protocol. Adding a protocol is adding its folder and a line here;
/// a protocol without a generator gets <see cref="NotImplementedProtocol"/>: its services have types but no wire code,
/// and their clients no operation methods (diagnostic CG0008).
/// </summary>
internal static class ProtocolGenerators
{
    /// <summary>The generator for <paramref name="protocol"/>.</summary>
    public static IProtocolGenerator For(WireProtocol protocol) => protocol switch
    {
        WireProtocol.AwsJson1_0 or WireProtocol.AwsJson1_1 => AwsJsonProtocol.Instance,
        WireProtocol.RestJson1 => RestJsonProtocol.Instance,
        WireProtocol.RpcV2Cbor => CborProtocol.Instance,
        WireProtocol.AwsQuery => QueryProtocol.AwsQuery,
        WireProtocol.Ec2Query => QueryProtocol.Ec2Query,
        _ => NotImplementedProtocol.Instance,
    };
}

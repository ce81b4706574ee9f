using System.Collections.Generic;

namespace Codegen.Generator.Model;

/// <summary>The wire protocols of AWS services (Smithy's protocol traits).</summary>
internal enum WireProtocol
{
    AwsJson1_0,
    AwsJson1_1,
    RestJson1,
    RestXml,
    AwsQuery,
    Ec2Query,
    RpcV2Cbor,
}

/// <summary>Names of the protocols in both model formats, and the choice among several.</summary>
internal static class WireProtocols
{
    /// <summary>
    /// The order in which a protocol is chosen when a service lists several: botocore's
    /// (<c>PRIORITY_ORDERED_SUPPORTED_PROTOCOLS</c>: json, rest-json, rest-xml, smithy-rpc-v2-cbor, query, ec2), so that
    /// a service gets the protocol the AWS SDK for Python speaks to it (CloudWatch lists rpcv2Cbor, awsJson1_0 and
    /// awsQuery: awsJson1_0).
    /// </summary>
    private static readonly WireProtocol[] Preference =
    {
        WireProtocol.AwsJson1_0, WireProtocol.AwsJson1_1, WireProtocol.RestJson1, WireProtocol.RestXml,
        WireProtocol.RpcV2Cbor, WireProtocol.AwsQuery, WireProtocol.Ec2Query,
    };

    /// <summary>The preferred protocol among <paramref name="listed"/> (not empty).</summary>
    public static WireProtocol Choose(IReadOnlyCollection<WireProtocol> listed)
    {
        foreach (var protocol in Preference)
        {
            foreach (var candidate in listed)
            {
                if (candidate == protocol)
                {
                    return protocol;
                }
            }
        }

        throw new System.ArgumentException("no protocol listed", nameof(listed));
    }

    /// <summary>
    /// The protocol <paramref name="requested"/> names (an item's <c>Protocol</c> metadata, by <see cref="DisplayName"/>,
    /// case-insensitive) when <paramref name="listed"/> has it, else the preferred one; <paramref name="ignored"/> is
    /// true when a request was made and could not be honoured.
    /// </summary>
    public static WireProtocol Choose(IReadOnlyCollection<WireProtocol> listed, string? requested, out bool ignored)
    {
        ignored = false;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return Choose(listed);
        }

        foreach (var candidate in listed)
        {
            if (string.Equals(candidate.DisplayName(), requested!.Trim(), System.StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        ignored = true;
        return Choose(listed);
    }

    /// <summary>The names of <paramref name="listed"/>, in preference order, for messages: <c>awsJson1_0, rpcv2Cbor</c>.</summary>
    public static string DisplayNames(IReadOnlyCollection<WireProtocol> listed) =>
        string.Join(", ", System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(Preference, p => System.Linq.Enumerable.Contains(listed, p)), p => p.DisplayName()));

    /// <summary>A botocore protocol name (<c>metadata.protocol(s)</c>); <c>json</c> needs the model's <c>jsonVersion</c>.</summary>
    public static WireProtocol? FromBotocore(string name, string? jsonVersion) => name switch
    {
        "json" => jsonVersion == "1.1" ? WireProtocol.AwsJson1_1 : WireProtocol.AwsJson1_0,
        "rest-json" => WireProtocol.RestJson1,
        "rest-xml" => WireProtocol.RestXml,
        "query" => WireProtocol.AwsQuery,
        "ec2" => WireProtocol.Ec2Query,
        "smithy-rpc-v2-cbor" => WireProtocol.RpcV2Cbor,
        _ => null,
    };

    /// <summary>The Smithy trait of each protocol.</summary>
    public static readonly IReadOnlyList<(string Trait, WireProtocol Protocol)> SmithyTraits = new[]
    {
        ("aws.protocols#awsJson1_0", WireProtocol.AwsJson1_0),
        ("aws.protocols#awsJson1_1", WireProtocol.AwsJson1_1),
        ("aws.protocols#restJson1", WireProtocol.RestJson1),
        ("aws.protocols#restXml", WireProtocol.RestXml),
        ("aws.protocols#awsQuery", WireProtocol.AwsQuery),
        ("aws.protocols#ec2Query", WireProtocol.Ec2Query),
        ("smithy.protocols#rpcv2Cbor", WireProtocol.RpcV2Cbor),
    };

    /// <summary>The protocol's Smithy name, e.g. <c>restJson1</c>: how diagnostics and docs name it.</summary>
    public static string DisplayName(this WireProtocol protocol) => protocol switch
    {
        WireProtocol.AwsJson1_0 => "awsJson1_0",
        WireProtocol.AwsJson1_1 => "awsJson1_1",
        WireProtocol.RestJson1 => "restJson1",
        WireProtocol.RestXml => "restXml",
        WireProtocol.AwsQuery => "awsQuery",
        WireProtocol.Ec2Query => "ec2Query",
        _ => "rpcv2Cbor",
    };

    /// <summary>Whether members are bound to the URI, query string, headers and status code (the REST protocols).</summary>
    public static bool HasHttpBindings(this WireProtocol protocol) => protocol is WireProtocol.RestJson1 or WireProtocol.RestXml;
}

#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.DynamoDb;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace Codegen.Differential.Tests.DynamoDb;

/// <summary>
/// A neutral DynamoDB attribute value: exactly one of the ten forms (S, N, B, SS, NS, BS, M, L, NULL, BOOL), with
/// maps and lists nesting other values several levels deep.
/// </summary>
internal sealed class Attr
{
    private const int MaxDepth = 7;

    private static readonly string[] Numbers =
    {
        "0", "-0", "1", "-1", "3.14159", "1E+2", "1e-130", "-1.0E-130",
        "9.9999999999999999999999999999999999999E+125",
        "-123456789012345678901234567890123456789",
        "0.000000000000000000000000000000000001",
        "007",
        "not a number", // the wire form is a string: the serializer must not interpret it
    };

    private Attr(string kind) => Kind = kind;

    public string Kind { get; }

    public string? Text { get; private init; }

    public byte[]? Bytes { get; private init; }

    public List<string>? Texts { get; private init; }

    public List<byte[]>? Blobs { get; private init; }

    public Dictionary<string, Attr>? Map { get; private init; }

    public List<Attr>? Items { get; private init; }

    public bool Flag { get; private init; }

    /// <summary>A random value; below <see cref="MaxDepth"/>, maps and lists are likelier the shallower the value.</summary>
    public static Attr Draw(Gen g, int depth = 0)
    {
        var nest = depth < MaxDepth && g.Chance(depth == 0 ? 0.35 : 0.5 / depth);
        if (nest)
        {
            // A long chain now and then: a map in a list in a map ... down to MaxDepth.
            var max = g.Chance(0.3) ? 1 : 3;
            return g.Bool()
                ? new Attr("M") { Map = g.Map(() => Draw(g, depth + 1), max) }
                : new Attr("L") { Items = g.List(() => Draw(g, depth + 1), max) };
        }

        return g.Next(8) switch
        {
            0 => new Attr("S") { Text = g.String() },
            1 => new Attr("N") { Text = Number(g) },
            2 => new Attr("B") { Bytes = g.Bytes() },
            3 => new Attr("SS") { Texts = g.List(g.String) },
            4 => new Attr("NS") { Texts = g.List(() => Number(g)) },
            5 => new Attr("BS") { Blobs = g.List(g.Bytes) },
            6 => new Attr("NULL") { Flag = !g.Chance(0.1) },
            _ => new Attr("BOOL") { Flag = g.Bool() },
        };
    }

    /// <summary>An item or key: a map of attribute values.</summary>
    public static Dictionary<string, Attr> DrawItem(Gen g, int max = 5) => g.Map(() => Draw(g), max);

    private static string Number(Gen g) => g.Chance(0.6)
        ? g.Pick(Numbers)
        : g.Chance(0.5)
            ? g.Long().ToString(CultureInfo.InvariantCulture)
            : g.Double().ToString("R", CultureInfo.InvariantCulture);

    public SdkModel.AttributeValue ToSdk() => Kind switch
    {
        "S" => new SdkModel.AttributeValue { S = Text },
        "N" => new SdkModel.AttributeValue { N = Text },
        "B" => new SdkModel.AttributeValue { B = To.Stream(Bytes) },
        "SS" => new SdkModel.AttributeValue { SS = To.List(Texts) },
        "NS" => new SdkModel.AttributeValue { NS = To.List(Texts) },
        "BS" => new SdkModel.AttributeValue { BS = To.List(Blobs, b => To.Stream(b)!) },
        "M" => new SdkModel.AttributeValue { M = To.Map(Map, v => v.ToSdk()) },
        "L" => new SdkModel.AttributeValue { L = To.List(Items, v => v.ToSdk()) },
        "NULL" => new SdkModel.AttributeValue { NULL = Flag },
        "BOOL" => new SdkModel.AttributeValue { BOOL = Flag },
        _ => throw new InvalidOperationException(Kind),
    };

    public AttributeValue ToOurs() => Kind switch
    {
        "S" => new AttributeValue().WithS(Text),
        "N" => new AttributeValue().WithN(Text),
        "B" => new AttributeValue().WithB(To.Memory(Bytes)),
        "SS" => new AttributeValue().WithSS(To.List(Texts)),
        "NS" => new AttributeValue().WithNS(To.List(Texts)),
        "BS" => new AttributeValue().WithBS(To.List(Blobs, b => (ReadOnlyMemory<byte>)b)),
        "M" => new AttributeValue().WithM(To.Map(Map, v => v.ToOurs())),
        "L" => new AttributeValue().WithL(To.List(Items, v => v.ToOurs())),
        "NULL" => new AttributeValue().WithNULL(Flag),
        "BOOL" => new AttributeValue().WithBOOL(Flag),
        _ => throw new InvalidOperationException(Kind),
    };

    public static Dictionary<string, SdkModel.AttributeValue>? ToSdk(Dictionary<string, Attr>? item) => To.Map(item, v => v.ToSdk());

    public static Dictionary<string, AttributeValue>? ToOurs(Dictionary<string, Attr>? item) => To.Map(item, v => v.ToOurs());

    public static List<SdkModel.AttributeValue>? ToSdk(List<Attr>? items) => To.List(items, v => v.ToSdk());

    public static List<AttributeValue>? ToOurs(List<Attr>? items) => To.List(items, v => v.ToOurs());

    public override string ToString() => Kind + (Map is not null ? "{" + string.Join(",", Map.Select(p => p.Key + ":" + p.Value)) + "}" : Items is not null ? "[" + string.Join(",", Items) + "]" : string.Empty);
}
#endif

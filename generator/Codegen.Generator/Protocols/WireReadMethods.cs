using Codegen.Generator.Model;

namespace Codegen.Generator.Protocols;

/// <summary>
/// The runtime's wire readers (JSON, CBOR, XML) share one naming for the read of each plain value: the emitters ask
/// here for the method instead of each keeping its own copy of the table.
/// </summary>
internal static class WireReadMethods
{
    /// <summary>
    /// The wire reader's method for a string, number or boolean (<c>ReadInt32</c> for an integer), or null for a kind
    /// each protocol reads in its own way (enums, big integers in JSON, timestamps, blobs, aggregates).
    /// </summary>
    public static string? Scalar(ShapeKind kind) => kind switch
    {
        ShapeKind.String => "ReadString",
        ShapeKind.Byte => "ReadSByte",
        ShapeKind.Short => "ReadInt16",
        ShapeKind.Integer => "ReadInt32",
        ShapeKind.Long => "ReadInt64",
        ShapeKind.BigInteger => "ReadBigInteger",
        ShapeKind.BigDecimal => "ReadDecimal",
        ShapeKind.Float => "ReadSingle",
        ShapeKind.Double => "ReadDouble",
        ShapeKind.Boolean => "ReadBoolean",
        _ => null,
    };
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>Small conversions from the neutral case descriptions to the two APIs' member types.</summary>
internal static class To
{
    /// <summary>A blob for the SDK (a <see cref="MemoryStream"/>); null stays null.</summary>
    public static MemoryStream? Stream(byte[]? bytes) => bytes is null ? null : new MemoryStream(bytes);

    /// <summary>A blob for the generated API; null stays null.</summary>
    /// <remarks>
    /// Not <c>bytes is null ? null : bytes</c> (nor <c>... : new ReadOnlyMemory&lt;byte&gt;(bytes)</c>): there the
    /// <c>null</c> literal converts through the implicit <c>byte[]</c> to <see cref="ReadOnlyMemory{T}"/> operator,
    /// giving an empty (not an absent) blob.
    /// </remarks>
    public static ReadOnlyMemory<byte>? Memory(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        return bytes;
    }

    /// <summary>A timestamp for the SDK (a UTC <see cref="DateTime"/>).</summary>
    public static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;

    /// <summary>A copy of a list, mapped (the SDK takes <see cref="List{T}"/>, the generated API <see cref="IReadOnlyList{T}"/>).</summary>
    public static List<TOut>? List<TIn, TOut>(List<TIn>? items, Func<TIn, TOut> map) => items?.Select(map).ToList();

    public static List<T>? List<T>(List<T>? items) => items?.ToList();

    /// <summary>A copy of a map, in the same order, mapped.</summary>
    public static Dictionary<string, TOut>? Map<TIn, TOut>(Dictionary<string, TIn>? map, Func<TIn, TOut> value) =>
        map?.ToDictionary(p => p.Key, p => value(p.Value), StringComparer.Ordinal);

    public static Dictionary<string, T>? Map<T>(Dictionary<string, T>? map) => Map(map, v => v);
}

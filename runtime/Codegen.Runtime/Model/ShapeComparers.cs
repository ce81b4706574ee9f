using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Codegen.Runtime.Model;

/// <summary>
/// Value equality for the members of generated types: lists and maps compare by content (recursively, through
/// the comparer of their elements), blobs by bytes and documents as JSON values, so that two responses read
/// from the same bytes are equal.
/// </summary>
public static class ShapeComparers
{
    /// <summary>Compares lists element by element with <paramref name="element"/>.</summary>
    public static IEqualityComparer<IReadOnlyList<T>?> List<T>(IEqualityComparer<T> element) => new ListComparer<T>(element);

    /// <summary>Compares string-keyed maps by keys and values (order ignored), values with <paramref name="value"/>.</summary>
    public static IEqualityComparer<IReadOnlyDictionary<string, T>?> Map<T>(IEqualityComparer<T> value) => new MapComparer<T>(value);

    /// <summary>Compares blobs byte by byte.</summary>
    public static BlobComparer Blob { get; } = new();

    /// <summary>Compares documents as JSON values.</summary>
    public static DocumentComparer Document { get; } = new();

    private sealed class ListComparer<T>(IEqualityComparer<T> element) : IEqualityComparer<IReadOnlyList<T>?>
    {
        public bool Equals(IReadOnlyList<T>? x, IReadOnlyList<T>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (!element.Equals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<T>? obj)
        {
            if (obj is null)
            {
                return 0;
            }

            var hash = new HashCode();
            hash.Add(obj.Count);
            foreach (var item in obj)
            {
                hash.Add(item is null ? 0 : element.GetHashCode(item));
            }

            return hash.ToHashCode();
        }
    }

    private sealed class MapComparer<T>(IEqualityComparer<T> value) : IEqualityComparer<IReadOnlyDictionary<string, T>?>
    {
        public bool Equals(IReadOnlyDictionary<string, T>? x, IReadOnlyDictionary<string, T>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            foreach (var pair in x)
            {
                if (!y.TryGetValue(pair.Key, out var other) || !value.Equals(pair.Value, other))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyDictionary<string, T>? obj)
        {
            if (obj is null)
            {
                return 0;
            }

            // A sum, so that the hash does not depend on enumeration order.
            var sum = obj.Count;
            foreach (var pair in obj)
            {
                sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(pair.Key), pair.Value is null ? 0 : value.GetHashCode(pair.Value)));
            }

            return sum;
        }
    }
}

/// <summary>Compares blobs byte by byte.</summary>
public sealed class BlobComparer : IEqualityComparer<ReadOnlyMemory<byte>>, IEqualityComparer<ReadOnlyMemory<byte>?>
{
    /// <inheritdoc/>
    public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

    /// <inheritdoc/>
    public bool Equals(ReadOnlyMemory<byte>? x, ReadOnlyMemory<byte>? y) =>
        x.HasValue == y.HasValue && (!x.HasValue || Equals(x.Value, y!.Value));

    /// <inheritdoc/>
    public int GetHashCode(ReadOnlyMemory<byte> obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj.Span);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public int GetHashCode(ReadOnlyMemory<byte>? obj) => obj.HasValue ? GetHashCode(obj.Value) : 0;
}

/// <summary>Compares documents as JSON values: object member order is ignored, numbers compare by value.</summary>
public sealed class DocumentComparer : IEqualityComparer<JsonElement>, IEqualityComparer<JsonElement?>
{
    /// <inheritdoc/>
    public bool Equals(JsonElement x, JsonElement y) => JsonValueEquals(x, y);

    /// <inheritdoc/>
    public bool Equals(JsonElement? x, JsonElement? y) => x.HasValue == y.HasValue && (!x.HasValue || JsonValueEquals(x.Value, y!.Value));

    /// <inheritdoc/>
    public int GetHashCode(JsonElement obj) => obj.ValueKind.GetHashCode();

    /// <inheritdoc/>
    public int GetHashCode(JsonElement? obj) => obj.HasValue ? GetHashCode(obj.Value) : 0;

    private static bool JsonValueEquals(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                var leftCount = 0;
                foreach (var property in left.EnumerateObject())
                {
                    leftCount++;
                    if (!right.TryGetProperty(property.Name, out var other) || !JsonValueEquals(property.Value, other))
                    {
                        return false;
                    }
                }

                var rightCount = 0;
                foreach (var unused in right.EnumerateObject())
                {
                    rightCount++;
                }

                return leftCount == rightCount;
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using (var l = left.EnumerateArray())
                using (var r = right.EnumerateArray())
                {
                    while (l.MoveNext() && r.MoveNext())
                    {
                        if (!JsonValueEquals(l.Current, r.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.String:
                return left.ValueEquals(right.GetString());
            case JsonValueKind.Number:
                return left.TryGetDecimal(out var a) && right.TryGetDecimal(out var b)
                    ? a == b
                    : left.GetDouble().Equals(right.GetDouble());
            default:
                return true;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace Codegen.Runtime.Jmespath;

/// <summary>
/// The JMESPath operations that generated code calls on typed values (generated structures, lists, maps, strings,
/// numbers): projections, indexes, slices, flattening, comparisons and the typed functions. Null stands for
/// JMESPath's null throughout; a projection never yields a null element.
/// </summary>
public static class JmesTyped
{
    /// <summary>Evaluates <paramref name="body"/> on <paramref name="value"/>: binds a value used more than once.</summary>
    public static TResult Let<T, TResult>(T value, Func<T, TResult> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body(value);
    }

    /// <summary>The projection of a list onto reference values; null results are left out.</summary>
    public static IReadOnlyList<TResult>? ProjectRef<T, TResult>(IReadOnlyList<T>? source, Func<T, TResult?> selector)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (source is null)
        {
            return null;
        }

        var result = new List<TResult>(source.Count);
        foreach (var item in source)
        {
            if (item is not null && selector(item) is { } projected)
            {
                result.Add(projected);
            }
        }

        return result;
    }

    /// <summary>The projection of a list onto values of a value type; null results are left out.</summary>
    public static IReadOnlyList<TResult>? ProjectValue<T, TResult>(IReadOnlyList<T>? source, Func<T, TResult?> selector)
        where TResult : struct
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (source is null)
        {
            return null;
        }

        var result = new List<TResult>(source.Count);
        foreach (var item in source)
        {
            if (item is not null && selector(item) is { } projected)
            {
                result.Add(projected);
            }
        }

        return result;
    }

    /// <summary>The elements for which <paramref name="predicate"/> holds.</summary>
    public static IReadOnlyList<T>? Filter<T>(IReadOnlyList<T>? source, Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (source is null)
        {
            return null;
        }

        var result = new List<T>();
        foreach (var item in source)
        {
            if (predicate(item))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>The list without its null elements.</summary>
    public static IReadOnlyList<T>? CompactRef<T>(IReadOnlyList<T?>? source)
        where T : class
    {
        if (source is null)
        {
            return null;
        }

        var result = new List<T>(source.Count);
        foreach (var item in source)
        {
            if (item is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>The list without its null elements.</summary>
    public static IReadOnlyList<T>? CompactValue<T>(IReadOnlyList<T?>? source)
        where T : struct
    {
        if (source is null)
        {
            return null;
        }

        var result = new List<T>(source.Count);
        foreach (var item in source)
        {
            if (item is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>The lists' elements, in order (<c>[]</c> over a list of lists); null lists are left out.</summary>
    public static IReadOnlyList<T>? Flatten<T>(IReadOnlyList<IReadOnlyList<T>?>? source)
    {
        if (source is null)
        {
            return null;
        }

        var result = new List<T>();
        foreach (var list in source)
        {
            if (list is not null)
            {
                result.AddRange(list);
            }
        }

        return result;
    }

    /// <summary><c>keys</c> of a map, in its order.</summary>
    public static IReadOnlyList<string>? Keys<T>(IReadOnlyDictionary<string, T>? map)
    {
        if (map is null)
        {
            return null;
        }

        var result = new List<string>(map.Count);
        foreach (var pair in map)
        {
            result.Add(pair.Key);
        }

        return result;
    }

    /// <summary>The values of a map, in its order.</summary>
    public static IReadOnlyList<T>? Values<T>(IReadOnlyDictionary<string, T>? map)
    {
        if (map is null)
        {
            return null;
        }

        var result = new List<T>(map.Count);
        foreach (var pair in map)
        {
            result.Add(pair.Value);
        }

        return result;
    }

    /// <summary>The element at <paramref name="index"/> (from the end when negative), or null.</summary>
    public static T? IndexRef<T>(IReadOnlyList<T?>? list, int index)
        where T : class =>
        Position(list?.Count, index) is { } at ? list![at] : null;

    /// <summary>The element at <paramref name="index"/> (from the end when negative), or null.</summary>
    public static T? IndexValue<T>(IReadOnlyList<T>? list, int index)
        where T : struct =>
        Position(list?.Count, index) is { } at ? list![at] : null;

    /// <summary>The element at <paramref name="index"/> (from the end when negative), or null.</summary>
    public static T? IndexNullableValue<T>(IReadOnlyList<T?>? list, int index)
        where T : struct =>
        Position(list?.Count, index) is { } at ? list![at] : null;

    private static int? Position(int? count, int index)
    {
        if (count is not { } length)
        {
            return null;
        }

        var at = index < 0 ? length + index : index;
        return at >= 0 && at < length ? at : null;
    }

    /// <summary><c>[start:stop:step]</c> with Python's rules (negative positions count from the end; step 0 is an error).</summary>
    public static IReadOnlyList<T>? Slice<T>(IReadOnlyList<T>? list, int? start, int? stop, int? step)
    {
        if (list is null)
        {
            return null;
        }

        var result = new List<T>();
        foreach (var i in SliceIndexes(list.Count, start, stop, step))
        {
            result.Add(list[i]);
        }

        return result;
    }

    internal static IEnumerable<int> SliceIndexes(int length, int? start, int? stop, int? step)
    {
        var by = step ?? 1;
        if (by == 0)
        {
            throw new JmesPathException("invalid-value", "A slice's step cannot be 0.");
        }

        int Clamp(int? value, int whenNull)
        {
            if (value is not { } v)
            {
                return whenNull;
            }

            if (v < 0)
            {
                v += length;
                return v < 0 ? (by < 0 ? -1 : 0) : v;
            }

            return v >= length ? (by < 0 ? length - 1 : length) : v;
        }

        var from = Clamp(start, by < 0 ? length - 1 : 0);
        var to = Clamp(stop, by < 0 ? -1 : length);
        if (by > 0)
        {
            for (var i = from; i < to; i += by)
            {
                yield return i;
            }
        }
        else
        {
            for (var i = from; i > to; i += by)
            {
                yield return i;
            }
        }
    }

    /// <summary>The map's value for <paramref name="key"/>, or null.</summary>
    public static T? GetRef<T>(IReadOnlyDictionary<string, T?>? map, string key)
        where T : class =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    /// <summary>The map's value for <paramref name="key"/>, or null.</summary>
    public static T? GetValue<T>(IReadOnlyDictionary<string, T>? map, string key)
        where T : struct =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    /// <summary>The map's value for <paramref name="key"/>, or null.</summary>
    public static T? GetNullableValue<T>(IReadOnlyDictionary<string, T?>? map, string key)
        where T : struct =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    /// <summary><c>a &lt; b</c> on numbers; null when either is null.</summary>
    public static bool? Less(double? left, double? right) => left is { } a && right is { } b ? a < b : null;

    /// <summary><c>a &lt;= b</c> on numbers; null when either is null.</summary>
    public static bool? LessOrEqual(double? left, double? right) => left is { } a && right is { } b ? a <= b : null;

    /// <summary><c>a &gt; b</c> on numbers; null when either is null.</summary>
    public static bool? Greater(double? left, double? right) => left is { } a && right is { } b ? a > b : null;

    /// <summary><c>a &gt;= b</c> on numbers; null when either is null.</summary>
    public static bool? GreaterOrEqual(double? left, double? right) => left is { } a && right is { } b ? a >= b : null;

    /// <summary><c>length(string)</c>: the number of Unicode code points.</summary>
    /// <exception cref="JmesPathException">The string is null (JMESPath: invalid-type).</exception>
    public static int Length(string? value)
    {
        if (value is null)
        {
            throw JmesPathException.InvalidType("length", "a string, array or object", "null");
        }

        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsHighSurrogate(value[i]) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary><c>length(array)</c> and <c>length(object)</c>.</summary>
    /// <exception cref="JmesPathException">The collection is null (JMESPath: invalid-type).</exception>
    public static int Length<T>(IReadOnlyCollection<T>? value) =>
        value?.Count ?? throw JmesPathException.InvalidType("length", "a string, array or object", "null");

    /// <summary><c>starts_with(subject, prefix)</c>, ordinal.</summary>
    public static bool StartsWith(string? subject, string? prefix) =>
        (subject ?? throw JmesPathException.InvalidType("starts_with", "a string", "null"))
            .StartsWith(prefix ?? throw JmesPathException.InvalidType("starts_with", "a string", "null"), StringComparison.Ordinal);

    /// <summary><c>ends_with(subject, suffix)</c>, ordinal.</summary>
    public static bool EndsWith(string? subject, string? suffix) =>
        (subject ?? throw JmesPathException.InvalidType("ends_with", "a string", "null"))
            .EndsWith(suffix ?? throw JmesPathException.InvalidType("ends_with", "a string", "null"), StringComparison.Ordinal);

    /// <summary><c>contains(string, string)</c>, ordinal.</summary>
    public static bool Contains(string? subject, string? search)
    {
        if (subject is null)
        {
            throw JmesPathException.InvalidType("contains", "a string or array", "null");
        }

        return search is not null && subject.Contains(search, StringComparison.Ordinal);
    }

    /// <summary><c>contains(array of strings, string)</c>.</summary>
    public static bool Contains(IReadOnlyList<string>? subject, string? search)
    {
        if (subject is null)
        {
            throw JmesPathException.InvalidType("contains", "a string or array", "null");
        }

        foreach (var item in subject)
        {
            if (string.Equals(item, search, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the list is not empty and <paramref name="predicate"/> holds for every element (a waiter's <c>pathAll</c>).</summary>
    public static bool All<T>(IReadOnlyList<T>? list, Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (list is not { Count: > 0 })
        {
            return false;
        }

        foreach (var item in list)
        {
            if (!predicate(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="predicate"/> holds for an element (a waiter's <c>pathAny</c>).</summary>
    public static bool Any<T>(IReadOnlyList<T>? list, Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (list is null)
        {
            return false;
        }

        foreach (var item in list)
        {
            if (predicate(item))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

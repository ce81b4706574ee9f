using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Codegen.Runtime.Model;

/// <summary>
/// The immutable collections of generated types. Every list and map member holds a <see cref="ShapeList{T}"/> or
/// <see cref="ShapeMap{T}"/>: its init accessor copies whatever the caller passes (unless it is already one of these,
/// which nothing can change), so mutating the caller's list or dictionary afterwards never changes an object's
/// contents, equality or hash.
/// </summary>
public static class ShapeCollections
{
    /// <summary>An immutable copy of <paramref name="source"/>, or <paramref name="source"/> itself when it is already a <see cref="ShapeList{T}"/>.</summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static IReadOnlyList<T>? List<T>(IReadOnlyList<T>? source) => source switch
    {
        null => null,
        ShapeList<T> own => own,
        _ => new ShapeList<T>(new List<T>(source)),
    };

    /// <summary>
    /// An immutable copy of <paramref name="source"/> whose elements are passed through <paramref name="element"/> (the
    /// copy of a nested collection), or <paramref name="source"/> itself when it is already a <see cref="ShapeList{T}"/>.
    /// </summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static IReadOnlyList<T>? List<T>(IReadOnlyList<T>? source, Func<T, T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (source is null or ShapeList<T>)
        {
            return source;
        }

        var copy = new List<T>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            copy.Add(element(source[i]));
        }

        return new ShapeList<T>(copy);
    }

    /// <summary>An immutable copy of <paramref name="source"/> (keys compared ordinally), or <paramref name="source"/> itself when it is already a <see cref="ShapeMap{T}"/>.</summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static IReadOnlyDictionary<string, T>? Map<T>(IReadOnlyDictionary<string, T>? source) => source switch
    {
        null => null,
        ShapeMap<T> own => own,
        _ => new ShapeMap<T>(CopyMap(source, null)),
    };

    /// <summary>
    /// An immutable copy of <paramref name="source"/> whose values are passed through <paramref name="value"/> (the copy
    /// of a nested collection), or <paramref name="source"/> itself when it is already a <see cref="ShapeMap{T}"/>.
    /// </summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static IReadOnlyDictionary<string, T>? Map<T>(IReadOnlyDictionary<string, T>? source, Func<T, T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return source is null or ShapeMap<T> ? source : new ShapeMap<T>(CopyMap(source, value));
    }

    /// <summary>
    /// Wraps <paramref name="list"/> without copying it, for generated deserializers and the runtime's traversals, which
    /// build a list that nothing else references. The caller must never use <paramref name="list"/> again.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IReadOnlyList<T> OwnList<T>(List<T> list) => new ShapeList<T>(list ?? throw new ArgumentNullException(nameof(list)));

    /// <summary>
    /// Wraps <paramref name="map"/> without copying it, for generated deserializers and the runtime's traversals, which
    /// build a dictionary (with ordinal keys) that nothing else references. The caller must never use
    /// <paramref name="map"/> again.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IReadOnlyDictionary<string, T> OwnMap<T>(Dictionary<string, T> map) => new ShapeMap<T>(map ?? throw new ArgumentNullException(nameof(map)));

    private static Dictionary<string, T> CopyMap<T>(IReadOnlyDictionary<string, T> source, Func<T, T>? value)
    {
        var copy = new Dictionary<string, T>(source.Count, StringComparer.Ordinal);
        foreach (var pair in source)
        {
            copy[pair.Key] = value is null ? pair.Value : value(pair.Value);
        }

        return copy;
    }
}

/// <summary>
/// The immutable list a generated type holds: a read-only view of a private list no one else can reach. It is not a
/// <see cref="List{T}"/> and not an <see cref="IList{T}"/>, so it cannot be cast back and changed.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ShapeList<T> : IReadOnlyList<T>
{
    private readonly List<T> _items;

    internal ShapeList(List<T> items) => _items = items;

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <summary>An enumerator that allocates nothing when used through this type.</summary>
    public List<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

}

/// <summary>
/// The immutable string-keyed map a generated type holds: a read-only view of a private dictionary (keys compared
/// ordinally) no one else can reach. It is not a <see cref="Dictionary{TKey, TValue}"/> and not an
/// <see cref="IDictionary{TKey, TValue}"/>, so it cannot be cast back and changed.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ShapeMap<T> : IReadOnlyDictionary<string, T>, IShapeMap
{
    private readonly Dictionary<string, T> _items;

    internal ShapeMap(Dictionary<string, T> items) => _items = items;

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public T this[string key] => _items[key];

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _items.Keys;

    /// <inheritdoc/>
    public IEnumerable<T> Values => _items.Values;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _items.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _items.TryGetValue(key, out value);

    /// <summary>An enumerator that allocates nothing when used through this type.</summary>
    public Dictionary<string, T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<KeyValuePair<string, T>> IEnumerable<KeyValuePair<string, T>>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    IEnumerable<KeyValuePair<string, object?>> IShapeMap.Entries()
    {
        foreach (var pair in _items)
        {
            yield return new KeyValuePair<string, object?>(pair.Key, pair.Value);
        }
    }
}

/// <summary>The entries of a <see cref="ShapeMap{T}"/> without its value type, for <see cref="ShapeText"/>.</summary>
internal interface IShapeMap
{
    IEnumerable<KeyValuePair<string, object?>> Entries();
}

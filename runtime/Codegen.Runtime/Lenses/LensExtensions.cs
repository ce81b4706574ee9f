using System;
using System.Collections.Generic;
using Codegen.Runtime.Model;

namespace Codegen.Runtime.Lenses;

/// <summary>
/// From a lens onto a nullable member to an <see cref="Optional{TSource, TValue}"/> onto its value (Amazonka's
/// <c>_Just</c>), and the obsolete <see cref="ComposeOptional{TSource, TMiddle, TInner}"/>. Generated types expose these
/// optionals directly as <c>{Type}.Optionals.{Member}</c>.
/// </summary>
public static class LensExtensions
{
    /// <summary>
    /// The value of a nullable reference-typed member, as an optional: absent when the member is null; setting it
    /// when absent returns the source unchanged.
    /// </summary>
    public static Optional<TSource, TValue> WhenPresent<TSource, TValue>(this Lens<TSource, TValue?> lens)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(lens);
        return new Optional<TSource, TValue>(
            (TSource source, out TValue value) =>
            {
                value = lens.Get(source)!;
                return value is not null;
            },
            (source, value) => lens.Set(source, value ?? throw new ArgumentNullException(nameof(value))));
    }

    /// <summary>
    /// The value of a nullable value-typed member (<c>int?</c>, an enum), as an optional onto the underlying value:
    /// absent when the member has no value; setting it when absent returns the source unchanged.
    /// </summary>
    public static Optional<TSource, TValue> WhenHasValue<TSource, TValue>(this Lens<TSource, TValue?> lens)
        where TValue : struct
    {
        ArgumentNullException.ThrowIfNull(lens);
        return new Optional<TSource, TValue>(
            (TSource source, out TValue value) =>
            {
                var current = lens.Get(source);
                value = current.GetValueOrDefault();
                return current.HasValue;
            },
            (source, value) => lens.Set(source, value));
    }

    /// <summary>Composes through an optional reference-typed intermediate.</summary>
    /// <remarks>
    /// Not a lawful lens: when the intermediate is null, <c>Get(Set(s, v))</c> is null, not <c>v</c>. Use
    /// <c>outer.WhenPresent().Compose(inner)</c> (or the generated <c>{Type}.Optionals.{Member}.Compose(inner)</c>), an
    /// <see cref="Optional{TSource, TValue}"/> that says the value may be absent.
    /// </remarks>
    [Obsolete("Not a lawful lens. Use outer.WhenPresent().Compose(inner), or the generated {Type}.Optionals.{Member}.Compose(inner): an Optional with TryGet, Set and Modify.")]
    public static Lens<TSource, TInner?> ComposeOptional<TSource, TMiddle, TInner>(
        this Lens<TSource, TMiddle?> outer, Lens<TMiddle, TInner> inner)
        where TMiddle : class
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        return new Lens<TSource, TInner?>(
            source => outer.Get(source) is { } middle ? inner.Get(middle) : default,
            (source, value) => outer.Get(source) is { } middle ? outer.Set(source, inner.Set(middle, value!)) : source);
    }
}

/// <summary>Traversals over the collections of generated types (Amazonka's <c>each</c>), to compose after a lens or optional.</summary>
public static class Traversals
{
    /// <summary>Every element of a list, in order. <c>Modify</c> returns a new immutable list of the same length.</summary>
    public static Traversal<IReadOnlyList<T>, T> Each<T>() => EachCache<T>.Instance;

    /// <summary>Every value of a string-keyed map. <c>Modify</c> returns a new immutable map with the same keys.</summary>
    public static Traversal<IReadOnlyDictionary<string, T>, T> EachValue<T>() => EachValueCache<T>.Instance;

    private static class EachCache<T>
    {
        public static readonly Traversal<IReadOnlyList<T>, T> Instance = new(
            static list => list,
            static (list, update) =>
            {
                var copy = new List<T>(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    copy.Add(update(list[i]));
                }

                return ShapeCollections.OwnList(copy);
            });
    }

    private static class EachValueCache<T>
    {
        public static readonly Traversal<IReadOnlyDictionary<string, T>, T> Instance = new(
            static map => Values(map),
            static (map, update) =>
            {
                var copy = new Dictionary<string, T>(map.Count, StringComparer.Ordinal);
                foreach (var pair in map)
                {
                    copy[pair.Key] = update(pair.Value);
                }

                return ShapeCollections.OwnMap(copy);
            });

        private static IEnumerable<T> Values(IReadOnlyDictionary<string, T> map)
        {
            foreach (var pair in map)
            {
                yield return pair.Value;
            }
        }
    }
}

using System;

namespace Codegen.Runtime.Lenses;

/// <summary>Reads the focus of an <see cref="Optional{TSource, TValue}"/>: <see langword="true"/> and the value when it is there.</summary>
/// <typeparam name="TSource">The type that may hold the value.</typeparam>
/// <typeparam name="TValue">The type of the value.</typeparam>
public delegate bool TryGetter<in TSource, TValue>(TSource source, out TValue value);

/// <summary>
/// A focus on a value that may be absent (an affine traversal, Amazonka's <c>_Just</c> after a lens): an optional member,
/// or a member reached through an optional one. <see cref="TryGet"/> reads it when it is there; <see cref="Set"/> and
/// <see cref="Modify"/> change it when it is there and return the source unchanged when it is not (an absent
/// intermediate is never invented: it may have required members). Works for reference and value types alike: the
/// focus of an <c>int?</c> member is an <c>int</c>.
/// </summary>
/// <remarks>
/// The laws hold for every generated optional: when <c>TryGet(s, out _)</c>, <c>TryGet(Set(s, v), out x)</c> gives
/// <c>x == v</c>; when it does not, <c>Set(s, v) == s</c>; <c>TryGet(s, out v)</c> implies <c>Set(s, v) == s</c>; and
/// <c>Set(Set(s, a), b) == Set(s, b)</c>.
/// </remarks>
/// <typeparam name="TSource">The type that may hold the value.</typeparam>
/// <typeparam name="TValue">The type of the value (never nullable for a generated optional: absence is <c>TryGet</c> returning false).</typeparam>
public sealed class Optional<TSource, TValue>
{
    private readonly TryGetter<TSource, TValue> _tryGet;
    private readonly Func<TSource, TValue, TSource> _set;

    /// <summary>
    /// Creates an optional from a reader and a setter. <paramref name="set"/> is called only when
    /// <paramref name="tryGet"/> finds the value, so it may assume the focus is there.
    /// </summary>
    public Optional(TryGetter<TSource, TValue> tryGet, Func<TSource, TValue, TSource> set)
    {
        _tryGet = tryGet ?? throw new ArgumentNullException(nameof(tryGet));
        _set = set ?? throw new ArgumentNullException(nameof(set));
    }

    /// <summary>Reads the value from <paramref name="source"/> if it is there.</summary>
    /// <returns>Whether the value is there; <paramref name="value"/> is <see langword="default"/> when it is not.</returns>
    public bool TryGet(TSource source, out TValue value) => _tryGet(source, out value);

    /// <summary>The value if it is there, otherwise <paramref name="fallback"/>.</summary>
    public TValue GetOrDefault(TSource source, TValue fallback) => _tryGet(source, out var value) ? value : fallback;

    /// <summary>Whether the value is there.</summary>
    public bool IsPresent(TSource source) => _tryGet(source, out _);

    /// <summary>
    /// Returns a copy of <paramref name="source"/> whose focus is <paramref name="value"/>, or <paramref name="source"/>
    /// itself when the focus is absent.
    /// </summary>
    public TSource Set(TSource source, TValue value) => _tryGet(source, out _) ? _set(source, value) : source;

    /// <summary>
    /// Returns a copy of <paramref name="source"/> whose focus is <paramref name="update"/> applied to it, or
    /// <paramref name="source"/> itself (without calling <paramref name="update"/>) when the focus is absent.
    /// </summary>
    public TSource Modify(TSource source, Func<TValue, TValue> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _tryGet(source, out var value) ? _set(source, update(value)) : source;
    }

    /// <summary>Focuses on a member of this optional's value: present when this value is.</summary>
    public Optional<TSource, TInner> Compose<TInner>(Lens<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var tryGet = _tryGet;
        var set = _set;
        return new Optional<TSource, TInner>(
            (TSource source, out TInner value) =>
            {
                if (tryGet(source, out var middle))
                {
                    value = inner.Get(middle);
                    return true;
                }

                value = default!;
                return false;
            },
            (source, value) => tryGet(source, out var middle) ? set(source, inner.Set(middle, value)) : source);
    }

    /// <summary>Focuses through a second optional: present when both are.</summary>
    public Optional<TSource, TInner> Compose<TInner>(Optional<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var tryGet = _tryGet;
        var set = _set;
        return new Optional<TSource, TInner>(
            (TSource source, out TInner value) =>
            {
                if (tryGet(source, out var middle))
                {
                    return inner.TryGet(middle, out value);
                }

                value = default!;
                return false;
            },
            (source, value) => tryGet(source, out var middle) ? set(source, inner.Set(middle, value)) : source);
    }

    /// <summary>Focuses on every element a traversal reaches inside this optional's value (none when it is absent).</summary>
    public Traversal<TSource, TInner> Compose<TInner>(Traversal<TValue, TInner> inner) => AsTraversal().Compose(inner);

    /// <summary>This optional as a traversal of zero or one value.</summary>
    public Traversal<TSource, TValue> AsTraversal()
    {
        var tryGet = _tryGet;
        var set = _set;
        return new Traversal<TSource, TValue>(
            source => tryGet(source, out var value) ? new[] { value } : Array.Empty<TValue>(),
            (source, update) => tryGet(source, out var value) ? set(source, update(value)) : source);
    }
}

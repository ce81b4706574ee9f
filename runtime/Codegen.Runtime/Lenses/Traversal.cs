using System;
using System.Collections.Generic;

namespace Codegen.Runtime.Lenses;

/// <summary>
/// A focus on any number of values inside a source (Amazonka's <c>traverse</c> / <c>each</c>): the elements of a list,
/// the values of a map, or what a lens or optional reaches inside each of them. <see cref="GetAll"/> reads them in
/// order; <see cref="Modify"/> returns a copy with a function applied to every one (the collections it rebuilds are
/// immutable, like every collection of a generated type).
/// </summary>
/// <remarks>
/// The laws hold for every generated traversal: <c>Modify(s, x =&gt; x) == s</c> and
/// <c>Modify(Modify(s, g), f) == Modify(s, x =&gt; f(g(x)))</c>.
/// </remarks>
/// <typeparam name="TSource">The type that holds the values.</typeparam>
/// <typeparam name="TValue">The type of each value.</typeparam>
public sealed class Traversal<TSource, TValue>
{
    private readonly Func<TSource, IEnumerable<TValue>> _getAll;
    private readonly Func<TSource, Func<TValue, TValue>, TSource> _modify;

    /// <summary>Creates a traversal from a reader of every focus and a function that rebuilds the source with each focus updated.</summary>
    public Traversal(Func<TSource, IEnumerable<TValue>> getAll, Func<TSource, Func<TValue, TValue>, TSource> modify)
    {
        _getAll = getAll ?? throw new ArgumentNullException(nameof(getAll));
        _modify = modify ?? throw new ArgumentNullException(nameof(modify));
    }

    /// <summary>Every value the traversal reaches in <paramref name="source"/>, in order.</summary>
    public IReadOnlyList<TValue> GetAll(TSource source) => new List<TValue>(_getAll(source));

    /// <summary>Returns a copy of <paramref name="source"/> with <paramref name="update"/> applied to every value the traversal reaches.</summary>
    public TSource Modify(TSource source, Func<TValue, TValue> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _modify(source, update);
    }

    /// <summary>Returns a copy of <paramref name="source"/> with every value the traversal reaches replaced by <paramref name="value"/>.</summary>
    public TSource Set(TSource source, TValue value) => _modify(source, _ => value);

    /// <summary>Focuses on a member of each value.</summary>
    public Traversal<TSource, TInner> Compose<TInner>(Lens<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var getAll = _getAll;
        var modify = _modify;
        return new Traversal<TSource, TInner>(
            source => Select(getAll(source), inner),
            (source, update) => modify(source, middle => inner.Modify(middle, update)));
    }

    /// <summary>Focuses on an optional member of each value (values where it is absent are skipped and kept).</summary>
    public Traversal<TSource, TInner> Compose<TInner>(Optional<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var getAll = _getAll;
        var modify = _modify;
        return new Traversal<TSource, TInner>(
            source => Where(getAll(source), inner),
            (source, update) => modify(source, middle => inner.Modify(middle, update)));
    }

    /// <summary>Focuses on everything a second traversal reaches inside each value.</summary>
    public Traversal<TSource, TInner> Compose<TInner>(Traversal<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var getAll = _getAll;
        var modify = _modify;
        return new Traversal<TSource, TInner>(
            source => SelectMany(getAll(source), inner),
            (source, update) => modify(source, middle => inner.Modify(middle, update)));
    }

    private static IEnumerable<TInner> Select<TInner>(IEnumerable<TValue> values, Lens<TValue, TInner> inner)
    {
        foreach (var value in values)
        {
            yield return inner.Get(value);
        }
    }

    private static IEnumerable<TInner> Where<TInner>(IEnumerable<TValue> values, Optional<TValue, TInner> inner)
    {
        foreach (var value in values)
        {
            if (inner.TryGet(value, out var found))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<TInner> SelectMany<TInner>(IEnumerable<TValue> values, Traversal<TValue, TInner> inner)
    {
        foreach (var value in values)
        {
            foreach (var found in inner._getAll(value))
            {
                yield return found;
            }
        }
    }
}

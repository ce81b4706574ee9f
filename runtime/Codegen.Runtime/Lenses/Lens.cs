using System;

namespace Codegen.Runtime.Lenses;

/// <summary>
/// A first-class getter and setter for one member of an immutable value: <see cref="Get"/> reads it,
/// <see cref="Set"/> returns a copy of the source with the member replaced, and <see cref="Modify"/>
/// applies a function to it. Lenses compose with <see cref="Compose{TInner}(Lens{TValue, TInner})"/>
/// to reach nested members.
/// </summary>
/// <remarks>
/// The lens laws hold for every generated lens: <c>Get(Set(s, v)) == v</c>, <c>Set(s, Get(s)) == s</c>
/// and <c>Set(Set(s, a), b) == Set(s, b)</c>.
/// </remarks>
/// <typeparam name="TSource">The type that holds the member.</typeparam>
/// <typeparam name="TValue">The type of the member.</typeparam>
public sealed class Lens<TSource, TValue>
{
    private readonly Func<TSource, TValue> _getter;
    private readonly Func<TSource, TValue, TSource> _setter;

    /// <summary>Creates a lens from a getter and a setter that returns a changed copy.</summary>
    public Lens(Func<TSource, TValue> getter, Func<TSource, TValue, TSource> setter)
    {
        _getter = getter ?? throw new ArgumentNullException(nameof(getter));
        _setter = setter ?? throw new ArgumentNullException(nameof(setter));
    }

    /// <summary>Reads the member from <paramref name="source"/>.</summary>
    public TValue Get(TSource source) => _getter(source);

    /// <summary>Returns a copy of <paramref name="source"/> whose member is <paramref name="value"/>.</summary>
    public TSource Set(TSource source, TValue value) => _setter(source, value);

    /// <summary>Returns a copy of <paramref name="source"/> whose member is <paramref name="update"/> applied to the current value.</summary>
    public TSource Modify(TSource source, Func<TValue, TValue> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _setter(source, update(_getter(source)));
    }

    /// <summary>Focuses on a member of this lens's (non-null) value.</summary>
    public Lens<TSource, TInner> Compose<TInner>(Lens<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new Lens<TSource, TInner>(
            source => inner.Get(_getter(source)),
            (source, value) => _setter(source, inner.Set(_getter(source), value)));
    }

    /// <summary>Focuses on an optional value inside this lens's value: present when the inner optional's focus is.</summary>
    public Optional<TSource, TInner> Compose<TInner>(Optional<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var getter = _getter;
        var setter = _setter;
        return new Optional<TSource, TInner>(
            (TSource source, out TInner value) => inner.TryGet(getter(source), out value),
            (source, value) => setter(source, inner.Set(getter(source), value)));
    }

    /// <summary>Focuses on every value a traversal reaches inside this lens's value.</summary>
    public Traversal<TSource, TInner> Compose<TInner>(Traversal<TValue, TInner> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var getter = _getter;
        var setter = _setter;
        return new Traversal<TSource, TInner>(
            source => inner.GetAll(getter(source)),
            (source, update) => setter(source, inner.Modify(getter(source), update)));
    }

    /// <summary>This lens as a traversal of exactly one value.</summary>
    public Traversal<TSource, TValue> AsTraversal()
    {
        var getter = _getter;
        var setter = _setter;
        return new Traversal<TSource, TValue>(source => new[] { getter(source) }, (source, update) => setter(source, update(getter(source))));
    }
}

using System;

namespace Codegen.Runtime.Lenses;

/// <summary>
/// Composition through optional members. An optional structure member is a lens onto a nullable value;
/// <see cref="ComposeOptional{TSource, TMiddle, TInner}"/> through it gives a lens onto a nullable result that behaves like Amazonka's <c>_Just</c>
/// traversal: reading through a null intermediate gives <see langword="null"/>, and setting or modifying
/// through a null intermediate returns the source unchanged (there is no intermediate to change, and one
/// cannot be invented because it may have required members).
/// </summary>
public static class LensExtensions
{
    /// <summary>Composes through an optional reference-typed intermediate.</summary>
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

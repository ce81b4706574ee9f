using System;
using System.Collections.Generic;
using Codegen.Runtime.Lenses;
using Codegen.Runtime.Model;
using Xunit;

namespace Codegen.Runtime.Tests.Model;

/// <summary>The immutable collections generated types hold, and the runtime's traversals over them.</summary>
public class ShapeCollectionsTests
{
    [Fact]
    public void NullStaysNullAndOwnCollectionsAreShared()
    {
        Assert.Null(ShapeCollections.List<int>(null));
        Assert.Null(ShapeCollections.Map<int>(null));
        var list = ShapeCollections.List(new[] { 1, 2 });
        var map = ShapeCollections.Map(new Dictionary<string, int> { ["a"] = 1 });
        Assert.Same(list, ShapeCollections.List(list));
        Assert.Same(map, ShapeCollections.Map(map));
        Assert.Same(list, ShapeCollections.List(list, _ => throw new InvalidOperationException("an own list is not copied")));
    }

    [Fact]
    public void CopiesAreIndependentOfTheSource()
    {
        var source = new List<string> { "a" };
        var copy = ShapeCollections.List(source);
        source[0] = "b";
        source.Add("c");
        Assert.Equal(new[] { "a" }, copy);
        Assert.IsType<ShapeList<string>>(copy);
        Assert.False(copy is IList<string>);

        var inner = new List<int> { 1 };
        var nested = ShapeCollections.List<IReadOnlyList<int>>(new[] { inner }, item => ShapeCollections.List(item));
        inner.Add(2);
        Assert.Equal(new[] { 1 }, nested[0]);
    }

    [Fact]
    public void MapCopiesUseOrdinalKeysWhateverTheSourceComparer()
    {
        var source = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Key"] = 1 };
        var copy = ShapeCollections.Map(source);
        source["other"] = 2;
        Assert.True(copy.ContainsKey("Key"));
        Assert.False(copy.ContainsKey("key"));
        Assert.Single(copy);
        Assert.False(copy is IDictionary<string, int>);
    }

    [Fact]
    public void OwnedCollectionsAreWrappedWithoutACopy()
    {
        var built = new List<int> { 1, 2, 3 };
        var owned = ShapeCollections.OwnList(built);
        built.Add(4); // only generated deserializers call OwnList, and never touch the list again: this shows there is no copy
        Assert.Equal(4, owned.Count);
    }

    [Fact]
    public void ShapeTextPrintsShapeMapsAsMaps()
    {
        var map = ShapeCollections.Map(new Dictionary<string, int> { ["a"] = 1 });
        Assert.Equal("T { M = { \"a\": 1 }, L = [1, 2] }", ShapeText.Begin("T").Add("M", map).Add("L", ShapeCollections.List(new[] { 1, 2 })).ToString());
    }

    [Fact]
    public void TraversalsOverCollectionsRebuildImmutableCollections()
    {
        IReadOnlyList<int> list = new[] { 1, 2, 3 };
        var doubled = Traversals.Each<int>().Modify(list, x => x * 2);
        Assert.Equal(new[] { 2, 4, 6 }, doubled);
        Assert.IsType<ShapeList<int>>(doubled);

        IReadOnlyDictionary<string, int> map = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        var incremented = Traversals.EachValue<int>().Modify(map, x => x + 1);
        Assert.Equal(2, incremented["a"]);
        Assert.Equal(3, incremented["b"]);
        Assert.IsType<ShapeMap<int>>(incremented);
        Assert.Equal(new[] { 1, 2 }, Traversals.EachValue<int>().GetAll(map));
    }

    [Fact]
    public void OptionalsFromNullableLensesOfValueAndReferenceTypes()
    {
        var count = new Lens<(int? Count, string? Name), int?>(s => s.Count, (s, v) => (v, s.Name)).WhenHasValue();
        var name = new Lens<(int? Count, string? Name), string?>(s => s.Name, (s, v) => (s.Count, v)).WhenPresent();

        Assert.False(count.TryGet((null, "x"), out _));
        Assert.Equal((null, "x"), count.Set((null, "x"), 5));
        Assert.Equal((6, "x"), count.Modify((5, "x"), c => c + 1));
        Assert.True(name.TryGet((1, "n"), out var found));
        Assert.Equal("n", found);
        Assert.Equal((1, (string?)null), name.Set((1, null), "ignored"));
        Assert.Throws<ArgumentNullException>(() => name.Set((1, "n"), null!));
    }
}

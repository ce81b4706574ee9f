using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Benchmarks.Library;
using Codegen.Runtime.Model;

namespace Codegen.Benchmarks.Model;

/// <summary>
/// What true immutability costs: constructing a shape with a 100-element list and making one With* copy of it. The
/// baseline is a hand-written type shaped like the generated one before collections were copied (it keeps the caller's
/// list); the generated Book copies the caller's list once, and keeps a list that is already immutable (what a
/// deserializer builds) without copying it.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("Immutability")]
public class ImmutabilityBenchmarks
{
    private const int Elements = 100;

    private List<string> _tags = null!;

    private IReadOnlyList<string> _immutableTags = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tags = Enumerable.Range(0, Elements).Select(i => "tag-" + i).ToList();
        _immutableTags = ShapeCollections.List(_tags);
    }

    /// <summary>Before: init and With* keep the caller's list.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Construct + With (100-element list)")]
    public NoCopyBook NoCopyBaseline() => new NoCopyBook("Dune") { Tags = _tags }.WithPages(412);

    /// <summary>After: the caller's list is copied once (on construction); With* shares the copy.</summary>
    [Benchmark, BenchmarkCategory("Construct + With (100-element list)")]
    public Book GeneratedFromCallersList() => new Book("Dune") { Tags = _tags }.WithPages(412);

    /// <summary>After, from a list that is already immutable (a deserializer's, or another shape's): no copy at all.</summary>
    [Benchmark, BenchmarkCategory("Construct + With (100-element list)")]
    public Book GeneratedFromImmutableList() => new Book("Dune") { Tags = _immutableTags }.WithPages(412);

    /// <summary>After: a With* of the list member itself copies the caller's list again (the baseline keeps it).</summary>
    [Benchmark, BenchmarkCategory("Construct + With (100-element list)")]
    public Book GeneratedWithTags() => new Book("Dune").WithTags(_tags).WithPages(412);
}

/// <summary>
/// The hand-written no-copy baseline: the generated Book as it was before (the same members, an init property and a
/// copy constructor that keep the caller's list).
/// </summary>
public sealed class NoCopyBook
{
    public NoCopyBook(string title) => Title = title;

    private NoCopyBook(NoCopyBook source)
    {
        Title = source.Title;
        Author = source.Author;
        Tags = source.Tags;
        Ratings = source.Ratings;
        Cover = source.Cover;
        Published = source.Published;
        Pages = source.Pages;
        Price = source.Price;
        Format = source.Format;
        Related = source.Related;
        Note = source.Note;
        Extra = source.Extra;
        Shelf = source.Shelf;
    }

    public string Title { get; init; }

    public Person? Author { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyDictionary<string, int>? Ratings { get; init; }

    public System.ReadOnlyMemory<byte>? Cover { get; init; }

    public System.DateTimeOffset? Published { get; init; }

    public int? Pages { get; init; }

    public double? Price { get; init; }

    public Format? Format { get; init; }

    public IReadOnlyList<Book>? Related { get; init; }

    public string? Note { get; init; }

    public System.Text.Json.JsonElement? Extra { get; init; }

    public Location? Shelf { get; init; }

    public NoCopyBook WithPages(int? pages) => new(this) { Pages = pages };
}

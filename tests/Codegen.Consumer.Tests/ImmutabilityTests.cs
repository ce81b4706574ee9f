using System;
using System.Collections.Generic;
using System.Text;
using Codegen.Consumer.Tests.Library;
using Codegen.Consumer.Tests.Nested;
using Codegen.Runtime.Http;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// Generated types own their collections: what the caller passes is copied on construction, in With* and in lens Set,
/// so changing it afterwards changes nothing; what a deserializer builds cannot be cast back to a mutable collection.
/// </summary>
public class ImmutabilityTests
{
    [Fact]
    public void ChangingTheCallersListAfterWithChangesNothing()
    {
        var tags = new List<string> { "sf", "classic" };
        var book = new Book("Dune").WithTags(tags);
        var equal = new Book("Dune").WithTags(new[] { "sf", "classic" });
        var hash = book.GetHashCode();

        tags.Add("desert");
        tags[0] = "fantasy";

        Assert.Equal(new[] { "sf", "classic" }, book.Tags);
        Assert.Equal(equal, book);
        Assert.Equal(hash, book.GetHashCode());
        Assert.Equal("Book { Title = \"Dune\", Tags = [\"sf\", \"classic\"] }", book.ToString());
    }

    [Fact]
    public void ChangingTheCallersDictionaryChangesNothing()
    {
        var ratings = new Dictionary<string, int> { ["alice"] = 5 };
        var book = new Book("Dune") { Ratings = ratings };
        var hash = book.GetHashCode();

        ratings["alice"] = 1;
        ratings["bob"] = 2;

        Assert.Equal(5, book.Ratings!["alice"]);
        Assert.False(book.Ratings.ContainsKey("bob"));
        Assert.Equal(hash, book.GetHashCode());
        Assert.Equal("Book { Title = \"Dune\", Ratings = { \"alice\": 5 } }", book.ToString());
    }

    [Fact]
    public void RequiredCollectionsAreCopiedByTheConstructor()
    {
        var row = new List<int> { 1, 2 };
        var rows = new List<IReadOnlyList<int>> { row };
        var grid = new Grid(rows);

        rows.Add(new[] { 3 });
        row.Add(99);

        Assert.Single(grid.Rows);
        Assert.Equal(new[] { 1, 2 }, grid.Rows[0]);
        Assert.Equal(new Grid(new[] { new[] { 1, 2 } }), grid);
    }

    [Fact]
    public void NestedCollectionsInMapsAreCopiedToo()
    {
        var column = new List<string> { "a" };
        var grid = new Grid(Array.Empty<IReadOnlyList<int>>()).WithColumns(new Dictionary<string, IReadOnlyList<string>> { ["x"] = column });

        column.Add("b");

        Assert.Equal(new[] { "a" }, grid.Columns!["x"]);
    }

    [Fact]
    public void LensSetCopiesTheCollection()
    {
        var tags = new List<string> { "sf" };
        var book = Book.Lenses.Tags.Set(new Book("Dune"), tags);

        tags.Clear();

        Assert.Equal(new[] { "sf" }, book.Tags);
    }

    [Fact]
    public void CollectionsCannotBeCastBackAndChanged()
    {
        var book = new Book("Dune").WithTags(new List<string> { "sf" }).WithRatings(new Dictionary<string, int> { ["alice"] = 5 });

        Assert.False(book.Tags is List<string>);
        Assert.False(book.Tags is ICollection<string>);
        Assert.False(book.Ratings is Dictionary<string, int>);
        Assert.False(book.Ratings is IDictionary<string, int>);
    }

    [Fact]
    public void DeserializedCollectionsAreImmutable()
    {
        var response = LibraryOperations.GetBook.DeserializeResponse(new AwsHttpResponse(200, null, Encoding.UTF8.GetBytes(
            """{"Book":{"Title":"Dune","Tags":["sf"],"Ratings":{"alice":5},"Related":[{"Title":"Messiah","Tags":["x"]}]}}""")));
        var book = response.Book!;

        Assert.Equal(new[] { "sf" }, book.Tags);
        Assert.False(book.Tags is ICollection<string>);
        Assert.False(book.Ratings is IDictionary<string, int>);
        Assert.False(book.Related is ICollection<Book>);
        Assert.False(book.Related![0].Tags is ICollection<string>);

        // Already immutable: With* and the copy constructor keep the same collection instead of copying it again.
        Assert.Same(book.Tags, book.WithTitle("Dune II").Tags);
        Assert.Same(book.Tags, new Book("Other").WithTags(book.Tags).Tags);
    }

    [Fact]
    public void DeserializedNestedListsAreImmutableAtEveryLevel()
    {
        var response = NestedOperations.GetGrid.DeserializeResponse(new AwsHttpResponse(200, null, Encoding.UTF8.GetBytes(
            """{"Grid":{"Rows":[[1,2],[3]],"Columns":{"x":["a","b"]},"Labels":["a",null]}}""")));
        var grid = response.Grid!;

        Assert.Equal(new[] { 1, 2 }, grid.Rows[0]);
        Assert.False(grid.Rows is ICollection<IReadOnlyList<int>>);
        Assert.False(grid.Rows[0] is ICollection<int>);
        Assert.False(grid.Columns!["x"] is ICollection<string>);
        Assert.Equal(new[] { "a", null }, grid.Labels);
        Assert.Same(grid.Rows, grid.WithWidth(3).Rows);
    }

    [Fact]
    public void ErrorCollectionsAreImmutableCopiesToo()
    {
        var rows = new List<int> { 1, 2 };
        var error = new GridLockedException("locked", 409, "req-1") { LockedRows = rows };
        rows.Add(3);
        Assert.Equal(new[] { 1, 2 }, error.LockedRows);
        Assert.False(error.LockedRows is ICollection<int>);

        var read = (GridLockedException)NestedOperations.GetGrid.DeserializeError(new AwsHttpResponse(409, null, Encoding.UTF8.GetBytes(
            """{"__type":"GridLockedException","message":"locked","LockedRows":[4,5]}""")));
        Assert.Equal(new[] { 4, 5 }, read.LockedRows);
        Assert.False(read.LockedRows is ICollection<int>);
    }
}

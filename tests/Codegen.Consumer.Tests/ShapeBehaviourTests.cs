using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Codegen.Consumer.Tests.Library;
using Codegen.Runtime.Http;
using Codegen.Runtime.Protocols.Json;
using Codegen.Runtime.Serialization;
using Codegen.Runtime.Lenses;
using Codegen.Runtime.Operations;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>Generated types with nested structures, collections, unions and every scalar (specs/library.json).</summary>
public class ShapeBehaviourTests
{
    private static Book FullBook() => new Book("Dune")
        .WithAuthor(new Person("Frank Herbert").WithBorn(new DateTimeOffset(1920, 10, 8, 0, 0, 0, TimeSpan.Zero)))
        .WithTags(new[] { "sf", "classic" })
        .WithRatings(new Dictionary<string, int> { ["alice"] = 5, ["bob"] = 4 })
        .WithCover(new byte[] { 1, 2, 3 })
        .WithPublished(DateTimeOffset.FromUnixTimeSeconds(1_000_000_000))
        .WithPages(412)
        .WithPrice(9.5)
        .WithFormat(Format.Paperback)
        .WithRelated(new[] { new Book("Dune Messiah") })
        .WithNote("shh")
        .WithExtra(JsonDocument.Parse("""{"a":[1,2,{"b":null}]}""").RootElement)
        .WithShelf(new Location.Room("B2"));

    [Fact]
    public void OptionalsReachThroughAnOptionalMember()
    {
        Optional<Book, string> authorName = Book.Optionals.Author.Compose(Person.Lenses.Name);
        var book = FullBook();

        Assert.True(authorName.TryGet(book, out var name));
        Assert.Equal("Frank Herbert", name);
        var renamed = authorName.Set(book, "F. Herbert");
        Assert.Equal("F. Herbert", renamed.Author!.Name);
        Assert.Equal("Frank Herbert", book.Author!.Name);
        Assert.Equal("FRANK HERBERT", authorName.Modify(book, n => n.ToUpperInvariant()).Author!.Name);
    }

    [Fact]
    public void OptionalsThroughAnUnsetMemberFindNothingAndSetNothing()
    {
        var authorName = Book.Optionals.Author.Compose(Person.Lenses.Name);
        var book = new Book("Anonymous");

        Assert.False(authorName.TryGet(book, out _));
        Assert.Equal("nobody", authorName.GetOrDefault(book, "nobody"));
        var unchanged = authorName.Set(book, "Someone");
        Assert.Same(book, unchanged);
        Assert.Null(unchanged.Author);
        Assert.Same(book, authorName.Modify(book, _ => throw new InvalidOperationException("not called when absent")));
    }

    [Fact]
    public void OptionalsOfValueTypedMembersFocusOnTheUnderlyingValue()
    {
        Optional<Book, int> pages = Book.Optionals.Pages;
        Optional<Book, Format> format = Book.Optionals.Format;
        var book = FullBook();

        Assert.True(pages.TryGet(book, out var count));
        Assert.Equal(412, count);
        Assert.Equal(413, pages.Modify(book, p => p + 1).Pages);
        Assert.Equal(Format.Paperback, format.GetOrDefault(book, Format.Hardcover));
        var bare = new Book("Bare");
        Assert.False(pages.IsPresent(bare));
        Assert.Same(bare, pages.Set(bare, 1));

        // Through an optional intermediate to an optional value-typed member: optional after optional.
        var born = Book.Optionals.Author.Compose(Person.Optionals.Born);
        Assert.Equal(1920, born.GetOrDefault(book, default).Year);
        Assert.False(born.IsPresent(book.WithAuthor(new Person("Unknown birth"))));
    }

    [Fact]
    public void TraversalsModifyEveryElementAndEveryMapValue()
    {
        var book = FullBook();

        Assert.Equal(new[] { "sf", "classic" }, Book.Traversals.Tags.GetAll(book));
        Assert.Equal(new[] { "SF", "CLASSIC" }, Book.Traversals.Tags.Modify(book, t => t.ToUpperInvariant()).Tags);
        var doubled = Book.Traversals.Ratings.Modify(book, r => r * 2).Ratings!;
        Assert.Equal(10, doubled["alice"]);
        Assert.Equal(8, doubled["bob"]);
        Assert.Equal(new[] { "sf", "classic" }, book.Tags);

        // A traversal composed with a lens: the titles of the related books.
        var relatedTitles = Book.Traversals.Related.Compose(Book.Lenses.Title);
        Assert.Equal(new[] { "DUNE MESSIAH" }, relatedTitles.GetAll(relatedTitles.Modify(book, t => t.ToUpperInvariant())));

        // An unset list has no elements, and modifying them changes nothing.
        var bare = new Book("Bare");
        Assert.Empty(Book.Traversals.Tags.GetAll(bare));
        Assert.Same(bare, Book.Traversals.Tags.Modify(bare, t => t + "!"));
    }

    [Fact]
    public void ComposeOnRequiredIntermediate()
    {
        var titleOfBook = PutBook.Lenses.Book.Compose(Book.Lenses.Title);
        var request = new PutBook(new Book("Emma"));

        Assert.Equal("Emma", titleOfBook.Get(request));
        Assert.Equal("Persuasion", titleOfBook.Set(request, "Persuasion").Book.Title);
    }

    [Fact]
    public void EqualityComparesCollectionsByContent()
    {
        Assert.Equal(FullBook(), FullBook());
        Assert.Equal(FullBook().GetHashCode(), FullBook().GetHashCode());
        Assert.NotEqual(FullBook(), FullBook().WithTags(new[] { "sf" }));
        Assert.NotEqual(FullBook(), FullBook().WithRatings(new Dictionary<string, int> { ["alice"] = 5, ["bob"] = 3 }));
        Assert.NotEqual(FullBook(), FullBook().WithCover(new byte[] { 1, 2, 4 }));
        Assert.NotEqual(FullBook(), FullBook().WithExtra(JsonDocument.Parse("""{"a":[1,2]}""").RootElement));
        Assert.Equal(FullBook().WithExtra(JsonDocument.Parse("""{"x":1,"y":2}""").RootElement), FullBook().WithExtra(JsonDocument.Parse("""{"y":2,"x":1.0}""").RootElement));
        Assert.NotEqual(FullBook(), FullBook().WithShelf(new Location.Box(3)));
    }

    [Fact]
    public void UnionsAreClosedWithAnUnknownCase()
    {
        Location room = new Location.Room("B2");
        Assert.Equal("Room", room.MemberName);
        Assert.Equal(room, new Location.Room("B2"));
        Assert.NotEqual(room, new Location.Box(2));

        var response = GetBookOperation(
            """{"Book":{"Title":"x","Shelf":{"Attic":{"floor":3}}}}""");
        var unknown = Assert.IsType<Location.Unknown>(response.Book!.Shelf);
        Assert.Equal("Attic", unknown.MemberName);
    }

    [Fact]
    public void RoundTripsEveryKindOfMember()
    {
        var book = FullBook();
        var request = new PutBook(book).WithClientToken("token-1");
        IAwsRequest<PutBookResponse> sendable = request;
        var wire = sendable.Operation.SerializeRequest(request);

        // Read the book back through the response path: same codec shape.
        var response = GetBookOperation(Encoding.UTF8.GetString(wire.Body.Span).Replace("\"ClientToken\":\"token-1\"", "\"Ignored\":1"));

        Assert.Equal(book, response.Book);
    }

    [Fact]
    public void EmptyIdempotencyTokenIsFilled()
    {
        IAwsRequest<PutBookResponse> request = new PutBook(new Book("x"));

        var wire = request.Operation.SerializeRequest(request, new SerializationOptions { IdempotencyTokenFactory = () => "fixed-token" });

        using var body = JsonDocument.Parse(wire.Body);
        Assert.Equal("fixed-token", body.RootElement.GetProperty("ClientToken").GetString());
        var random = JsonDocument.Parse(request.Operation.SerializeRequest(request).Body).RootElement.GetProperty("ClientToken").GetString();
        Assert.True(Guid.TryParse(random, out _));
    }

    [Fact]
    public void EmptyCollectionsAndStringsAreSentAbsentOnesAreNot()
    {
        IAwsRequest<PutBookResponse> request = new PutBook(new Book("").WithTags(Array.Empty<string>()).WithRatings(new Dictionary<string, int>()));

        var body = Encoding.UTF8.GetString(request.Operation.SerializeRequest(request, new SerializationOptions { IdempotencyTokenFactory = () => "t" }).Body.Span);

        Assert.Equal("""{"Book":{"Title":"","Tags":[],"Ratings":{}},"ClientToken":"t"}""", body);
    }

    [Fact]
    public void ToStringRedactsSensitiveMembersInNestedValues()
    {
        var text = new PutBook(FullBook()).ToString();

        Assert.Contains("Note = ***", text);
        Assert.DoesNotContain("shh", text);
        Assert.Contains("Title = \"Dune\"", text);
    }

    [Theory]
    [InlineData("""{"Book":{"Title":"x","Pages":"many"}}""", "$.Book.Pages")]
    [InlineData("""{"Book":{"Title":"x","Related":[{"Title":"a"},{"Title":"b","Tags":["t",7]}]}}""", "$.Book.Related[1].Tags[1]")]
    [InlineData("""{"Book":{"Title":"x","Ratings":{"alice":true}}}""", "$.Book.Ratings.alice")]
    [InlineData("""{"Book":{"Title":"x","Author":{"Name":5}}}""", "$.Book.Author.Name")]
    [InlineData("""{"Book":{"Title":"x","Cover":"not base64!"}}""", "$.Book.Cover")]
    [InlineData("""{"Book":{"Title":"x","Tags":["a", """, "$.Book.Tags[1]")]
    [InlineData("""{"Book":{"Title":""", "$.Book.Title")]
    [InlineData("""{"Book":{"Title":"x"}} trailing""", "$")]
    public void MalformedResponsesNameTheFailingMember(string body, string path)
    {
        var exception = Assert.Throws<AwsDeserializationException>(() => GetBookOperation(body));

        Assert.Equal(path, exception.Path);
    }

    [Fact]
    public void NullsAreAbsentAndUnknownMembersAreSkipped()
    {
        var response = GetBookOperation("""{"Book":{"Title":"x","Author":null,"Tags":["a",null,"b"],"Future":{"deep":[1,{"x":2}]}},"AlsoNew":3}""");

        Assert.Null(response.Book!.Author);
        Assert.Equal(new[] { "a", "b" }, response.Book.Tags);
    }

    [Fact]
    public void DeepButFiniteValuesWorkAndTooDeepInputIsRejected()
    {
        var book = new Book("leaf");
        for (var i = 0; i < 40; i++)
        {
            book = new Book("level " + i).WithRelated(new[] { book });
        }

        IAwsRequest<PutBookResponse> request = new PutBook(book);
        var body = Encoding.UTF8.GetString(request.Operation.SerializeRequest(request).Body.Span);
        var back = GetBookOperation(body);
        Assert.Equal(book, back.Book);
        Assert.Equal(book.GetHashCode(), back.Book!.GetHashCode());
        Assert.Contains("...", new Book("x").WithRelated(new[] { book }).ToString());

        var tooDeep = new StringBuilder("""{"Book":""");
        for (var i = 0; i < JsonWireReader.MaxDepth + 10; i++)
        {
            tooDeep.Append("""{"Title":"x","Related":[""");
        }

        var exception = Assert.Throws<AwsDeserializationException>(() => GetBookOperation(tooDeep.ToString()));
        Assert.Contains("malformed JSON", exception.Message);
    }

    [Fact]
    public void ModelledErrorsCarryTheirMembers()
    {
        var error = LibraryOperations.PutBook.DeserializeError(new AwsHttpResponse(400, null, Encoding.UTF8.GetBytes("""{"__type":"ShelfFullException","message":"full","Capacity":12}""")));

        var full = Assert.IsType<ShelfFullException>(error);
        Assert.Equal(12, full.Capacity);
        Assert.Equal("full", full.Message);
    }

    private static GetBookResponse GetBookOperation(string body) =>
        LibraryOperations.GetBook.DeserializeResponse(new AwsHttpResponse(200, null, Encoding.UTF8.GetBytes(body)));
}

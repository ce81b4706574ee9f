using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Codegen.Consumer.Tests.LibraryQuery;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Runtime.Serialization;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// The generated awsQuery code of specs/library-query.json (the library model as an awsQuery service): the form
/// body on the wire, XML responses as services write them (namespaces, whitespace, comments, entity references,
/// <c>ResponseMetadata</c>), modelled errors, and malformed or hostile bodies, each of which must end in an
/// <see cref="AwsDeserializationException"/> naming the member it broke in, never another exception type.
/// </summary>
public class QueryBehaviourTests
{
    private static readonly SerializationOptions Options = new() { IdempotencyTokenFactory = () => "token" };

    [Fact]
    public void TheRequestIsAFormWithActionVersionAndFlattenedMembers()
    {
        var book = new Book("Dune & more")
            .WithTags(new[] { "sf", "classic" })
            .WithRatings(new Dictionary<string, int> { ["alice"] = 5 })
            .WithCover(new byte[] { 1, 2, 3 })
            .WithPublished(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000_000_500))
            .WithPrice(double.NaN)
            .WithRelated(Array.Empty<Book>())
            .WithShelf(new Location.Room("B2"))
            .WithEditions(new[] { "first" });
        var request = ((IAwsRequest<PutBookResponse>)new PutBook(book)).Operation.SerializeRequest(new PutBook(book), Options);

        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal("application/x-www-form-urlencoded", request.GetHeader("Content-Type"));
        Assert.Equal(
            "Action=PutBook&Version=2024-01-01&Book.Title=Dune%20%26%20more&Book.Tags.member.1=sf&Book.Tags.member.2=classic"
            + "&Book.Ratings.entry.1.key=alice&Book.Ratings.entry.1.value=5&Book.Cover=AQID"
            + "&Book.Published=2001-09-09T01%3A46%3A40.500Z&Book.Price=NaN&Book.Related=&Book.Shelf.Room=B2"
            + "&Book.Edition.1=first&ClientToken=token",
            Encoding.UTF8.GetString(request.Body.Span));
    }

    [Fact]
    public void AResponseIsReadFromItsResultElement()
    {
        var response = GetBook(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <GetBookResponse xmlns="https://library.example.com/doc/2024-01-01/">
              <!-- a comment -->
              <GetBookResult>
                <Book>
                  <Title>Dune &amp; <![CDATA[<more>]]></Title>
                  <Unknown><Deep>skipped</Deep></Unknown>
                  <Author><Name>Frank</Name><Born>1920-10-08T00:00:00+01:00</Born></Author>
                  <Tags><member>sf</member><member>classic</member></Tags>
                  <Ratings><entry><value>5</value><key>alice</key></entry></Ratings>
                  <Cover>AQID</Cover>
                  <Published>2001-09-09T01:46:40.500Z</Published>
                  <Pages>412</Pages>
                  <Price>-Infinity</Price>
                  <Format>PAPERBACK</Format>
                  <Related><member><Title>Dune Messiah</Title></member></Related>
                  <Shelf><Box>7</Box></Shelf>
                  <Edition>first</Edition>
                  <Edition>second</Edition>
                </Book>
              </GetBookResult>
              <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
            </GetBookResponse>
            """);

        var book = response.Book!;
        Assert.Equal("Dune & <more>", book.Title);
        Assert.Equal(("Frank", DateTimeOffset.Parse("1920-10-07T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), (book.Author!.Name, book.Author.Born!.Value));
        Assert.Equal(new[] { "sf", "classic" }, book.Tags);
        Assert.Equal(5, book.Ratings!["alice"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, book.Cover!.Value.ToArray());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000_000_500), book.Published);
        Assert.Equal(412, book.Pages);
        Assert.Equal(double.NegativeInfinity, book.Price);
        Assert.Equal(Format.Paperback, book.Format);
        Assert.Equal("Dune Messiah", Assert.Single(book.Related!).Title);
        Assert.Equal(7, Assert.IsType<Location.Box>(book.Shelf).Value);
        Assert.Equal(new[] { "first", "second" }, book.Editions);
        Assert.Equal(200, response.HttpStatus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("<GetBookResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetBookResponse>")]
    [InlineData("<GetBookResponse><GetBookResult/></GetBookResponse>")]
    public void ABodyWithoutMembersReadsAsNoneSet(string body) => Assert.Null(GetBook(body).Book);

    /// <summary>Each malformed body (inside <c>GetBookResult</c> unless it is whole), the path the exception names and a part of its message.</summary>
    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { Wrap("<Book><Title>x</Title><Pages>many</Pages></Book>"), "$.Book.Pages", "expected a 32-bit integer" },
        { Wrap("<Book><Title>x</Title><Pages>1099511627776</Pages></Book>"), "$.Book.Pages", "expected a 32-bit integer" },
        { Wrap("<Book><Title>x</Title><Price>1,5</Price></Book>"), "$.Book.Price", "expected a number" },
        { Wrap("<Book><Title>x</Title><Price>nan</Price></Book>"), "$.Book.Price", "expected a number" },
        { Wrap("<Book><Title>x</Title><Published>yesterday</Published></Book>"), "$.Book.Published", "expected an ISO 8601 date-time" },
        { Wrap("<Book><Title>x</Title><Cover>not base64!</Cover></Book>"), "$.Book.Cover", "expected base64" },
        { Wrap("<Book><Title>x</Title><Tags><member>a</member><member><b/></member></Tags></Book>"), "$.Book.Tags[1]", "expected text" },
        { Wrap("<Book><Title>x</Title><Ratings><entry><key>alice</key><value>yes</value></entry></Ratings></Book>"), "$.Book.Ratings.alice", "expected a 32-bit integer" },
        { Wrap("<Book><Title>x</Title><Ratings><entry><value>1</value></entry></Ratings></Book>"), "$.Book.Ratings", "a map entry has no key" },
        { Wrap("<Book><Title>x</Title><Editions/><Edition><i/></Edition></Book>"), "$.Book.Edition[0]", "expected text" },
        { Wrap("<Book><Title>x</Title><Shelf><Room>a</Room><Box>1</Box></Shelf></Book>"), "$.Book.Shelf", "exactly one member" },
        { Wrap("<Book><Title>x</Titel></Book>"), "$.Book.Title", "malformed XML" },
        { Wrap("<Book><Title>a&#1;b</Title></Book>"), "$.Book.Title", "malformed XML" },
        { Wrap("<Book><Title>&undefined;</Title></Book>"), "$.Book.Title", "malformed XML" },
        { Wrap("<Book><Author><Name>x</Name><Born>1920-13-45T00:00:00Z</Born></Author></Book>"), "$.Book.Author.Born", "expected an ISO 8601 date-time" },
        { "{\"Book\": {}}", "$", "malformed XML" },
        { "<GetBookResponse><GetBookResult><Book><Title>x</Title></Book></GetBookResult>", "$", "malformed XML" },
        { "<GetBookResponse><GetBookResult></GetBookResult></GetBookResponse><second/>", "$", "malformed XML" },
        { "<!DOCTYPE GetBookResponse [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><GetBookResponse><GetBookResult><Book><Title>&b;</Title></Book></GetBookResult></GetBookResponse>", "$", "malformed XML" },
        { "<!DOCTYPE GetBookResponse SYSTEM \"http://example.com/evil.dtd\"><GetBookResponse/>", "$", "malformed XML" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void MalformedBodiesNameTheFailingMember(string body, string path, string message)
    {
        var exception = Assert.Throws<AwsDeserializationException>(() => GetBook(body));

        Assert.Equal(path, exception.Path);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingRequiredMemberIsAnErrorOnlyWhenStrict()
    {
        var body = Encoding.UTF8.GetBytes(Wrap("<Book><Pages>1</Pages></Book>"));

        Assert.Equal("", LibraryOperations.GetBook.DeserializeResponse(new AwsHttpResponse(200, null, body)).Book!.Title);
        var exception = Assert.Throws<AwsDeserializationException>(() =>
            LibraryOperations.GetBook.DeserializeResponse(new AwsHttpResponse(200, null, body), DeserializationOptions.Strict));
        Assert.Equal("$.Book.Title", exception.Path);
    }

    [Fact]
    public void EveryTruncationOfAValidBodyIsADeserializationError()
    {
        var body = Wrap("<Book><Title>Dune</Title><Tags><member>sf</member></Tags><Ratings><entry><key>a</key><value>5</value></entry></Ratings><Edition>x</Edition></Book>");
        Assert.Equal("Dune", GetBook(body).Book!.Title);

        // Every cut that leaves something after the XML declaration and is not whitespace only.
        for (var length = 1; length < body.Length; length++)
        {
            var cut = body.Substring(0, length);
            var exception = Record.Exception(() => GetBook(cut));
            Assert.True(exception is AwsDeserializationException, $"cut at {length}: {exception?.GetType().Name ?? "no exception"}");
        }
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRejected()
    {
        var depth = Codegen.Runtime.Protocols.Xml.XmlWireReader.MaxDepth + 10;
        var inner = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            inner.Append("<Related><member><Title>x</Title>");
        }

        for (var i = 0; i < depth; i++)
        {
            inner.Append("</member></Related>");
        }

        var exception = Assert.Throws<AwsDeserializationException>(() => GetBook(Wrap("<Book><Title>x</Title>" + inner + "</Book>")));
        Assert.Contains("nested deeper than", exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.Book.Related[0]", exception.Path, StringComparison.Ordinal);

        // Skipped content (an element the model does not know) has the same limit.
        var unknown = string.Concat(Enumerable.Repeat("<x>", depth)) + string.Concat(Enumerable.Repeat("</x>", depth));
        var skipped = Assert.Throws<AwsDeserializationException>(() => GetBook(Wrap("<Book><Title>x</Title><Unknown>" + unknown + "</Unknown></Book>")));
        Assert.Contains("nested deeper than", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsAreNamedByTheirCodeAndCarryTheirMembers()
    {
        var body = """
            <ErrorResponse xmlns="https://library.example.com/doc/2024-01-01/">
              <Error>
                <Type>Sender</Type>
                <Code>Library.ShelfFull</Code>
                <Message>full</Message>
                <Capacity>12</Capacity>
              </Error>
              <RequestId>req-9</RequestId>
            </ErrorResponse>
            """;
        var error = LibraryOperations.PutBook.DeserializeError(new AwsHttpResponse(409, null, Encoding.UTF8.GetBytes(body)));

        var full = Assert.IsType<ShelfFullException>(error);
        Assert.Equal((12, "full", "Library.ShelfFull", "req-9", 409), (full.Capacity, full.Message, full.ErrorCode, full.RequestId, full.StatusCode));
    }

    [Fact]
    public void AnEc2StyleErrorBodyIsReadToo()
    {
        var body = "<Response><Errors><Error><Code>Library.ShelfFull</Code><Message>full</Message></Error></Errors><RequestID>req-2</RequestID></Response>";
        var error = LibraryOperations.PutBook.DeserializeError(new AwsHttpResponse(409, null, Encoding.UTF8.GetBytes(body)));

        var full = Assert.IsType<ShelfFullException>(error);
        Assert.Equal(("full", "req-2"), (full.Message, full.RequestId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<ErrorResponse><Error><Code>")]
    [InlineData("not xml")]
    [InlineData("<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>")]
    public void AnUnreadableErrorBodyStillGivesAnError(string body)
    {
        var error = LibraryOperations.PutBook.DeserializeError(new AwsHttpResponse(500, null, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(AwsErrorInfo.UnknownCode, error.ErrorCode);
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public void AModelledErrorWithAnUnreadableMemberKeepsTheError()
    {
        var body = "<ErrorResponse><Error><Code>Library.ShelfFull</Code><Message>full</Message><Capacity>lots</Capacity></Error></ErrorResponse>";
        var error = LibraryOperations.PutBook.DeserializeError(new AwsHttpResponse(409, null, Encoding.UTF8.GetBytes(body)));

        var full = Assert.IsType<ShelfFullException>(error);
        Assert.Equal(("full", (int?)null), (full.Message, full.Capacity));
    }

    private static string Wrap(string result) =>
        "<GetBookResponse xmlns=\"https://library.example.com/doc/2024-01-01/\"><GetBookResult>" + result
        + "</GetBookResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetBookResponse>";

    private static GetBookResponse GetBook(string body) =>
        LibraryOperations.GetBook.DeserializeResponse(new AwsHttpResponse(200, null, Encoding.UTF8.GetBytes(body)));
}

using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.Linq;
using System.Text.Json;
using Codegen.Consumer.Tests.LibraryCbor;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Runtime.Protocols.Cbor;
using Codegen.Runtime.Serialization;
using Codegen.Testing;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// The generated rpcv2Cbor code of specs/library-cbor.json (the library model listing awsJson and rpcv2Cbor, its item's
/// <c>Protocol</c> metadata choosing rpcv2Cbor through MSBuild, as a user's project does): the request on the
/// wire, responses in every encoding the protocol allows, and malformed bodies, each of which must end in an
/// <see cref="AwsDeserializationException"/> naming the member it broke in, never another exception type.
/// </summary>
public class CborBehaviourTests
{
    private static readonly SerializationOptions Options = new() { IdempotencyTokenFactory = () => "token" };

    [Fact]
    public void TheRequestIsACborMapOnTheOperationPath()
    {
        var book = new Book("Dune")
            .WithCover(new byte[] { 1, 2, 3 })
            .WithPublished(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000_000_500))
            .WithPrice(double.NaN)
            .WithShelf(new Location.Room("B2"));
        var request = ((IAwsRequest<PutBookResponse>)new PutBook(book)).Operation.SerializeRequest(new PutBook(book), Options);

        Assert.Equal(("POST", "/service/Library_20240101/operation/PutBook"), (request.Method, request.Path));
        Assert.Equal("rpc-v2-cbor", request.GetHeader("smithy-protocol"));
        Assert.Equal("application/cbor", request.GetHeader("Content-Type"));
        Assert.Equal("application/cbor", request.GetHeader("Accept"));
        var expected = Encode(w =>
        {
            w.WriteStartMap(2);
            w.WriteTextString("Book");
            w.WriteStartMap(5);
            w.WriteTextString("Title");
            w.WriteTextString("Dune");
            w.WriteTextString("Cover");
            w.WriteByteString(new byte[] { 1, 2, 3 });
            w.WriteTextString("Published");
            w.WriteTag((CborTag)1);
            w.WriteDouble(1_000_000_000.5);
            w.WriteTextString("Price");
            w.WriteDouble(double.NaN);
            w.WriteTextString("Shelf");
            w.WriteStartMap(1);
            w.WriteTextString("Room");
            w.WriteTextString("B2");
            w.WriteEndMap();
            w.WriteEndMap();
            w.WriteTextString("ClientToken");
            w.WriteTextString("token");
            w.WriteEndMap();
        });
        Assert.Empty(CborSemantics.Differences(expected, request.Body));
    }

    [Fact]
    public void IndefiniteLengthsAndAnyNumberWidthAreRead()
    {
        var body = Encode(w =>
        {
            w.WriteStartMap(null);
            w.WriteTextString("Book");
            w.WriteStartMap(null);
            w.WriteTextString("Title");
            w.WriteStartIndefiniteLengthTextString();
            w.WriteTextString("Du");
            w.WriteTextString("ne");
            w.WriteEndIndefiniteLengthTextString();
            w.WriteTextString("Tags");
            w.WriteStartArray(null);
            w.WriteTextString("sf");
            w.WriteNull();
            w.WriteEndArray();
            w.WriteTextString("Cover");
            w.WriteStartIndefiniteLengthByteString();
            w.WriteByteString(new byte[] { 1 });
            w.WriteByteString(new byte[] { 2, 3 });
            w.WriteEndIndefiniteLengthByteString();
            w.WriteTextString("Published");
            w.WriteTag((CborTag)1);
            w.WriteHalf((Half)2.5);
            w.WriteTextString("Price");
            w.WriteSingle(float.PositiveInfinity);
            w.WriteTextString("Pages");
            w.WriteUInt64(412);
            w.WriteTextString("Future");
            w.WriteStartArray(null);
            w.WriteStartMap(null);
            w.WriteEndMap();
            w.WriteEndArray();
            w.WriteEndMap();
            w.WriteEndMap();
        });

        var book = GetBook(body).Book!;

        Assert.Equal("Dune", book.Title);
        Assert.Equal(new[] { "sf" }, book.Tags);
        Assert.Equal(new byte[] { 1, 2, 3 }, book.Cover!.Value.ToArray());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2_500), book.Published);
        Assert.Equal(double.PositiveInfinity, book.Price);
        Assert.Equal(412, book.Pages);
    }

    [Fact]
    public void AnEmptyBodyReadsAsNoMembers() => Assert.Null(GetBook(Array.Empty<byte>()).Book);

    /// <summary>Each malformed body, the path the exception names and a part of its message.</summary>
    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        // A text string where an integer belongs: {"Book": {"Title": "x", "Pages": "many"}}
        { "A1 64 426F6F6B A2 65 5469746C65 61 78 65 5061676573 64 6D616E79", "$.Book.Pages", "expected an integer, found a text string" },
        // An integer out of range for a 32-bit member: Pages = 2^40
        { "A1 64 426F6F6B A2 65 5469746C65 61 78 65 5061676573 1B 0000010000000000", "$.Book.Pages", "integer out of range" },
        // Invalid UTF-8 in a text string: Title = C3 28
        { "A1 64 426F6F6B A1 65 5469746C65 62 C328", "$.Book.Title", "malformed CBOR" },
        // Truncated in the middle of the title
        { "A1 64 426F6F6B A1 65 5469746C65 65 4475", "$.Book.Title", "malformed CBOR" },
        // A huge length: a text string of 2^64 - 1 bytes
        { "A1 64 426F6F6B A1 65 5469746C65 7B FFFFFFFFFFFFFFFF", "$.Book.Title", "malformed CBOR" },
        // A text string where a blob belongs
        { "A1 64 426F6F6B A2 65 5469746C65 61 78 65 436F766572 61 78", "$.Book.Cover", "expected a byte string, found a text string" },
        // A timestamp under another tag than 1: tag 0 (a date string)
        { "A1 64 426F6F6B A2 65 5469746C65 61 78 69 5075626C6973686564 C0 61 78", "$.Book.Published", "tag 0" },
        // A map value of the wrong type: Ratings = {"alice": true}
        { "A1 64 426F6F6B A2 65 5469746C65 61 78 67 526174696E6773 A1 65 616C696365 F5", "$.Book.Ratings.alice", "expected an integer, found a boolean" },
        // A list item of the wrong type: Tags = ["a", 7]
        { "A1 64 426F6F6B A2 65 5469746C65 61 78 64 54616773 82 61 61 07", "$.Book.Tags[1]", "expected a text string, found an integer" },
        // An array where the body's map belongs
        { "80", "$", "expected a map, found an array" },
        // Bytes after the body's data item
        { "A0 00", "$", "unexpected content" },
        // A map key that is not a text string
        { "A1 01 02", "$", "expected a text string key" },
        // A reserved additional-information value (28) in an integer's header byte: Pages = 1C
        { "A1 64 426F6F6B A2 65 5469746C65 61 78 65 5061676573 1C", "$.Book.Pages", "malformed CBOR" },
        // A required member missing: Book without Title
        { "A1 64 426F6F6B A0", "$.Book.Title", "required member is missing" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void MalformedBodiesNameTheFailingMember(string hex, string path, string message)
    {
        var exception = Assert.Throws<AwsDeserializationException>(() => GetBook(Convert.FromHexString(hex.Replace(" ", string.Empty))));

        Assert.Equal(path, exception.Path);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTruncationOfAValidBodyIsADeserializationError()
    {
        var body = Encode(w =>
        {
            w.WriteStartMap(1);
            w.WriteTextString("Book");
            w.WriteStartMap(4);
            w.WriteTextString("Title");
            w.WriteTextString("Dune");
            w.WriteTextString("Tags");
            w.WriteStartArray(2);
            w.WriteTextString("sf");
            w.WriteTextString("classic");
            w.WriteEndArray();
            w.WriteTextString("Published");
            w.WriteTag((CborTag)1);
            w.WriteInt64(1_000_000_000);
            w.WriteTextString("Ratings");
            w.WriteStartMap(1);
            w.WriteTextString("alice");
            w.WriteInt32(5);
            w.WriteEndMap();
            w.WriteEndMap();
            w.WriteEndMap();
        });
        Assert.Equal("Dune", GetBook(body).Book!.Title);

        for (var length = 1; length < body.Length; length++)
        {
            var cut = body.AsSpan(0, length).ToArray();
            var exception = Record.Exception(() => GetBook(cut));
            Assert.True(exception is AwsDeserializationException, $"cut at {length}: {exception?.GetType().Name ?? "no exception"}");
        }
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRejected()
    {
        var body = Encode(w =>
        {
            w.WriteStartMap(1);
            w.WriteTextString("Book");
            for (var i = 0; i < CborWireReader.MaxDepth; i++)
            {
                w.WriteStartMap(2);
                w.WriteTextString("Title");
                w.WriteTextString("x");
                w.WriteTextString("Related");
                w.WriteStartArray(1);
            }

            w.WriteStartMap(1);
            w.WriteTextString("Title");
            w.WriteTextString("leaf");
            w.WriteEndMap();
            for (var i = 0; i < CborWireReader.MaxDepth; i++)
            {
                w.WriteEndArray();
                w.WriteEndMap();
            }

            w.WriteEndMap();
        });

        var exception = Assert.Throws<AwsDeserializationException>(() => GetBook(body));
        Assert.True(exception.Message.Contains("nested deeper than", StringComparison.Ordinal), exception.Message + " / " + exception.InnerException);
        Assert.StartsWith("$.Book.Related[0]", exception.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsAreNamedByTypeAndCarryTheirMembers()
    {
        var body = Encode(w =>
        {
            w.WriteStartMap(3);
            w.WriteTextString("__type");
            w.WriteTextString("com.example.library#ShelfFullException");
            w.WriteTextString("message");
            w.WriteTextString("full");
            w.WriteTextString("Capacity");
            w.WriteInt32(12);
            w.WriteEndMap();
        });

        var error = LibraryOperations.PutBook.DeserializeError(new AwsHttpResponse(400, null, body));

        var full = Assert.IsType<ShelfFullException>(error);
        Assert.Equal((12, "full", "ShelfFullException"), (full.Capacity, full.Message, full.ErrorCode));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A1 66 5F5F74797065")]
    [InlineData("FF FF")]
    public void AnUnreadableErrorBodyStillGivesAnError(string hex)
    {
        var error = LibraryOperations.PutBook.DeserializeError(new AwsHttpResponse(500, null, Convert.FromHexString(hex.Replace(" ", string.Empty))));

        Assert.Equal(AwsErrorInfo.UnknownCode, error.ErrorCode);
    }

    private static GetBookResponse GetBook(byte[] body) =>
        LibraryOperations.GetBook.DeserializeResponse(new AwsHttpResponse(200, null, body));

    private static byte[] Encode(Action<CborWriter> write)
    {
        var writer = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        write(writer);
        return writer.Encode();
    }
}

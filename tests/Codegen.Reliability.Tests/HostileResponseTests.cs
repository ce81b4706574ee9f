using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.Globalization;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aws.CognitoIdentityProvider;
using Codegen.Reliability.Tests.Infrastructure;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Serialization;
using Xunit;
using Cbor = Codegen.Reliability.Tests.HostileCbor;
using Json = Codegen.Reliability.Tests.HostileJson;
using Rest = Codegen.Reliability.Tests.HostileRest;

namespace Codegen.Reliability.Tests;

/// <summary>
/// Text that is not text, everywhere a response holds text, through the generated readers of specs/hostile*.json
/// (awsJson 1.0, restJson1 and rpcv2Cbor): strings whose bytes are not valid UTF-8 and escapes of unpaired
/// surrogates, in members, enums, timestamps, map keys and values, list items, union tags and values, unknown member
/// names, documents, error codes, error messages and error members. A response body fails with
/// <see cref="AwsDeserializationException"/> naming the member it broke in, never another exception type; an error
/// body always gives an exception to throw (typed when its code can be read, the service's base exception when
/// not), with its status code, so that a 5xx stays a retryable server error (proven through the client below).
/// </summary>
public class HostileResponseTests
{
    /// <summary>What goes between the quotes of a JSON string: escapes of unpaired surrogates, and bytes that are not UTF-8.</summary>
    private static readonly Dictionary<string, byte[]> JsonVariants = new()
    {
        ["escaped lone high surrogate"] = Ascii(@"\ud800"),
        ["escaped lone low surrogate"] = Ascii(@"\udc00"),
        ["escaped high surrogate then a letter"] = Ascii(@"\ud83dx"),
        ["escaped high surrogate then an escaped letter"] = Ascii(@"\ud800\u0041"),
        ["two escaped high surrogates"] = Ascii(@"\udbff\udbff"),
        ["escaped surrogates in the wrong order"] = Ascii(@"a\udc00\ud800b"),
        ["byte FF"] = [0xFF],
        ["overlong NUL"] = [0xC0, 0x80],
        ["UTF-8 of a surrogate"] = [0xED, 0xA0, 0x80],
        ["sequence cut short"] = [(byte)'a', 0xE2, 0x82],
        ["above U+10FFFF"] = [0xF4, 0x90, 0x80, 0x80],
        ["lone continuation byte"] = [0x80, (byte)'z'],
    };

    /// <summary>The bytes of a CBOR text string's content that are not UTF-8 (CBOR has no escapes).</summary>
    private static readonly Dictionary<string, byte[]> CborVariants = new()
    {
        ["byte FF"] = [0xFF],
        ["byte FE"] = [(byte)'a', 0xFE],
        ["overlong NUL"] = [0xC0, 0x80],
        ["overlong slash"] = [0xE0, 0x80, 0xAF],
        ["overlong four bytes"] = [0xF0, 0x80, 0x80, 0x80],
        ["UTF-8 of a high surrogate"] = [0xED, 0xA0, 0x80],
        ["UTF-8 of a low surrogate"] = [0xED, 0xBF, 0xBF],
        ["sequence cut short"] = [(byte)'a', 0xE2, 0x82],
        ["above U+10FFFF"] = [0xF4, 0x90, 0x80, 0x80],
        ["lone continuation byte"] = [0x80, (byte)'z'],
    };

    /// <summary>
    /// Where the hostile text goes in a response body (<c>§</c>), the path the failure must name, and whether the
    /// reason must say the text is not text (a blob or a double string may fail as "not base64" or "not a number").
    /// </summary>
    private static readonly (string Name, string Template, string Path, bool SaysText)[] JsonPositions =
    [
        ("member", """{"Text":"§"}""", "$.Text", true),
        ("member after others", """{"Ratio":1.5,"Tags":{},"Text":"§"}""", "$.Text", true),
        ("enum", """{"Level":"§"}""", "$.Level", true),
        ("timestamp", """{"Stamp":"§"}""", "$.Stamp", true),
        ("blob", """{"Data":"§"}""", "$.Data", false),
        ("double", """{"Ratio":"§"}""", "$.Ratio", false),
        ("map value", """{"Tags":{"k":"§"}}""", "$.Tags.k", true),
        ("map key", """{"Tags":{"ok":"v","§":"v"}}""", "$.Tags", true),
        ("map key in a map value", """{"Nested":{"k":{"Tags":{"§":"v"}}}}""", "$.Nested.k.Tags", true),
        ("list item member", """{"Items":[{},{"Name":"§"}]}""", "$.Items[1].Name", true),
        ("union tag", """{"Choice":{"§":"v"}}""", "$.Choice", true),
        ("union value", """{"Choice":{"Word":"§"}}""", "$.Choice.Word", true),
        ("map key in a union value", """{"Choice":{"Item":{"Tags":{"§":"v"}}}}""", "$.Choice.Item.Tags", true),
        ("unknown member name", """{"§":1}""", "$", true),
        ("unknown member name in a list item", """{"Items":[{"Name":"a","§":1}]}""", "$.Items[0]", true),
        ("document string", """{"Doc":{"a":[1,"§"]}}""", "$.Doc", true),
        ("document key", """{"Doc":{"§":null}}""", "$.Doc", true),
    ];

    /// <summary>Where hostile text goes in a JSON error body, the status, and what the exception must be.</summary>
    private static readonly (string Name, string Template, int Status, Expect Expect)[] JsonErrorPositions =
    [
        ("__type of a 5xx", """{"__type":"§","message":"m"}""", 500, Expect.Base),
        ("__type of a 4xx", """{"__type":"§","message":"m"}""", 400, Expect.Base),
        ("code of a 5xx", """{"code":"§"}""", 503, Expect.Base),
        ("message of a modelled 4xx", """{"__type":"Rejected","message":"§"}""", 400, Expect.Rejected),
        ("Message of a modelled 4xx", """{"Message":"§","__type":"Rejected"}""", 400, Expect.Rejected),
        ("errorMessage of a modelled 5xx", """{"__type":"Broken","errorMessage":"§"}""", 500, Expect.Broken),
        ("message of an unknown 5xx", """{"__type":"Gone","message":"§"}""", 502, Expect.Base),
        ("member of a modelled 4xx", """{"__type":"Rejected","Reason":"§","message":"m"}""", 400, Expect.Rejected),
        ("map key of a modelled 5xx", """{"__type":"Broken","message":"m","Detail":{"§":"v"}}""", 500, Expect.Broken),
        ("field name before the code", """{"§":"x","__type":"Broken"}""", 500, Expect.Broken),
    ];

    /// <summary>Where the hostile text string goes in a CBOR response body, and the path the failure must name.</summary>
    private static readonly (string Name, Action<CborWriter, byte[]> Write, string Path)[] CborPositions =
    [
        ("member", (w, t) => Map(w, ("Text", t)), "$.Text"),
        ("member after others", (w, t) => { w.WriteStartMap(2); w.WriteTextString("Ratio"); w.WriteDouble(1.5); w.WriteTextString("Text"); Raw(w, t); w.WriteEndMap(); }, "$.Text"),
        ("enum", (w, t) => Map(w, ("Level", t)), "$.Level"),
        ("map value", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Tags"); Map(w, ("k", t)); w.WriteEndMap(); }, "$.Tags.k"),
        ("map key", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Tags"); w.WriteStartMap(1); Raw(w, t); w.WriteTextString("v"); w.WriteEndMap(); w.WriteEndMap(); }, "$.Tags"),
        ("map key in a map value", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Nested"); w.WriteStartMap(1); w.WriteTextString("k"); w.WriteStartMap(1); w.WriteTextString("Tags"); w.WriteStartMap(1); Raw(w, t); w.WriteTextString("v"); w.WriteEndMap(); w.WriteEndMap(); w.WriteEndMap(); w.WriteEndMap(); }, "$.Nested.k.Tags"),
        ("list item member", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Items"); w.WriteStartArray(2); w.WriteStartMap(0); w.WriteEndMap(); Map(w, ("Name", t)); w.WriteEndArray(); w.WriteEndMap(); }, "$.Items[1].Name"),
        ("union tag", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Choice"); w.WriteStartMap(1); Raw(w, t); w.WriteTextString("v"); w.WriteEndMap(); w.WriteEndMap(); }, "$.Choice"),
        ("union value", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Choice"); Map(w, ("Word", t)); w.WriteEndMap(); }, "$.Choice.Word"),
        ("unknown member name", (w, t) => { w.WriteStartMap(1); Raw(w, t); w.WriteInt32(1); w.WriteEndMap(); }, "$"),
        ("unknown member name in a list item", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Items"); w.WriteStartArray(1); w.WriteStartMap(1); Raw(w, t); w.WriteInt32(1); w.WriteEndMap(); w.WriteEndArray(); w.WriteEndMap(); }, "$.Items[0]"),
        ("document string", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Doc"); w.WriteStartArray(2); w.WriteInt32(1); Raw(w, t); w.WriteEndArray(); w.WriteEndMap(); }, "$.Doc"),
        ("document key", (w, t) => { w.WriteStartMap(1); w.WriteTextString("Doc"); w.WriteStartMap(1); Raw(w, t); w.WriteNull(); w.WriteEndMap(); w.WriteEndMap(); }, "$.Doc"),
    ];

    /// <summary>Where the hostile text string goes in a CBOR error body, the status, and what the exception must be.</summary>
    private static readonly (string Name, Action<CborWriter, byte[]> Write, int Status, Expect Expect)[] CborErrorPositions =
    [
        ("__type of a 5xx", (w, t) => { w.WriteStartMap(2); w.WriteTextString("__type"); Raw(w, t); w.WriteTextString("message"); w.WriteTextString("m"); w.WriteEndMap(); }, 500, Expect.Base),
        ("__type of a 4xx", (w, t) => Map(w, ("__type", t)), 400, Expect.Base),
        ("message of a modelled 4xx", (w, t) => { w.WriteStartMap(2); w.WriteTextString("__type"); w.WriteTextString("Rejected"); w.WriteTextString("message"); Raw(w, t); w.WriteEndMap(); }, 400, Expect.Rejected),
        ("Message of a modelled 5xx", (w, t) => { w.WriteStartMap(2); w.WriteTextString("Message"); Raw(w, t); w.WriteTextString("__type"); w.WriteTextString("Broken"); w.WriteEndMap(); }, 500, Expect.Broken),
        ("member of a modelled 4xx", (w, t) => { w.WriteStartMap(3); w.WriteTextString("__type"); w.WriteTextString("Rejected"); w.WriteTextString("Reason"); Raw(w, t); w.WriteTextString("message"); w.WriteTextString("m"); w.WriteEndMap(); }, 400, Expect.Rejected),
        ("map key of a modelled 5xx", (w, t) => { w.WriteStartMap(3); w.WriteTextString("__type"); w.WriteTextString("Broken"); w.WriteTextString("message"); w.WriteTextString("m"); w.WriteTextString("Detail"); w.WriteStartMap(1); Raw(w, t); w.WriteTextString("v"); w.WriteEndMap(); w.WriteEndMap(); }, 500, Expect.Broken),
        ("field name before the code", (w, t) => { w.WriteStartMap(2); Raw(w, t); w.WriteTextString("x"); w.WriteTextString("__type"); w.WriteTextString("Broken"); w.WriteEndMap(); }, 503, Expect.Broken),
    ];

    /// <summary>An error body whose code escapes a lone surrogate and whose message is not UTF-8.</summary>
    private static readonly byte[] HostileErrorBody = [.. Ascii(@"{""__type"":""\ud800"",""message"":"""), 0xFF, 0xC0, 0x80, .. Ascii(@"""}")];

    private enum Expect
    {
        Base,
        Rejected,
        Broken,
    }

    public static TheoryData<string, string, string> JsonResponseCases() => Cases(["awsJson", "restJson"], JsonPositions.Select(p => p.Name), JsonVariants.Keys);

    public static TheoryData<string, string, string> JsonErrorCases() => Cases(["awsJson", "restJson"], JsonErrorPositions.Select(p => p.Name), JsonVariants.Keys);

    public static TheoryData<string, string, string> CborResponseCases() => Cases(["rpcv2Cbor"], CborPositions.Select(p => p.Name), CborVariants.Keys);

    public static TheoryData<string, string, string> CborErrorCases() => Cases(["rpcv2Cbor"], CborErrorPositions.Select(p => p.Name), CborVariants.Keys);

    [Theory]
    [MemberData(nameof(JsonResponseCases))]
    public void JsonResponse_TextThatIsNotText_IsADeserializationErrorAtItsPath(string protocol, string position, string variant)
    {
        var (_, template, path, saysText) = JsonPositions.Single(p => p.Name == position);
        var response = new AwsHttpResponse(200, null, Fill(template, JsonVariants[variant]));

        var error = Assert.Throws<AwsDeserializationException>(() => DeserializeResponse(protocol, response));

        Assert.Equal(path, error.Path);
        if (saysText)
        {
            Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(JsonErrorCases))]
    public void JsonError_TextThatIsNotText_StillGivesTheExceptionWithItsStatus(string protocol, string position, string variant)
    {
        var (_, template, status, expect) = JsonErrorPositions.Single(p => p.Name == position);
        var response = new AwsHttpResponse(status, null, Fill(template, JsonVariants[variant]));

        var error = DeserializeError(protocol, response);

        AssertError(protocol, expect, status, position, error);
    }

    [Theory]
    [MemberData(nameof(CborResponseCases))]
    public void CborResponse_TextThatIsNotUtf8_IsADeserializationErrorAtItsPath(string protocol, string position, string variant)
    {
        var (_, write, path) = CborPositions.Single(p => p.Name == position);
        var response = new AwsHttpResponse(200, null, Encode(w => write(w, CborVariants[variant])));

        var error = Assert.Throws<AwsDeserializationException>(() => DeserializeResponse(protocol, response));

        Assert.Equal(path, error.Path);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CborErrorCases))]
    public void CborError_TextThatIsNotUtf8_StillGivesTheExceptionWithItsStatus(string protocol, string position, string variant)
    {
        var (_, write, status, expect) = CborErrorPositions.Single(p => p.Name == position);
        var response = new AwsHttpResponse(status, null, Encode(w => write(w, CborVariants[variant])));

        var error = DeserializeError(protocol, response);

        AssertError(protocol, expect, status, position, error);
    }

    [Fact]
    public void TheTablesHoldAtLeastAHundredCasesPerProtocolFamily()
    {
        Assert.InRange(JsonResponseCases().Count + JsonErrorCases().Count, 100, int.MaxValue);
        Assert.InRange(CborResponseCases().Count + CborErrorCases().Count, 100, int.MaxValue);
    }

    [Fact]
    public void WellFormedText_StillReads()
    {
        // Only what is not text is rejected: escaped surrogate pairs, non-ASCII UTF-8 and escaped names read as before.
        var body = Encoding.UTF8.GetBytes("""{"Text":"\ud83d\ude00 café","Tags":{"\u006b\u00e9":"v"},"Choice":{"Word":"w"},"Doc":{"\ud83d\ude00":["é"]},"\u0055nknown":1}""");
        var response = Json.HostileOperations.Read.DeserializeResponse(new AwsHttpResponse(200, null, body));

        Assert.Equal("\U0001F600 café", response.Text);
        Assert.Equal("v", response.Tags!["ké"]);
        Assert.Equal(new Json.Choice.Word("w"), response.Choice);
        Assert.Equal("é", response.Doc!.Value.GetProperty("\U0001F600")[0].GetString());
    }

    [Fact]
    public async Task ServerErrorWithABodyThatIsNotText_IsStillRetried_AndTheRetrySucceeds()
    {
        await using var server = new FaultServer((n, stream, ct) => n == 1
            ? ReplyBytesAsync(stream, 500, HostileErrorBody, ct)
            : Faults.ReplyAsync(stream, 200, Faults.OkBody, ct));
        using var client = CognitoClient(server, maxAttempts: 3);

        var response = await SendAsync(client);

        Assert.Equal("s", response.Session);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ServerErrorWithABodyThatIsNotText_EveryAttempt_IsTheServicesBaseException_AfterEveryAttempt()
    {
        await using var server = new FaultServer((_, stream, ct) => ReplyBytesAsync(stream, 503, HostileErrorBody, ct));
        using var client = CognitoClient(server, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<CognitoIdentityProviderException>(() => SendAsync(client));

        Assert.Equal(typeof(CognitoIdentityProviderException), error.GetType());
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(AwsErrorInfo.UnknownCode, error.ErrorCode);
        Assert.Null(error.ErrorMessage);
        Assert.Equal(3, server.RequestCount);
    }

    private static void AssertError(string protocol, Expect expect, int status, string position, AwsServiceException error)
    {
        var expected = (protocol, expect) switch
        {
            ("awsJson", Expect.Base) => typeof(Json.HostileException),
            ("awsJson", Expect.Rejected) => typeof(Json.RejectedException),
            ("awsJson", Expect.Broken) => typeof(Json.BrokenException),
            ("restJson", Expect.Base) => typeof(Rest.HostileException),
            ("restJson", Expect.Rejected) => typeof(Rest.RejectedException),
            ("restJson", Expect.Broken) => typeof(Rest.BrokenException),
            ("rpcv2Cbor", Expect.Base) => typeof(Cbor.HostileException),
            ("rpcv2Cbor", Expect.Rejected) => typeof(Cbor.RejectedException),
            _ => typeof(Cbor.BrokenException),
        };
        Assert.Equal(expected, error.GetType());
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(status >= 500, error.IsFault);

        // What is not text is left out, never decoded into replacement characters.
        Assert.DoesNotContain('\uFFFD', error.ErrorCode);
        Assert.DoesNotContain('\uFFFD', error.Message);
        if (expect == Expect.Base && (position.StartsWith("__type", StringComparison.Ordinal) || position.StartsWith("code", StringComparison.Ordinal)))
        {
            Assert.Equal(AwsErrorInfo.UnknownCode, error.ErrorCode);
        }

        // A message that is not text is left out; every other message of the tables is "m".
        Assert.True(error.ErrorMessage is null or "m", "message: " + error.ErrorMessage);

        // A member that is not text is left unset (the tables set Reason and Detail only to hostile text).
        var unset = error switch
        {
            Json.RejectedException e => e.Reason is null,
            Json.BrokenException e => e.Detail is null,
            Rest.RejectedException e => e.Reason is null,
            Rest.BrokenException e => e.Detail is null,
            Cbor.RejectedException e => e.Reason is null,
            Cbor.BrokenException e => e.Detail is null,
            _ => true,
        };
        Assert.True(unset, "a member holding text that is not text was set");
    }

    private static object DeserializeResponse(string protocol, AwsHttpResponse response) => protocol switch
    {
        "awsJson" => Json.HostileOperations.Read.DeserializeResponse(response),
        "restJson" => Rest.HostileOperations.Read.DeserializeResponse(response),
        _ => Cbor.HostileOperations.Read.DeserializeResponse(response),
    };

    private static AwsServiceException DeserializeError(string protocol, AwsHttpResponse response) => protocol switch
    {
        "awsJson" => Json.HostileOperations.Read.DeserializeError(response),
        "restJson" => Rest.HostileOperations.Read.DeserializeError(response),
        _ => Cbor.HostileOperations.Read.DeserializeError(response),
    };

    private static TheoryData<string, string, string> Cases(string[] protocols, IEnumerable<string> positions, IEnumerable<string> variants)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var protocol in protocols)
        {
            foreach (var position in positions)
            {
                foreach (var variant in variants)
                {
                    data.Add(protocol, position, variant);
                }
            }
        }

        return data;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Fill(string template, byte[] text)
    {
        var at = template.IndexOf('§', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(template[..at]), .. text, .. Encoding.UTF8.GetBytes(template[(at + 1)..])];
    }

    private static byte[] Encode(Action<CborWriter> write)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        write(writer);
        return writer.Encode();
    }

    /// <summary>A text string whose content is <paramref name="bytes"/> as they are (the writer would only write valid UTF-8).</summary>
    private static void Raw(CborWriter writer, byte[] bytes) => writer.WriteEncodedValue((byte[])[(byte)(0x60 | bytes.Length), .. bytes]);

    private static void Map(CborWriter writer, (string Key, byte[] Text) entry)
    {
        writer.WriteStartMap(1);
        writer.WriteTextString(entry.Key);
        Raw(writer, entry.Text);
        writer.WriteEndMap();
    }

    private static async Task ReplyBytesAsync(NetworkStream stream, int status, byte[] body, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Faults.Head(status, "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }

    private static CognitoIdentityProviderClient CognitoClient(FaultServer server, int maxAttempts) => new(new AwsClientOptions
    {
        Region = "us-east-1",
        ServiceUrl = server.BaseUri,
        Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDHOSTILE000000000", "secret-secret-secret")),
        RetryBaseDelay = TimeSpan.Zero, // no backoff waits: what is retried is counted, not timed
        MaxAttempts = maxAttempts,
    });

    private static Task<VerifySoftwareTokenResponse> SendAsync(CognitoIdentityProviderClient client) =>
        client.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456").WithAccessToken("token"));
}

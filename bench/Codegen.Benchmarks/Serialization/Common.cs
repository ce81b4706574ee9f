using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal.Transform;
using Codegen.Runtime.Http;

namespace Codegen.Benchmarks.Serialization;

/// <summary>
/// The floor's writer: a hand-written serializer writes onto a <see cref="Utf8JsonWriter"/> over a buffer kept per
/// thread and copies the bytes out, so its only allocation is the returned array. Same writer options as the
/// generated code (relaxed escaping, no validation): the floor does exactly the work the generated code must do.
/// </summary>
internal static class FloorJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] WriteToArray<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        write(writer, state);
        writer.Flush();
        var result = buffer.WrittenSpan.ToArray();
        writer.Reset(buffer);
        buffer.ResetWrittenCount();
        return result;
    }

    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the JSON ended early");
        }
    }

    /// <summary>A string member's value: a string or null.</summary>
    public static string? String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    public static byte[]? Bytes(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetBytesFromBase64();
}

/// <summary>What the AWS SDK's unmarshallers need around a body: a response description with no headers.</summary>
internal static class SdkResponses
{
    /// <summary>The unmarshaller context the SDK's pipeline builds over a buffered 200 response.</summary>
    public static JsonUnmarshallerContext Context(byte[] body)
    {
        var data = new WebResponseData(body.Length);
        return new JsonUnmarshallerContext(new MemoryStream(body, writable: false), false, data, false);
    }

    private sealed class WebResponseData(long length) : IWebResponseData
    {
        public long ContentLength => length;

        public string ContentType => "application/x-amz-json-1.1";

        public HttpStatusCode StatusCode => HttpStatusCode.OK;

        public bool IsSuccessStatusCode => true;

        public IHttpResponseBody ResponseBody => throw new NotSupportedException("the body is given to the context as a stream");

        public string[] GetHeaderNames() => Array.Empty<string>();

        public bool IsHeaderPresent(string headerName) => false;

        public string GetHeaderValue(string headerName) => null!;

        public IEventStreamHeader GetEventStreamHeader(string headerName) => null!;

        public bool IsEventHeaderPresent(string headerName) => false;
    }
}

/// <summary>The body of a request the AWS SDK marshalled: <c>Content</c>, or the pooled <c>ContentStream</c>.</summary>
internal static class SdkRequests
{
    public static long BodyLength(Amazon.Runtime.Internal.IRequest request) =>
        request.Content?.Length ?? request.ContentStream?.Length ?? 0;

    public static byte[] Body(Amazon.Runtime.Internal.IRequest request)
    {
        if (request.Content is { } content)
        {
            return content;
        }

        if (request.ContentStream is not { } stream)
        {
            return Array.Empty<byte>();
        }

        var copy = new MemoryStream();
        stream.Position = 0;
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Our generated code's input: a buffered 200 response with no headers, built once (it is immutable).</summary>
internal static class GeneratedResponses
{
    public static AwsHttpResponse Ok(byte[] body) => new(200, null, body);
}

/// <summary>Deterministic test bytes.</summary>
internal static class TestBytes
{
    public static byte[] Make(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

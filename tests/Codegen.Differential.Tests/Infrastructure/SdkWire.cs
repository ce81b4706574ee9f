using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Codegen.Testing;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>A response as both sides receive it: status, headers and the body bytes.</summary>
internal sealed record CannedResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public Codegen.Runtime.Http.AwsHttpResponse ToOurs() => new(Status, Headers, Body);
}

/// <summary>
/// Drives the AWS SDK for .NET v4's own marshallers and unmarshallers directly, without a client: a request object
/// goes through its <c>XxxRequestMarshaller</c> into an <see cref="IRequest"/> (body in <c>Content</c> or
/// <c>ContentStream</c>, headers in <c>Headers</c>, the URL composed by the SDK's own <c>ComposeUrl</c>); a canned response goes through the operation's
/// <c>XxxResponseUnmarshaller</c> with a <see cref="JsonUnmarshallerContext"/> over the body and a fake
/// <see cref="IWebResponseData"/> carrying the status and headers, exactly as the SDK's pipeline builds it
/// (<c>isException</c> set for error responses, which go to <c>UnmarshallException</c>).
/// </summary>
internal static class SdkWire
{
    /// <summary>
    /// The SDK's own function that turns a query request's parameters into its form body (internal to AWSSDK.Core,
    /// so found by name: a static <c>GetParametersAsString(IRequest)</c>).
    /// </summary>
    private static readonly Lazy<System.Reflection.MethodInfo> FormBody = new(() =>
        typeof(AmazonServiceClient).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            .Single(m => m.Name == "GetParametersAsString" && m.GetParameters() is [{ ParameterType: var type }] && type == typeof(IRequest)));

    /// <summary>The host the SDK's requests are composed against (any would do: only the path and query are compared).</summary>
    private static readonly Uri Endpoint = new("https://differential.example");

    /// <summary>
    /// What the SDK would send: the method, the path and query as <see cref="AmazonServiceClient.ComposeUrl(IRequest)"/>
    /// composes them (labels filled in and encoded, query parameters encoded), the headers the marshaller set and the
    /// body bytes.
    /// </summary>
    public static WireRequest Marshal(IMarshaller<IRequest, AmazonWebServiceRequest> marshaller, AmazonWebServiceRequest request)
    {
        var marshalled = marshaller.Marshall(request);
        byte[] body;
        if (marshalled.Content is { } content)
        {
            body = content;
        }
        else if (marshalled.ContentStream is { } stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            body = copy.ToArray();
        }
        else if (!marshalled.UseQueryString && marshalled.ParameterCollection.Count > 0)
        {
            // awsQuery and ec2Query: the marshaller fills the parameters, and the SDK's pipeline makes them the form
            // body (with this Content-Type) just before sending; the same function is called here.
            body = System.Text.Encoding.UTF8.GetBytes((string)FormBody.Value.Invoke(null, new object[] { marshalled })!);
        }
        else
        {
            body = Array.Empty<byte>();
        }

        if (body.Length > 0 && !marshalled.Headers.ContainsKey("Content-Type") && marshalled.Parameters.ContainsKey("Action"))
        {
            // The pipeline, not the marshaller, gives a query request its Content-Type; this is the value it sets.
            marshalled.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        }

        marshalled.Endpoint = Endpoint;
        var url = AmazonServiceClient.ComposeUrl(marshalled).OriginalString;
        var pathAndQuery = url.StartsWith(Endpoint.OriginalString, StringComparison.Ordinal)
            ? url.Substring(Endpoint.OriginalString.TrimEnd('/').Length)
            : throw new InvalidOperationException($"the SDK composed {url}, not a URL under {Endpoint}");
        return new WireRequest(marshalled.HttpMethod, pathAndQuery, marshalled.Headers.ToList(), body);
    }

    /// <summary>Reads a success response with the operation's unmarshaller.</summary>
    public static T Unmarshall<T>(JsonResponseUnmarshaller unmarshaller, CannedResponse response)
        where T : AmazonWebServiceResponse
    {
        var context = Context(response, isException: false);
        return (T)unmarshaller.Unmarshall(context);
    }

    /// <summary>Reads an error response with the operation's unmarshaller, as the SDK's error handler does.</summary>
    public static AmazonServiceException UnmarshallError(JsonResponseUnmarshaller unmarshaller, CannedResponse response)
    {
        var context = Context(response, isException: true);
        return unmarshaller.UnmarshallException(context, null, (HttpStatusCode)response.Status);
    }

    /// <summary>The status and headers of a canned response as the SDK's unmarshaller contexts take them (also for the XML ones).</summary>
    public static IWebResponseData WebResponse(CannedResponse response) => new ResponseData(response);

    private static JsonUnmarshallerContext Context(CannedResponse response, bool isException) =>
        new(new MemoryStream(response.Body, writable: false), false, new ResponseData(response), isException);

    /// <summary>The status and headers of a canned response, as the SDK's unmarshallers query them.</summary>
    private sealed class ResponseData : IWebResponseData
    {
        private readonly CannedResponse _response;
        private readonly Dictionary<string, string> _headers;

        public ResponseData(CannedResponse response)
        {
            _response = response;
            _headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        }

        public long ContentLength => _response.Body.Length;

        public string ContentType => _headers.TryGetValue("Content-Type", out var type) ? type : "application/x-amz-json-1.0";

        public HttpStatusCode StatusCode => (HttpStatusCode)_response.Status;

        public bool IsSuccessStatusCode => _response.Status is >= 200 and < 300;

        public IHttpResponseBody ResponseBody => throw new NotSupportedException("the unmarshaller context carries the body");

        public string[] GetHeaderNames() => _headers.Keys.ToArray();

        public bool IsHeaderPresent(string headerName) => _headers.ContainsKey(headerName);

        public string GetHeaderValue(string headerName) => _headers.TryGetValue(headerName, out var value) ? value : null!;

        public IEventStreamHeader GetEventStreamHeader(string headerName) => null!;

        public bool IsEventHeaderPresent(string headerName) => false;
    }
}

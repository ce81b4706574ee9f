using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Protocols;

/// <summary>
/// The restJson1 wire code, one feature per snapshot: members bound to the URI, query string and headers; a payload
/// member; and a response read from its status code, headers and body. Only the wire code (<c>Serialization/</c>)
/// of the operation under test is in each snapshot; the model types are the same for every protocol.
/// </summary>
public class RestJsonSnapshotTests
{
    private static string Model(string operations, string shapes) =>
        """{ "metadata": { "apiVersion": "2024-01-01", "endpointPrefix": "things", "protocol": "rest-json", "serviceId": "Things", "signatureVersion": "v4" }, "operations": """
        + operations + """, "shapes": """ + shapes + "}";

    private static void VerifyWireCode(string model, string[] types, [System.Runtime.CompilerServices.CallerMemberName] string method = "") =>
        VerifyFiles(model, types.Select(t => "Serialization/" + t).ToArray(), method);

    /// <summary>The files named (relative to <c>Aws.Things/</c>, without <c>.g.cs</c>) of the generated code, which must compile cleanly.</summary>
    private static void VerifyFiles(string model, string[] files, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { new Spec("/project/specs/things.json", model) });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

        var selected = run.Results.Single().GeneratedSources
            .Where(s => files.Any(f => s.HintName == "Aws.Things/" + f + ".g.cs"))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
        Assert.Equal(files.Length, selected.Count);
        Snapshot.Verify(nameof(RestJsonSnapshotTests), selected, diagnostics.Select(d => d.ToString()), method);
    }

    /// <summary>
    /// Labels (a greedy one too) with the template's literal query parameter, query parameters (a list, a
    /// timestamp, a map of further parameters, an idempotency token), headers (a list, an http-date, a JSON value,
    /// a prefix map) and the remaining members as a JSON body.
    /// </summary>
    [Fact]
    public void RequestBindings() => VerifyWireCode(
        Model(
            """{ "PutThing": { "name": "PutThing", "http": { "method": "PUT", "requestUri": "/things/{Group}/{Key+}?kind=full", "responseCode": 200 }, "input": { "shape": "PutThingRequest" }, "output": { "shape": "PutThingResponse" } } }""",
            """
            {
              "PutThingRequest": { "type": "structure", "required": ["Group", "Key"], "members": {
                "Group": { "shape": "Text", "location": "uri", "locationName": "Group" },
                "Key": { "shape": "Text", "location": "uri", "locationName": "Key" },
                "Limit": { "shape": "Count", "location": "querystring", "locationName": "limit" },
                "Tags": { "shape": "TextList", "location": "querystring", "locationName": "tag" },
                "Since": { "shape": "When", "location": "querystring", "locationName": "since" },
                "Extra": { "shape": "TextMap", "location": "querystring" },
                "Token": { "shape": "Text", "location": "querystring", "locationName": "token", "idempotencyToken": true },
                "Labels": { "shape": "TextList", "location": "header", "locationName": "X-Labels" },
                "Expires": { "shape": "When", "location": "header", "locationName": "X-Expires" },
                "Policy": { "shape": "Text", "location": "header", "locationName": "X-Policy", "jsonvalue": true },
                "Meta": { "shape": "TextMap", "location": "headers", "locationName": "x-meta-" },
                "Name": { "shape": "Text" },
                "Size": { "shape": "Count", "locationName": "size" } } },
              "PutThingResponse": { "type": "structure", "members": {} },
              "Count": { "type": "integer" },
              "Text": { "type": "string" },
              "TextList": { "type": "list", "member": { "shape": "Text" } },
              "TextMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Text" } },
              "When": { "type": "timestamp" }
            }
            """),
        new[] { "PutThingOperation", "PutThingJsonCodec" });

    /// <summary>A structure payload in both directions and a blob payload with its content type from a header.</summary>
    [Fact]
    public void Payloads() => VerifyWireCode(
        Model(
            """
            {
              "PutConfig": { "name": "PutConfig", "http": { "method": "PUT", "requestUri": "/config/{Id}" }, "input": { "shape": "PutConfigRequest" }, "output": { "shape": "PutConfigResponse" } },
              "Upload": { "name": "Upload", "http": { "method": "POST", "requestUri": "/upload" }, "input": { "shape": "UploadRequest" }, "output": { "shape": "UploadResponse" } }
            }
            """,
            """
            {
              "PutConfigRequest": { "type": "structure", "required": ["Id"], "payload": "Config", "members": {
                "Id": { "shape": "Text", "location": "uri", "locationName": "Id" },
                "Config": { "shape": "Config" } } },
              "PutConfigResponse": { "type": "structure", "payload": "Config", "members": { "Config": { "shape": "Config" } } },
              "UploadRequest": { "type": "structure", "payload": "Data", "members": {
                "ContentType": { "shape": "Text", "location": "header", "locationName": "Content-Type" },
                "Data": { "shape": "Bytes" } } },
              "UploadResponse": { "type": "structure", "payload": "Data", "members": { "Data": { "shape": "Bytes" } } },
              "Config": { "type": "structure", "members": { "Enabled": { "shape": "Flag" } } },
              "Bytes": { "type": "blob" },
              "Flag": { "type": "boolean" },
              "Text": { "type": "string" }
            }
            """),
        new[] { "PutConfigOperation", "PutConfigResponseJsonCodec", "UploadOperation", "UploadResponseJsonCodec" });

    /// <summary>The status code, headers (a list of numbers, a prefix map) and body members of a response, and an error with a header member.</summary>
    [Fact]
    public void ResponseAndErrorBindings() => VerifyWireCode(
        Model(
            """{ "GetThing": { "name": "GetThing", "http": { "method": "GET", "requestUri": "/things/{Id}" }, "input": { "shape": "GetThingRequest" }, "output": { "shape": "GetThingResponse" }, "errors": [ { "shape": "ThingLocked" } ] } }""",
            """
            {
              "GetThingRequest": { "type": "structure", "required": ["Id"], "members": { "Id": { "shape": "Text", "location": "uri", "locationName": "Id" } } },
              "GetThingResponse": { "type": "structure", "required": ["Name"], "members": {
                "Status": { "shape": "Count", "location": "statusCode" },
                "Versions": { "shape": "CountList", "location": "header", "locationName": "X-Versions" },
                "Modified": { "shape": "When", "location": "header", "locationName": "Last-Modified" },
                "Meta": { "shape": "TextMap", "location": "headers", "locationName": "x-meta-" },
                "Name": { "shape": "Text" } } },
              "ThingLocked": { "type": "structure", "members": {
                "Owner": { "shape": "Text", "location": "header", "locationName": "X-Owner" },
                "message": { "shape": "Text" },
                "Until": { "shape": "When" } }, "exception": true, "error": { "httpStatusCode": 409 } },
              "Count": { "type": "integer" },
              "CountList": { "type": "list", "member": { "shape": "Count" } },
              "Text": { "type": "string" },
              "TextMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Text" } },
              "When": { "type": "timestamp" }
            }
            """),
        new[] { "GetThingOperation", "GetThingResponseJsonCodec", "ThingLockedExceptionJsonCodec", "ThingsErrorReader" });

    /// <summary>
    /// An operation that takes a compressed body (botocore <c>requestcompression</c>): its <c>OperationInfo</c> names
    /// the encoding, and the client compresses large bodies (runtime <c>RequestCompression</c>).
    /// </summary>
    [Fact]
    public void RequestCompression() => VerifyWireCode(
        Model(
            """{ "PutMetrics": { "name": "PutMetrics", "http": { "method": "POST", "requestUri": "/metrics" }, "input": { "shape": "PutMetricsRequest" }, "requestcompression": { "encodings": ["gzip"] } } }""",
            """
            {
              "PutMetricsRequest": { "type": "structure", "members": { "Data": { "shape": "Text" } } },
              "Text": { "type": "string" }
            }
            """),
        new[] { "PutMetricsOperation" });

    /// <summary>
    /// A required streaming payload in a response (WorkMail Message Flow's GetRawMessageContent): when there is no
    /// body stream, the tolerant reader gives the empty stream, as for any required member it did not get.
    /// </summary>
    [Fact]
    public void RequiredStreamingResponsePayload() => VerifyWireCode(
        Model(
            """{ "GetRaw": { "name": "GetRaw", "http": { "method": "GET", "requestUri": "/raw" }, "output": { "shape": "GetRawResponse" } } }""",
            """
            {
              "GetRawResponse": { "type": "structure", "required": ["Content"], "payload": "Content", "members": { "Content": { "shape": "RawBlob" } } },
              "RawBlob": { "type": "blob", "streaming": true }
            }
            """),
        new[] { "GetRawResponseJsonCodec" });

    /// <summary>
    /// A streaming blob payload sent from the caller's <c>Stream</c> (unbuffered, its length required, the body
    /// unsigned as the model allows): the request type holds a <c>Stream</c> and the operation hands it over as
    /// <c>BodyStream</c>.
    /// </summary>
    [Fact]
    public void StreamingRequestPayload() => VerifyFiles(
        Model(
            """{ "PutObject": { "name": "PutObject", "http": { "method": "PUT", "requestUri": "/{Path+}" }, "input": { "shape": "PutObjectRequest" }, "output": { "shape": "PutObjectResponse" }, "authtype": "v4-unsigned-body" } }""",
            """
            {
              "PutObjectRequest": { "type": "structure", "required": ["Body", "Path"], "payload": "Body", "members": {
                "Body": { "shape": "PayloadBlob" },
                "Path": { "shape": "Text", "location": "uri", "locationName": "Path" },
                "ContentType": { "shape": "Text", "location": "header", "locationName": "Content-Type" } } },
              "PutObjectResponse": { "type": "structure", "members": { "ETag": { "shape": "Text" } } },
              "PayloadBlob": { "type": "blob", "streaming": true, "requiresLength": true, "min": 1 },
              "Text": { "type": "string" }
            }
            """),
        new[] { "PutObject", "Serialization/PutObjectOperation" });

    /// <summary>
    /// A streaming blob payload received as the response's <c>Stream</c>: the operation asks the client not to buffer
    /// it (<c>HasStreamingOutput</c>), the reader takes the body stream, and the response type disposes it.
    /// </summary>
    [Fact]
    public void StreamingResponsePayload() => VerifyFiles(
        Model(
            """{ "GetObject": { "name": "GetObject", "http": { "method": "GET", "requestUri": "/{Path+}" }, "input": { "shape": "GetObjectRequest" }, "output": { "shape": "GetObjectResponse" } } }""",
            """
            {
              "GetObjectRequest": { "type": "structure", "required": ["Path"], "members": {
                "Path": { "shape": "Text", "location": "uri", "locationName": "Path" } } },
              "GetObjectResponse": { "type": "structure", "payload": "Body", "members": {
                "Body": { "shape": "PayloadBlob" },
                "ContentLength": { "shape": "Size", "location": "header", "locationName": "Content-Length" } } },
              "PayloadBlob": { "type": "blob", "streaming": true },
              "Size": { "type": "long" },
              "Text": { "type": "string" }
            }
            """),
        new[] { "GetObjectResponse", "Serialization/GetObjectOperation", "Serialization/GetObjectResponseJsonCodec" });

    /// <summary>
    /// The httpChecksum trait: a request checksum named by a header member and required; response validation
    /// switched on by a header member, with the algorithms the response may carry; and the legacy
    /// httpChecksumRequired (Content-MD5). The members become the headers they are bound to in <c>OperationInfo.Checksum</c>.
    /// </summary>
    [Fact]
    public void HttpChecksums() => VerifyWireCode(
        Model(
            """
            {
              "PutThing": { "name": "PutThing", "http": { "method": "PUT", "requestUri": "/things" }, "input": { "shape": "PutThingRequest" },
                "httpChecksum": { "requestAlgorithmMember": "ChecksumAlgorithm", "requestChecksumRequired": true } },
              "GetThing": { "name": "GetThing", "http": { "method": "GET", "requestUri": "/things" }, "input": { "shape": "GetThingRequest" }, "output": { "shape": "GetThingResponse" },
                "httpChecksum": { "requestValidationModeMember": "ChecksumMode", "responseAlgorithms": ["CRC32", "CRC32C", "SHA256", "SHA1"] } },
              "DeleteThing": { "name": "DeleteThing", "http": { "method": "POST", "requestUri": "/things/delete" }, "input": { "shape": "DeleteThingRequest" }, "httpChecksumRequired": true }
            }
            """,
            """
            {
              "PutThingRequest": { "type": "structure", "members": {
                "ChecksumAlgorithm": { "shape": "ChecksumAlgorithm", "location": "header", "locationName": "x-amz-sdk-checksum-algorithm" },
                "Name": { "shape": "Text" } } },
              "GetThingRequest": { "type": "structure", "members": {
                "ChecksumMode": { "shape": "ChecksumMode", "location": "header", "locationName": "x-amz-checksum-mode" } } },
              "GetThingResponse": { "type": "structure", "payload": "Body", "members": { "Body": { "shape": "PayloadBlob" } } },
              "DeleteThingRequest": { "type": "structure", "members": { "Name": { "shape": "Text" } } },
              "ChecksumAlgorithm": { "type": "string", "enum": ["CRC32", "CRC32C", "SHA1", "SHA256"] },
              "ChecksumMode": { "type": "string", "enum": ["ENABLED"] },
              "PayloadBlob": { "type": "blob", "streaming": true },
              "Text": { "type": "string" }
            }
            """),
        new[] { "PutThingOperation", "GetThingOperation", "DeleteThingOperation" });
}

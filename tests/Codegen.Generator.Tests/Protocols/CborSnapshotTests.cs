using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Protocols;

/// <summary>
/// The rpcv2Cbor wire code, one feature per snapshot: a request (the operation's path and headers, and its CBOR
/// map), an operation without input (no body), a response and a modelled error, and the scalars CBOR tags or carries
/// as bytes (timestamps, blobs, big numbers). Only the wire code (<c>Serialization/</c>) is in each snapshot.
/// </summary>
public class CborSnapshotTests
{
    private static string Model(string operations, string shapes) =>
        """{ "metadata": { "apiVersion": "2024-01-01", "endpointPrefix": "things", "protocol": "smithy-rpc-v2-cbor", "protocols": ["smithy-rpc-v2-cbor"], "serviceId": "Things", "signatureVersion": "v4", "targetPrefix": "ThingService" }, "operations": """
        + operations + """, "shapes": """ + shapes + "}";

    private static void VerifyWireCode(string model, string[] types, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { new Spec("/project/specs/things.json", model) });

        var problems = GeneratorHarness.Problems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

        var files = run.Results.Single().GeneratedSources
            .Where(s => types.Any(t => s.HintName == "Aws.Things/Serialization/" + t + ".g.cs"))
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
        Assert.Equal(types.Length, files.Count);
        Snapshot.Verify(nameof(CborSnapshotTests), files, diagnostics.Select(d => d.ToString()), method);
    }

    /// <summary>Required and optional members, an idempotency token, a list, a map, a nested structure and a union.</summary>
    [Fact]
    public void Request() => VerifyWireCode(
        Model(
            """{ "PutThing": { "name": "PutThing", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "PutThingRequest" }, "output": { "shape": "PutThingResponse" } } }""",
            """
            {
              "PutThingRequest": { "type": "structure", "required": ["Name"], "members": {
                "Name": { "shape": "Text" },
                "Size": { "shape": "Count" },
                "Token": { "shape": "Text", "idempotencyToken": true },
                "Tags": { "shape": "TextList" },
                "Labels": { "shape": "TextMap" },
                "Owner": { "shape": "Owner" },
                "Place": { "shape": "Place" } } },
              "PutThingResponse": { "type": "structure", "members": {} },
              "Owner": { "type": "structure", "members": { "Id": { "shape": "Text" } } },
              "Place": { "type": "structure", "union": true, "members": { "Room": { "shape": "Text" }, "Shelf": { "shape": "Count" } } },
              "Count": { "type": "integer" },
              "Text": { "type": "string" },
              "TextList": { "type": "list", "member": { "shape": "Text" } },
              "TextMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Text" } }
            }
            """),
        new[] { "PutThingOperation", "PutThingCborCodec", "PlaceCborCodec" });

    /// <summary>An operation without input: no body and no Content-Type.</summary>
    [Fact]
    public void OperationWithoutInput() => VerifyWireCode(
        Model(
            """{ "Ping": { "name": "Ping", "http": { "method": "POST", "requestUri": "/" }, "output": { "shape": "PingResponse" } } }""",
            """{ "PingResponse": { "type": "structure", "members": { "Ok": { "shape": "Flag" } } }, "Flag": { "type": "boolean" } }"""),
        new[] { "PingOperation" });

    /// <summary>A response with a required member and a sparse list, and a modelled error with a member.</summary>
    [Fact]
    public void ResponseAndError() => VerifyWireCode(
        Model(
            """{ "GetThing": { "name": "GetThing", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "GetThingRequest" }, "output": { "shape": "GetThingResponse" }, "errors": [ { "shape": "ThingLocked" } ] } }""",
            """
            {
              "GetThingRequest": { "type": "structure", "required": ["Id"], "members": { "Id": { "shape": "Text" } } },
              "GetThingResponse": { "type": "structure", "required": ["Name"], "members": {
                "Name": { "shape": "Text" },
                "Versions": { "shape": "CountList" } } },
              "ThingLocked": { "type": "structure", "members": {
                "message": { "shape": "Text" },
                "Owner": { "shape": "Text" } }, "exception": true, "error": { "httpStatusCode": 409 } },
              "Count": { "type": "integer" },
              "CountList": { "type": "list", "member": { "shape": "Count" } },
              "Text": { "type": "string" }
            }
            """),
        new[] { "GetThingResponseCborCodec", "ThingLockedExceptionCborCodec", "ThingsErrorReader" });

    /// <summary>Timestamps (tag 1), blobs (byte strings), floats and doubles, longs, big integers and big decimals.</summary>
    [Fact]
    public void TimestampsBlobsAndNumbers() => VerifyWireCode(
        Model(
            """{ "Record": { "name": "Record", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "Sample" }, "output": { "shape": "Sample" } } }""",
            """
            {
              "Sample": { "type": "structure", "members": {
                "At": { "shape": "When" },
                "Data": { "shape": "Bytes" },
                "Ratio": { "shape": "Ratio" },
                "Value": { "shape": "Value" },
                "Total": { "shape": "Total" },
                "Huge": { "shape": "Huge" },
                "Exact": { "shape": "Exact" } } },
              "When": { "type": "timestamp" },
              "Bytes": { "type": "blob" },
              "Ratio": { "type": "float" },
              "Value": { "type": "double" },
              "Total": { "type": "long" },
              "Huge": { "type": "bigInteger" },
              "Exact": { "type": "bigDecimal" }
            }
            """),
        new[] { "RecordCborCodec", "RecordResponseCborCodec" });
}

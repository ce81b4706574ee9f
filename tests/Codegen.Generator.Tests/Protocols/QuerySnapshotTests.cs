using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Testing;
using Xunit;

namespace Codegen.Generator.Tests.Protocols;

/// <summary>
/// The awsQuery and ec2Query wire code, one feature per snapshot: an awsQuery request (form fields of scalars,
/// lists, maps and nested structures, with their XML names and flattening), an operation without input, an awsQuery
/// response and errors (the XML readers, a custom error code), an ec2Query request (query names, capitalised names,
/// lists without <c>.member</c>) and an ec2Query response (no result wrapper). Only the wire code
/// (<c>Serialization/</c>) is in each snapshot.
/// </summary>
public class QuerySnapshotTests
{
    private static string Model(string protocol, string operations, string shapes) =>
        """{ "metadata": { "apiVersion": "2024-01-01", "endpointPrefix": "things", "protocol": """ + "\"" + protocol + "\"" + """, "serviceId": "Things", "signatureVersion": "v4", "xmlNamespace": "https://things.example.com/doc/2024-01-01/" }, "operations": """
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
        Snapshot.Verify(nameof(QuerySnapshotTests), files, diagnostics.Select(d => d.ToString()), method);
    }

    private const string RequestShapes = """
        {
          "PutThingRequest": { "type": "structure", "required": ["Name"], "members": {
            "Name": { "shape": "Text" },
            "Size": { "shape": "Count" },
            "Token": { "shape": "Text", "idempotencyToken": true },
            "Tags": { "shape": "TextList" },
            "Aliases": { "shape": "ItemList" },
            "Flat": { "shape": "TextList", "flattened": true },
            "Labels": { "shape": "TextMap" },
            "Renamed": { "shape": "NamedMap", "locationName": "Attributes" },
            "Owner": { "shape": "Owner" },
            "At": { "shape": "When" },
            "Seen": { "shape": "When", "timestampFormat": "unixTimestamp" },
            "Data": { "shape": "Bytes" },
            "Enabled": { "shape": "Flag" },
            "Ratio": { "shape": "Ratio" } } },
          "PutThingResponse": { "type": "structure", "members": {} },
          "Owner": { "type": "structure", "members": { "Id": { "shape": "Text" } } },
          "Count": { "type": "integer" },
          "Text": { "type": "string" },
          "Flag": { "type": "boolean" },
          "Ratio": { "type": "double" },
          "Bytes": { "type": "blob" },
          "When": { "type": "timestamp" },
          "TextList": { "type": "list", "member": { "shape": "Text" } },
          "ItemList": { "type": "list", "member": { "shape": "Text", "locationName": "item" } },
          "TextMap": { "type": "map", "key": { "shape": "Text" }, "value": { "shape": "Text" } },
          "NamedMap": { "type": "map", "key": { "shape": "Text", "locationName": "Name" }, "value": { "shape": "Owner", "locationName": "Value" } }
        }
        """;

    private const string PutThing =
        """{ "PutThing": { "name": "PutThing", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "PutThingRequest" }, "output": { "shape": "PutThingResponse", "resultWrapper": "PutThingResult" } } }""";

    /// <summary>
    /// awsQuery form fields: <c>Action</c> and <c>Version</c>, a renamed member, an idempotency token, lists with
    /// <c>.member.N</c>, a list member's own name and a flattened list, maps with <c>.entry.N</c> and renamed keys and
    /// values, a nested structure, timestamps (ISO 8601 unless named), a blob, a boolean and a double.
    /// </summary>
    [Fact]
    public void AwsQueryRequest() => VerifyWireCode(
        Model("query", PutThing, RequestShapes),
        new[] { "PutThingOperation", "PutThingQueryCodec", "OwnerQueryCodec" });

    /// <summary>An operation without input: the body is only <c>Action</c> and <c>Version</c>.</summary>
    [Fact]
    public void OperationWithoutInput() => VerifyWireCode(
        Model(
            "query",
            """{ "Ping": { "name": "Ping", "http": { "method": "POST", "requestUri": "/" }, "output": { "shape": "PingResponse", "resultWrapper": "PingResult" } } }""",
            """{ "PingResponse": { "type": "structure", "members": { "Ok": { "shape": "Flag" } } }, "Flag": { "type": "boolean" } }"""),
        new[] { "PingOperation" });

    /// <summary>
    /// An awsQuery response read from <c>GetThingResult</c>: a required member, a renamed member, a wrapped and a
    /// flattened list, a map with renamed keys and values, a nested structure and timestamps; a modelled error with a
    /// member and a custom code (<c>awsQueryError</c>), and the service's error reader.
    /// </summary>
    [Fact]
    public void AwsQueryResponseAndErrors() => VerifyWireCode(
        Model(
            "query",
            """{ "GetThing": { "name": "GetThing", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "GetThingRequest" }, "output": { "shape": "GetThingResponse", "resultWrapper": "GetThingResult" }, "errors": [ { "shape": "ThingLocked" } ] } }""",
            """
            {
              "GetThingRequest": { "type": "structure", "required": ["Id"], "members": { "Id": { "shape": "Text" } } },
              "GetThingResponse": { "type": "structure", "required": ["Name"], "members": {
                "Name": { "shape": "Text" },
                "Renamed": { "shape": "Text", "locationName": "DisplayName" },
                "Versions": { "shape": "CountList" },
                "Flat": { "shape": "CountList", "flattened": true },
                "Attributes": { "shape": "NamedMap" },
                "Owner": { "shape": "Owner" },
                "Created": { "shape": "When" },
                "Expires": { "shape": "When", "timestampFormat": "rfc822" } } },
              "ThingLocked": { "type": "structure", "members": {
                "message": { "shape": "Text" },
                "Owner": { "shape": "Text" } }, "exception": true, "error": { "code": "Thing.Locked", "httpStatusCode": 409, "senderFault": true } },
              "Owner": { "type": "structure", "members": { "Id": { "shape": "Text" } } },
              "Count": { "type": "integer" },
              "CountList": { "type": "list", "member": { "shape": "Count" } },
              "NamedMap": { "type": "map", "key": { "shape": "Text", "locationName": "Name" }, "value": { "shape": "Owner", "locationName": "Value" } },
              "Text": { "type": "string" },
              "When": { "type": "timestamp" }
            }
            """),
        new[] { "GetThingResponseXmlCodec", "OwnerXmlCodec", "ThingLockedExceptionXmlCodec", "ThingsErrorReader" });

    /// <summary>
    /// ec2Query form fields: <c>queryName</c> wins, other names are capitalised (a <c>locationName</c> too), lists are
    /// <c>Name.N</c> (never <c>.member</c>) and an empty list is left out.
    /// </summary>
    [Fact]
    public void Ec2QueryRequest() => VerifyWireCode(
        Model(
            "ec2",
            """{ "RunThings": { "name": "RunThings", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "RunThingsRequest" }, "output": { "shape": "RunThingsResult" } } }""",
            """
            {
              "RunThingsRequest": { "type": "structure", "required": ["ImageId"], "members": {
                "ImageId": { "shape": "Text" },
                "DryRun": { "shape": "Flag", "locationName": "dryRun" },
                "Filters": { "shape": "FilterList", "locationName": "Filter" },
                "Ids": { "shape": "TextList", "locationName": "ThingId", "queryName": "ThingId" },
                "clientToken": { "shape": "Text", "idempotencyToken": true } } },
              "RunThingsResult": { "type": "structure", "members": {} },
              "Filter": { "type": "structure", "members": {
                "Name": { "shape": "Text" },
                "Values": { "shape": "TextList", "locationName": "Value" } } },
              "FilterList": { "type": "list", "member": { "shape": "Filter", "locationName": "Filter" } },
              "TextList": { "type": "list", "member": { "shape": "Text", "locationName": "item" } },
              "Flag": { "type": "boolean" },
              "Text": { "type": "string" }
            }
            """),
        new[] { "RunThingsQueryCodec", "FilterQueryCodec", "RunThingsOperation" });

    /// <summary>An ec2Query response: members straight under <c>RunThingsResponse</c> (no result wrapper), lists of <c>item</c>.</summary>
    [Fact]
    public void Ec2QueryResponse() => VerifyWireCode(
        Model(
            "ec2",
            """{ "RunThings": { "name": "RunThings", "http": { "method": "POST", "requestUri": "/" }, "input": { "shape": "RunThingsRequest" }, "output": { "shape": "Reservation" } } }""",
            """
            {
              "RunThingsRequest": { "type": "structure", "members": { "ImageId": { "shape": "Text" } } },
              "Reservation": { "type": "structure", "members": {
                "ReservationId": { "shape": "Text", "locationName": "reservationId" },
                "Things": { "shape": "ThingList", "locationName": "thingsSet" } } },
              "Thing": { "type": "structure", "members": { "ThingId": { "shape": "Text", "locationName": "thingId" } } },
              "ThingList": { "type": "list", "member": { "shape": "Thing", "locationName": "item" } },
              "Text": { "type": "string" }
            }
            """),
        new[] { "RunThingsResponseXmlCodec", "ThingXmlCodec" });
}

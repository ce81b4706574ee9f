using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Json;
using Codegen.Generator.Model;
using Codegen.Generator.Readers;
using Xunit;
using static Codegen.Generator.Tests.Smithy.SmithySnippets;

namespace Codegen.Generator.Tests.Smithy;

/// <summary>The Smithy JSON AST reader on small hand-written models.</summary>
public class SmithyReaderTests
{
    private static ServiceModel ReadClean(string text)
    {
        var result = Read(text);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    [Fact]
    public void RecognizesSmithyButNotBotocore()
    {
        Assert.True(SmithyReader.Recognizes((JsonObject)JsonParser.Parse("""{ "smithy": "2.0", "shapes": {} }""")));
        Assert.False(SmithyReader.Recognizes((JsonObject)JsonParser.Parse("""{ "version": "2.0", "metadata": {}, "shapes": {} }""")));
    }

    [Fact]
    public void PreludeTargetsAreSynthesizedAndUnitMeansNothing()
    {
        var model = ReadClean(ServiceWith(new[] { "Ping", "Poll" }, """
            "ex.weather#Ping": { "type": "operation", "input": { "target": "ex.weather#Input" }, "output": { "target": "smithy.api#Unit" } },
            "ex.weather#Poll": { "type": "operation" },
            "ex.weather#Input": {
              "type": "structure",
              "members": {
                "s": { "target": "smithy.api#String" },
                "i": { "target": "smithy.api#Integer" },
                "pi": { "target": "smithy.api#PrimitiveInteger" },
                "b": { "target": "smithy.api#Boolean" },
                "pb": { "target": "smithy.api#PrimitiveBoolean" },
                "l": { "target": "smithy.api#Long" },
                "d": { "target": "smithy.api#Double" },
                "t": { "target": "smithy.api#Timestamp" },
                "doc": { "target": "smithy.api#Document" },
                "blob": { "target": "smithy.api#Blob" },
                "big": { "target": "smithy.api#BigDecimal" },
                "choice": { "target": "ex.weather#Choice" }
              }
            },
            "ex.weather#Choice": { "type": "union", "members": { "nothing": { "target": "smithy.api#Unit" }, "text": { "target": "smithy.api#String" } } }
            """));

        var ping = model.Operation("Ping");
        Assert.Equal("Input", ping.Input);
        Assert.Null(ping.Output);
        Assert.Null(model.Operation("Poll").Input);
        var expected = new Dictionary<string, ShapeKind>
        {
            ["String"] = ShapeKind.String, ["Integer"] = ShapeKind.Integer, ["PrimitiveInteger"] = ShapeKind.Integer,
            ["Boolean"] = ShapeKind.Boolean, ["PrimitiveBoolean"] = ShapeKind.Boolean, ["Long"] = ShapeKind.Long,
            ["Double"] = ShapeKind.Double, ["Timestamp"] = ShapeKind.Timestamp, ["Document"] = ShapeKind.Document,
            ["Blob"] = ShapeKind.Blob, ["BigDecimal"] = ShapeKind.BigDecimal, ["Unit"] = ShapeKind.Structure,
        };
        foreach (var pair in expected)
        {
            Assert.Equal(pair.Value, model.Shape(pair.Key).Kind);
        }

        var input = model.Shape("Input");
        Assert.Equal("PrimitiveInteger", input.Member("pi").Target);
        Assert.Equal("Unit", model.Shape("Choice").Member("nothing").Target);
        Assert.Empty(model.Shape("Unit").Members);
        Assert.DoesNotContain(model.Shapes, s => s.Name == "Weather" || s.Name == "Ping"); // services and operations are not shapes
    }

    [Fact]
    public void MixinsCopyMembersAndTraitsButNotTheMixinTraitOrLocalTraits()
    {
        var model = ReadClean(OneOperation("""
            "ex.weather#Identified": {
              "type": "structure",
              "members": { "id": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } } },
              "traits": { "smithy.api#mixin": {}, "smithy.api#sensitive": {} }
            },
            "ex.weather#Base": {
              "type": "structure",
              "mixins": [{ "target": "ex.weather#Identified" }],
              "members": { "note": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": "From the mixin." } } },
              "traits": {
                "smithy.api#mixin": { "localTraits": ["smithy.api#deprecated"] },
                "smithy.api#documentation": "Shared members.",
                "smithy.api#deprecated": {}
              }
            },
            "ex.weather#Input": {
              "type": "structure",
              "mixins": [{ "target": "ex.weather#Base" }],
              "members": {
                "city": { "target": "smithy.api#String" },
                "note": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": "Overridden here." } }
              },
              "traits": { "smithy.api#input": {} }
            }
            """));

        var input = model.Shape("Input");
        Assert.Equal(new[] { "id", "note", "city" }, input.Members.Select(m => m.Name));
        Assert.True(input.Member("id").Required);
        Assert.Equal("Overridden here.", input.Member("note").Documentation);
        Assert.Equal("Shared members.", input.Documentation);
        Assert.True(input.Sensitive);      // from the mixin's mixin
        Assert.False(input.Deprecated);    // a local trait of the mixin
        Assert.DoesNotContain(model.Shapes, s => s.Name is "Base" or "Identified");
    }

    [Fact]
    public void ApplyStatementsMergeTraitsOntoShapesAndMembers()
    {
        var model = ReadClean(OneOperation("""
            "ex.weather#Input": {
              "type": "structure",
              "mixins": [{ "target": "ex.weather#Paged" }],
              "members": { "city": { "target": "ex.weather#City", "traits": { "smithy.api#documentation": "Before." } } }
            },
            "ex.weather#Paged": { "type": "structure", "members": { "nextToken": { "target": "smithy.api#String" } }, "traits": { "smithy.api#mixin": {} } },
            "ex.weather#City": { "type": "string" },
            "ex.weather#Input$city": { "type": "apply", "traits": { "smithy.api#documentation": "After.", "smithy.api#required": {} } },
            "ex.weather#Paged$nextToken": { "type": "apply", "traits": { "smithy.api#documentation": "The next page." } },
            "smithy.api#String": { "type": "apply", "traits": { "smithy.api#documentation": "Any text." } }
            """));

        var input = model.Shape("Input");
        Assert.Equal("After.", input.Member("city").Documentation);
        Assert.True(input.Member("city").Required);
        Assert.Equal("The next page.", input.Member("nextToken").Documentation);
        Assert.Equal("Any text.", model.Shape("String").Documentation);
        Assert.Null(model.Shape("City").Documentation);
    }

    [Fact]
    public void ApplyToSomethingThatDoesNotExistIsAWarning()
    {
        var result = Read(OneOperation("""
            "ex.weather#Input": { "type": "structure", "members": { "city": { "target": "smithy.api#String" } } },
            "ex.weather#Input$town": { "type": "apply", "traits": { "smithy.api#required": {} } },
            "ex.weather#Nowhere": { "type": "apply", "traits": { "smithy.api#required": {} } }
            """));
        Assert.NotNull(result.Model);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == DiagnosticDescriptors.Unsupported.Id));
        Assert.False(SpecPipeline.HasErrors(result.Diagnostics));
    }

    [Fact]
    public void ResourcesReachTheirLifecycleOperationsAndChildResources()
    {
        var operations = new[] { "CreateForecast", "PutForecast", "GetForecast", "UpdateForecast", "DeleteForecast", "ListForecasts", "ShareForecast", "BatchForecasts", "GetComment", "Ping" };
        var shapes = string.Join(",\n", operations.Select(o => $$"""
            "ex.weather#{{o}}": { "type": "operation" }
            """));
        var text = ServiceWith(new[] { "Ping" }, shapes + """
            ,
            "ex.weather#Forecast": {
              "type": "resource",
              "identifiers": { "forecastId": { "target": "smithy.api#String" } },
              "create": { "target": "ex.weather#CreateForecast" },
              "put": { "target": "ex.weather#PutForecast" },
              "read": { "target": "ex.weather#GetForecast" },
              "update": { "target": "ex.weather#UpdateForecast" },
              "delete": { "target": "ex.weather#DeleteForecast" },
              "list": { "target": "ex.weather#ListForecasts" },
              "operations": [{ "target": "ex.weather#ShareForecast" }],
              "collectionOperations": [{ "target": "ex.weather#BatchForecasts" }],
              "resources": [{ "target": "ex.weather#Comment" }]
            },
            "ex.weather#Comment": {
              "type": "resource",
              "read": { "target": "ex.weather#GetComment" },
              "resources": [{ "target": "ex.weather#Forecast" }]
            }
            """, serviceExtra: """ "resources": [{ "target": "ex.weather#Forecast" }] """);

        var model = ReadClean(text);
        Assert.Equal(operations.OrderBy(o => o, StringComparer.Ordinal), model.Operations.Select(o => o.Name));
    }

    [Fact]
    public void EnumAndIntEnumValues()
    {
        var model = ReadClean(OneOperation("""
            "ex.weather#Input": {
              "type": "structure",
              "members": {
                "sky": { "target": "ex.weather#Sky" },
                "level": { "target": "ex.weather#Level" },
                "old": { "target": "ex.weather#OldStyle" }
              }
            },
            "ex.weather#Sky": {
              "type": "enum",
              "members": {
                "CLEAR": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "clear", "smithy.api#documentation": "No clouds." } },
                "CLOUDY": { "target": "smithy.api#Unit" }
              }
            },
            "ex.weather#Level": {
              "type": "intEnum",
              "members": {
                "LOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
                "HIGH": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 10 } }
              }
            },
            "ex.weather#OldStyle": {
              "type": "string",
              "traits": { "smithy.api#enum": [{ "value": "a-b", "name": "A_B", "documentation": "Old." }, { "value": "c" }] }
            }
            """));

        var sky = model.Shape("Sky");
        Assert.Equal(ShapeKind.Enum, sky.Kind);
        Assert.Equal(new[] { new EnumValueModel("CLEAR", "clear", null, "No clouds."), new EnumValueModel("CLOUDY", "CLOUDY", null, null) }, sky.EnumValues);
        var level = model.Shape("Level");
        Assert.Equal(ShapeKind.IntEnum, level.Kind);
        Assert.Equal(new[] { new EnumValueModel("LOW", "1", 1, null), new EnumValueModel("HIGH", "10", 10, null) }, level.EnumValues);
        var old = model.Shape("OldStyle");
        Assert.Equal(ShapeKind.Enum, old.Kind);
        Assert.Equal(new[] { new EnumValueModel("A_B", "a-b", null, "Old."), new EnumValueModel("c", "c", null, null) }, old.EnumValues);
        Assert.DoesNotContain(model.Shapes, s => s.Name == "Unit"); // enum members are values, not references
    }

    [Fact]
    public void UnionsListsSetsAndMaps()
    {
        var model = ReadClean(OneOperation("""
            "ex.weather#Input": {
              "type": "structure",
              "members": {
                "where": { "target": "ex.weather#Place", "traits": { "smithy.api#required": {} } },
                "tags": { "target": "ex.weather#Tags" },
                "days": { "target": "ex.weather#Days" },
                "readings": { "target": "ex.weather#Readings" },
                "events": { "target": "ex.weather#Events" }
              }
            },
            "ex.weather#Place": {
              "type": "union",
              "members": { "city": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } }, "zip": { "target": "smithy.api#Integer" } }
            },
            "ex.weather#Tags": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "smithy.api#String" }, "traits": { "smithy.api#sparse": {} } },
            "ex.weather#Days": { "type": "list", "member": { "target": "smithy.api#Timestamp" }, "traits": { "smithy.api#length": { "min": 1, "max": 7 } } },
            "ex.weather#Readings": { "type": "set", "member": { "target": "smithy.api#Double" } },
            "ex.weather#Events": { "type": "union", "members": { "rain": { "target": "smithy.api#String" } }, "traits": { "smithy.api#streaming": {} } }
            """));

        var place = model.Shape("Place");
        Assert.Equal(ShapeKind.Union, place.Kind);
        Assert.Equal(new[] { "city", "zip" }, place.Members.Select(m => m.Name));
        Assert.False(place.Member("city").Required); // union members are never required
        Assert.True(model.Shape("Input").Member("where").Required);
        var tags = model.Shape("Tags");
        Assert.Equal((ShapeKind.Map, "String", "String", true), (tags.Kind, tags.Key!.Target, tags.Element!.Target, tags.Sparse));
        var days = model.Shape("Days");
        Assert.Equal((ShapeKind.List, "Timestamp", 1L, 7L), (days.Kind, days.Element!.Target, days.Min, days.Max));
        Assert.Equal(ShapeKind.List, model.Shape("Readings").Kind);
        Assert.True(model.Shape("Events").Streaming);
    }

    [Fact]
    public void ErrorTraitsAndServiceErrorsOnEveryOperation()
    {
        var text = ServiceWith(new[] { "GetForecast", "Ping" }, """
            "ex.weather#GetForecast": { "type": "operation", "errors": [{ "target": "ex.weather#NotFound" }, { "target": "ex.weather#SlowDown" }] },
            "ex.weather#Ping": { "type": "operation" },
            "ex.weather#NotFound": {
              "type": "structure",
              "members": { "message": { "target": "smithy.api#String" } },
              "traits": { "smithy.api#error": "client", "smithy.api#httpError": 404 }
            },
            "ex.weather#SlowDown": {
              "type": "structure",
              "members": {},
              "traits": { "smithy.api#error": "client", "smithy.api#httpError": 429, "smithy.api#retryable": { "throttling": true } }
            },
            "ex.weather#Broken": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "server" } }
            """, serviceExtra: """ "errors": [{ "target": "ex.weather#Broken" }, { "target": "ex.weather#NotFound" }] """);
        var model = ReadClean(text);

        Assert.Equal(new[] { "NotFound", "SlowDown", "Broken" }, model.Operation("GetForecast").Errors);
        Assert.Equal(new[] { "Broken", "NotFound" }, model.Operation("Ping").Errors);
        var notFound = model.Shape("NotFound");
        Assert.Equal((true, false, false, 404, (string?)null), (notFound.IsError, notFound.IsFault, notFound.IsThrottling, notFound.ErrorHttpStatus, notFound.ErrorCode));
        Assert.True(model.Shape("SlowDown").IsThrottling);
        var broken = model.Shape("Broken");
        Assert.Equal((true, true, (int?)null), (broken.IsError, broken.IsFault, broken.ErrorHttpStatus));
    }

    [Fact]
    public void AwsQueryErrorCodeCountsForQueryProtocols()
    {
        const string Shapes = """
            "ex.weather#GetForecast": { "type": "operation", "errors": [{ "target": "ex.weather#NotFound" }] },
            "ex.weather#NotFound": {
              "type": "structure",
              "members": {},
              "traits": { "smithy.api#error": "client", "aws.protocols#awsQueryError": { "code": "Weather.NotFound", "httpResponseCode": 404 } }
            }
            """;
        var query = ReadClean(ServiceWith(new[] { "GetForecast" }, Shapes, traits: """ "aws.protocols#awsQuery": {} """)).Shape("NotFound");
        Assert.Equal(("Weather.NotFound", 404), (query.ErrorCode, query.ErrorHttpStatus));
        var compatible = ReadClean(ServiceWith(new[] { "GetForecast" }, Shapes, traits: """ "aws.protocols#awsJson1_0": {}, "aws.protocols#awsQueryCompatible": {} """));
        Assert.True(compatible.Metadata.AwsQueryCompatible);
        Assert.Equal("Weather.NotFound", compatible.Shape("NotFound").ErrorCode);
        var json = ReadClean(ServiceWith(new[] { "GetForecast" }, Shapes, traits: """ "aws.protocols#awsJson1_0": {} """)).Shape("NotFound");
        Assert.Equal(((string?)null, (int?)null), (json.ErrorCode, json.ErrorHttpStatus));
    }

    [Theory]
    [InlineData("aws.protocols#awsJson1_0", "AwsJson1_0", "Weather")]
    [InlineData("aws.protocols#awsJson1_1", "AwsJson1_1", "Weather")]
    [InlineData("aws.protocols#restJson1", "RestJson1", null)]
    [InlineData("aws.protocols#restXml", "RestXml", null)]
    [InlineData("aws.protocols#awsQuery", "AwsQuery", null)]
    [InlineData("aws.protocols#ec2Query", "Ec2Query", null)]
    [InlineData("smithy.protocols#rpcv2Cbor", "RpcV2Cbor", "Weather")]
    public void ProtocolTraitsSetTheProtocol(string trait, string protocolName, string? targetPrefix)
    {
        var protocol = System.Enum.Parse<WireProtocol>(protocolName);
        var model = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """, traits: $$""" "{{trait}}": {} """));
        Assert.Equal((protocol, targetPrefix, false), (model.Metadata.Protocol, model.Metadata.TargetPrefix, model.Metadata.AwsQueryCompatible));
    }

    [Fact]
    public void SeveralProtocolsChooseAsBotocoreDoes_JsonBeforeCborBeforeQuery()
    {
        var model = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """,
            traits: """ "aws.protocols#awsQuery": {}, "aws.protocols#awsJson1_0": {}, "smithy.protocols#rpcv2Cbor": {} """));
        Assert.Equal((WireProtocol.AwsJson1_0, "Weather"), (model.Metadata.Protocol, model.Metadata.TargetPrefix));

        var cborOrQuery = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """,
            traits: """ "aws.protocols#awsQuery": {}, "smithy.protocols#rpcv2Cbor": {} """));
        Assert.Equal(WireProtocol.RpcV2Cbor, cborOrQuery.Metadata.Protocol);
    }

    [Fact]
    public void ServiceMetadataComesFromTheServiceShape()
    {
        var model = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """, traits: """
            "aws.api#service": { "sdkId": "Weather Service", "endpointPrefix": "wx", "arnNamespace": "weather", "cloudFormationName": "Weather" },
            "aws.auth#sigv4": { "name": "weather-signing" },
            "aws.protocols#awsJson1_0": {},
            "smithy.api#title": "Example Weather Service",
            "smithy.api#documentation": "<p>Forecasts.</p>"
            """));
        Assert.Equal(
            new ServiceMetadata("Weather Service", "Example Weather Service", "2024-01-01", WireProtocol.AwsJson1_0, "Weather", "wx", "weather-signing", false, "<p>Forecasts.</p>") { ArnNamespace = "weather" },
            model.Metadata);

        var bare = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """, traits: """ "aws.protocols#restJson1": {} """));
        Assert.Equal(("Weather", "weather", "weather", (string?)null), (bare.Metadata.ServiceId, bare.Metadata.EndpointPrefix, bare.Metadata.SigningName, bare.Metadata.ServiceFullName));

        var spaced = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """, traits: """ "aws.api#service": { "sdkId": "Cognito Identity Provider" }, "aws.protocols#restJson1": {} """));
        Assert.Equal("cognito-identity-provider", spaced.Metadata.EndpointPrefix);
    }

    [Fact]
    public void NullabilityFollowsRequiredAndClientOptional()
    {
        const string Members = """
            "members": {
              "plain": { "target": "smithy.api#String" },
              "required": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
              "clientOptional": { "target": "smithy.api#String", "traits": { "smithy.api#required": {}, "smithy.api#clientOptional": {} } },
              "defaulted": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 5 } },
              "defaultedRequired": { "target": "smithy.api#String", "traits": { "smithy.api#default": "a\"b", "smithy.api#required": {} } },
              "defaultedList": { "target": "ex.weather#Names", "traits": { "smithy.api#default": [] } },
              "noDefault": { "target": "smithy.api#PrimitiveInteger", "traits": { "smithy.api#default": null } }
            }
            """;
        var model = ReadClean(OneOperation($$"""
            "ex.weather#Input": { "type": "structure", {{Members}}, "traits": { "smithy.api#input": {} } },
            "ex.weather#Nested": { "type": "structure", {{Members}} },
            "ex.weather#Names": { "type": "list", "member": { "target": "smithy.api#String" } },
            "ex.weather#Holder": { "type": "structure", "members": { "nested": { "target": "ex.weather#Nested" } } }
            """.Replace("\"ex.weather#Input\": { \"type\": \"structure\", \"members\": {", "\"ex.weather#Input\": { \"type\": \"structure\", \"members\": { \"nested\": { \"target\": \"ex.weather#Nested\" },")));

        foreach (var shape in new[] { model.Shape("Input"), model.Shape("Nested") })
        {
            Assert.Equal(
                new[] { ("plain", false, (string?)null), ("required", true, null), ("clientOptional", false, null), ("defaulted", false, "5"), ("defaultedRequired", true, "\"a\\\"b\""), ("defaultedList", false, "[]"), ("noDefault", false, null) },
                shape.Members.Where(m => m.Name != "nested").Select(m => (m.Name, m.Required, m.DefaultValue)));
        }
    }

    [Fact]
    public void HttpBindingsAndJsonNameForRestJson()
    {
        var model = ReadClean(OneOperation("""
            "ex.weather#Input": {
              "type": "structure",
              "members": {
                "id": { "target": "smithy.api#String", "traits": { "smithy.api#httpLabel": {}, "smithy.api#required": {} } },
                "token": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "X-Token" } },
                "meta": { "target": "ex.weather#Meta", "traits": { "smithy.api#httpPrefixHeaders": "x-meta-" } },
                "page": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpQuery": "page" } },
                "rest": { "target": "ex.weather#Meta", "traits": { "smithy.api#httpQueryParams": {} } },
                "context": { "target": "ex.weather#JsonText", "traits": { "smithy.api#httpHeader": "X-Context" } },
                "body": { "target": "smithy.api#String", "traits": { "smithy.api#jsonName": "Body" } },
                "when": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#timestampFormat": "epoch-seconds", "smithy.api#idempotencyToken": {} } }
              }
            },
            "ex.weather#Meta": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "smithy.api#String" } },
            "ex.weather#JsonText": { "type": "string", "traits": { "smithy.api#mediaType": "application/json" } },
            "ex.weather#Result": {
              "type": "structure",
              "members": {
                "status": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpResponseCode": {} } },
                "data": { "target": "smithy.api#Blob", "traits": { "smithy.api#httpPayload": {} } }
              }
            }
            """.Replace("\"ex.weather#Result\"", "\"ex.weather#Unused\""), traits: """ "aws.protocols#restJson1": {}, "aws.auth#sigv4": { "name": "weather" } """,
            operationTraits: """{ "smithy.api#http": { "method": "GET", "uri": "/forecasts/{id}", "code": 200 } }"""));

        var operation = model.Operation("GetForecast");
        Assert.Equal(("GET", "/forecasts/{id}"), (operation.HttpMethod, operation.RequestUri));
        var input = model.Shape("Input");
        Assert.Equal(
            new[]
            {
                ("id", HttpLocation.Label, "id", false), ("token", HttpLocation.Header, "X-Token", false), ("meta", HttpLocation.PrefixHeaders, "x-meta-", false),
                ("page", HttpLocation.Query, "page", false), ("rest", HttpLocation.QueryParams, null, false), ("context", HttpLocation.Header, "X-Context", true),
                ("body", HttpLocation.Body, "Body", false), ("when", HttpLocation.Body, null, false),
            },
            input.Members.Select(m => (m.Name, m.Location, m.WireName, m.JsonValue)));
        Assert.Equal((TimestampFormat.EpochSeconds, true), (input.Member("when").TimestampFormat, input.Member("when").IdempotencyToken));
    }

    [Fact]
    public void EndpointTraitGivesTheHostPrefixAndHostLabels()
    {
        var model = ReadClean(OneOperation("""
            "ex.weather#Input": {
              "type": "structure",
              "members": { "account": { "target": "smithy.api#String", "traits": { "smithy.api#hostLabel": {}, "smithy.api#required": {} } } }
            }
            """, operationTraits: """{ "smithy.api#endpoint": { "hostPrefix": "{account}.data." } }"""));
        Assert.Equal("{account}.data.", model.Operation("GetForecast").HostPrefix);
        Assert.True(model.Shape("Input").Member("account").HostLabel);
    }

    [Fact]
    public void ResponseCodeAndPayloadBindings()
    {
        var text = ServiceWith(new[] { "GetForecast" }, """
            "ex.weather#GetForecast": { "type": "operation", "output": { "target": "ex.weather#Result" } },
            "ex.weather#Result": {
              "type": "structure",
              "members": {
                "status": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpResponseCode": {} } },
                "data": { "target": "ex.weather#Stream", "traits": { "smithy.api#httpPayload": {} } }
              }
            },
            "ex.weather#Stream": { "type": "blob", "traits": { "smithy.api#streaming": {} } }
            """, traits: """ "aws.protocols#restXml": {} """);
        var result = ReadClean(text).Shape("Result");
        Assert.Equal(new[] { ("status", HttpLocation.StatusCode), ("data", HttpLocation.Payload) }, result.Members.Select(m => (m.Name, m.Location)));
        Assert.True(ReadClean(text).Shape("Stream").Streaming);
    }

    [Fact]
    public void AwsJsonIgnoresHttpBindingsAndJsonNameButXmlNameCountsForXmlProtocols()
    {
        const string Shapes = """
            "ex.weather#Input": {
              "type": "structure",
              "members": {
                "token": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "X-Token", "smithy.api#jsonName": "tok", "smithy.api#xmlName": "Tok" } },
                "names": { "target": "ex.weather#Names" }
              }
            },
            "ex.weather#Names": { "type": "list", "member": { "target": "smithy.api#String", "traits": { "smithy.api#xmlName": "Name" } } }
            """;
        var json = ReadClean(OneOperation(Shapes, operationTraits: """{ "smithy.api#http": { "method": "GET", "uri": "/x" } }"""));
        Assert.Equal(("POST", "/"), (json.Operation("GetForecast").HttpMethod, json.Operation("GetForecast").RequestUri));
        Assert.Equal((HttpLocation.Body, (string?)null), (json.Shape("Input").Member("token").Location, json.Shape("Input").Member("token").WireName));

        var xml = ReadClean(OneOperation(Shapes, traits: """ "aws.protocols#awsQuery": {} """));
        Assert.Equal("Tok", xml.Shape("Input").Member("token").WireName);
        Assert.Equal("Name", xml.Shape("Names").Element!.WireName);
    }

    [Fact]
    public void ConstraintsAndSimpleShapeTraits()
    {
        var model = ReadClean(OneOperation("""
            "ex.weather#Input": {
              "type": "structure",
              "members": {
                "days": { "target": "ex.weather#Days", "traits": { "smithy.api#deprecated": { "message": "no" }, "smithy.api#documentation": "How many." } },
                "code": { "target": "ex.weather#Code" },
                "at": { "target": "ex.weather#At" }
              }
            },
            "ex.weather#Days": { "type": "integer", "traits": { "smithy.api#range": { "min": 1, "max": 14 } } },
            "ex.weather#Code": { "type": "string", "traits": { "smithy.api#length": { "min": 3, "max": 3 }, "smithy.api#pattern": "^[A-Z]+$", "smithy.api#sensitive": {}, "smithy.api#documentation": "A code." } },
            "ex.weather#At": { "type": "timestamp", "traits": { "smithy.api#timestampFormat": "http-date", "smithy.api#deprecated": {} } }
            """));
        var days = model.Shape("Days");
        Assert.Equal((1L, 14L), (days.Min, days.Max));
        var code = model.Shape("Code");
        Assert.Equal((3L, 3L, "^[A-Z]+$", true, "A code."), (code.Min, code.Max, code.Pattern, code.Sensitive, code.Documentation));
        var at = model.Shape("At");
        Assert.Equal((TimestampFormat.HttpDate, true), (at.TimestampFormat, at.Deprecated));
        var member = model.Shape("Input").Member("days");
        Assert.Equal((true, "How many."), (member.Deprecated, member.Documentation));
    }

    [Fact]
    public void AuthTraitsDecideWhetherAnOperationIsSigned()
    {
        var text = ServiceWith(new[] { "Signed", "Optional", "EmptyAuth", "NoAuthOnly", "SigV4Listed" }, """
            "ex.weather#Signed": { "type": "operation" },
            "ex.weather#Optional": { "type": "operation", "traits": { "smithy.api#optionalAuth": {} } },
            "ex.weather#EmptyAuth": { "type": "operation", "traits": { "smithy.api#auth": [] } },
            "ex.weather#NoAuthOnly": { "type": "operation", "traits": { "smithy.api#auth": ["smithy.api#noAuth"] } },
            "ex.weather#SigV4Listed": { "type": "operation", "traits": { "smithy.api#auth": ["aws.auth#sigv4"] } }
            """);
        var model = ReadClean(text);
        Assert.Equal(
            new[] { ("EmptyAuth", false), ("NoAuthOnly", false), ("Optional", false), ("SigV4Listed", true), ("Signed", true) },
            model.Operations.Select(o => (o.Name, o.RequiresSigning)));

        var unauthenticated = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """, traits: """ "aws.protocols#restJson1": {} """));
        Assert.False(unauthenticated.Operation("Ping").RequiresSigning);
        var serviceAuthEmpty = ReadClean(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """, traits: AwsJsonTraits + """, "smithy.api#auth": [] """));
        Assert.False(serviceAuthEmpty.Operation("Ping").RequiresSigning);
    }

    [Fact]
    public void DanglingTargetIsReportedWhereItIsWrittenAndTheMemberDropped()
    {
        var text = OneOperation("""
            "ex.weather#Input": {
              "type": "structure",
              "members": {
                "city": { "target": "smithy.api#String" },
                "ghost": { "target": "ex.weather#Missing" }
              }
            },
            "ex.weather#Odd": { "type": "quantum" }
            """);
        var result = Read(text);

        var dangling = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticDescriptors.UnresolvedShape.Id);
        var offset = text.IndexOf("\"ex.weather#Missing\"", StringComparison.Ordinal);
        var line = text.Substring(0, offset).Count(c => c == '\n') + 1;
        var column = offset - (text.LastIndexOf('\n', offset) + 1) + 1;
        Assert.Equal((line, column, offset, "\"ex.weather#Missing\"".Length), (dangling.Span.Line, dangling.Span.Column, dangling.Span.Offset, dangling.Span.Length));
        Assert.Equal(Path, dangling.FilePath);
        Assert.Contains("ex.weather#Missing", dangling.Message);

        // Reading went on: the unknown type further down was reported too, and the model holds the rest.
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticDescriptors.Unsupported.Id);
        Assert.Equal(new[] { "city" }, result.Model!.Shape("Input").Members.Select(m => m.Name));
    }

    [Fact]
    public void UnknownShapeTypeIsAWarningAndReadAsADocument()
    {
        var text = OneOperation("""
            "ex.weather#Input": { "type": "structure", "members": { "odd": { "target": "ex.weather#Odd" } } },
            "ex.weather#Odd": { "type": "quantum" }
            """);
        var result = Read(text);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.Unsupported.Id, warning.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, DiagnosticDescriptors.ById(warning.Id).DefaultSeverity);
        Assert.Equal(text.IndexOf("\"quantum\"", StringComparison.Ordinal), warning.Span.Offset);
        Assert.Equal(ShapeKind.Document, result.Model!.Shape("Odd").Kind);
    }

    [Fact]
    public void NoServiceShapeIsAnError()
    {
        var result = Read("""{ "smithy": "2.0", "shapes": { "ex.weather#City": { "type": "string" } } }""");
        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.InvalidModel.Id, error.Id);
        Assert.Equal((1, 1), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void MissingMixinIsAnUnresolvedReference()
    {
        var text = OneOperation("""
            "ex.weather#Input": { "type": "structure", "mixins": [{ "target": "ex.weather#Gone" }], "members": { "city": { "target": "smithy.api#String" } } }
            """);
        var result = Read(text);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticDescriptors.UnresolvedShape.Id, error.Id);
        Assert.Equal(text.IndexOf("\"ex.weather#Gone\"", StringComparison.Ordinal), error.Span.Offset);
        Assert.Equal(new[] { "city" }, result.Model!.Shape("Input").Members.Select(m => m.Name));
    }

    [Fact]
    public void MixinCycleIsReportedNotFollowed()
    {
        var result = Read(OneOperation("""
            "ex.weather#Input": { "type": "structure", "mixins": [{ "target": "ex.weather#A" }], "members": {} },
            "ex.weather#A": { "type": "structure", "mixins": [{ "target": "ex.weather#B" }], "members": { "a": { "target": "smithy.api#String" } }, "traits": { "smithy.api#mixin": {} } },
            "ex.weather#B": { "type": "structure", "mixins": [{ "target": "ex.weather#A" }], "members": { "b": { "target": "smithy.api#String" } }, "traits": { "smithy.api#mixin": {} } }
            """));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticDescriptors.Unsupported.Id && d.Message.Contains("cycle"));
        Assert.Equal(new[] { "b", "a" }, result.Model!.Shape("Input").Members.Select(m => m.Name));
    }

    [Fact]
    public void SameShortNameInTwoNamespacesIsDisambiguatedAndRenameWins()
    {
        const string Shapes = """
            "ex.weather#Input": {
              "type": "structure",
              "members": { "mine": { "target": "ex.weather#Tag" }, "theirs": { "target": "other.tags#Tag" }, "text": { "target": "ex.weather#String" }, "raw": { "target": "smithy.api#String" } }
            },
            "ex.weather#Tag": { "type": "structure", "members": {} },
            "other.tags#Tag": { "type": "structure", "members": {} },
            "ex.weather#String": { "type": "string", "traits": { "smithy.api#pattern": "^.*$" } }
            """;
        var result = Read(OneOperation(Shapes));
        var input = result.Model!.Shape("Input");
        Assert.Equal(new[] { "Tag", "OtherTagsTag", "String", "SmithyApiString" }, input.Members.Select(m => m.Target));
        var collision = Assert.Single(result.Diagnostics); // the structure, not the prelude string
        Assert.Equal(DiagnosticDescriptors.NameCollision.Id, collision.Id);
        Assert.Equal(ShapeKind.Structure, result.Model!.Shape("OtherTagsTag").Kind);
        Assert.Equal("^.*$", result.Model!.Shape("String").Pattern);

        var renamed = ReadClean(OneOperation(Shapes, serviceExtra: """ "rename": { "other.tags#Tag": "ForeignTag" } """));
        Assert.Equal(new[] { "Tag", "ForeignTag", "String", "SmithyApiString" }, renamed.Shape("Input").Members.Select(m => m.Target));
    }

    [Fact]
    public void RenamedErrorKeepsItsWireCode()
    {
        var model = ReadClean(ServiceWith(new[] { "GetForecast" }, """
            "ex.weather#GetForecast": { "type": "operation", "errors": [{ "target": "other.errors#Oops" }] },
            "other.errors#Oops": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "client" } }
            """, serviceExtra: """ "rename": { "other.errors#Oops": "WeatherOops" } """));
        Assert.Equal(("WeatherOops", "Oops"), (model.Shape("WeatherOops").Name, model.Shape("WeatherOops").ErrorCode));
    }

    [Fact]
    public void SeveralServicesGenerateTheAwsOneWithAWarning()
    {
        var text = ServiceWith(new[] { "Ping" }, """
            "ex.weather#Ping": { "type": "operation" },
            "ex.weather#AAA": { "type": "service", "operations": [], "traits": { "aws.protocols#restJson1": {} } }
            """);
        var result = Read(text);
        Assert.Equal("Weather", result.Model!.Metadata.ServiceId);
        Assert.Equal(DiagnosticDescriptors.Unsupported.Id, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void ServiceWithoutAKnownProtocolIsAnError()
    {
        var result = Read(ServiceWith(new[] { "Ping" }, """ "ex.weather#Ping": { "type": "operation" } """, traits: """ "example.protocols#fancy": {} """));
        Assert.Null(result.Model);
        Assert.Equal(DiagnosticDescriptors.InvalidModel.Id, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void OperationWithAMissingInputIsDroppedAfterTheError()
    {
        var result = Read(ServiceWith(new[] { "GetForecast", "Ping", "Nowhere" }, """
            "ex.weather#GetForecast": { "type": "operation", "input": { "target": "ex.weather#Missing" } },
            "ex.weather#Ping": { "type": "operation" }
            """));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == DiagnosticDescriptors.UnresolvedShape.Id));
        Assert.Equal(new[] { "Ping" }, result.Model!.Operations.Select(o => o.Name));
    }

    [Fact]
    public void ListWithADanglingMemberIsDroppedWithTheMembersThatUseIt()
    {
        var result = Read(OneOperation("""
            "ex.weather#Input": { "type": "structure", "members": { "names": { "target": "ex.weather#Names" }, "city": { "target": "smithy.api#String" } } },
            "ex.weather#Names": { "type": "list", "member": { "target": "ex.weather#Missing" } }
            """));
        Assert.Single(result.Diagnostics, d => d.Id == DiagnosticDescriptors.UnresolvedShape.Id);
        Assert.DoesNotContain(result.Model!.Shapes, s => s.Name == "Names");
        Assert.Equal(new[] { "city" }, result.Model.Shape("Input").Members.Select(m => m.Name));
    }

    public static IEnumerable<object[]> MalformedModels() => new[]
    {
        """{ "smithy": "2.0" }""",
        """{ "smithy": "2.0", "shapes": [] }""",
        """{ "smithy": "9.0", "shapes": {} }""",
        """{ "smithy": "2.0", "shapes": { "noHash": { "type": "string" }, "ex.weather#X": 3, "ex.weather#Y": {}, "ex.weather#Z": { "type": 7 } } }""",
        OneOperation(""" "ex.weather#Input": { "type": "structure", "members": [] } """),
        OneOperation(""" "ex.weather#Input": { "type": "structure", "members": { "a": 1, "b": {}, "c": { "target": 5 }, "d": { "target": "smithy.api#String", "traits": "x" } } } """),
        OneOperation(""" "ex.weather#Input": { "type": "structure", "mixins": { "target": "x" }, "members": {}, "traits": [] } """),
        OneOperation(""" "ex.weather#Input": { "type": "structure", "mixins": [1, { "no": "target" }], "members": {} } """),
        OneOperation(""" "ex.weather#Input": { "type": "list" } """),
        OneOperation(""" "ex.weather#Input": { "type": "map", "key": { "target": "smithy.api#String" } } """),
        OneOperation("""
            "ex.weather#Input": { "type": "structure", "members": { "e": { "target": "ex.weather#E" }, "i": { "target": "ex.weather#I" }, "s": { "target": "ex.weather#S" } } },
            "ex.weather#E": { "type": "enum", "members": { "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } } } },
            "ex.weather#I": { "type": "intEnum", "members": { "A": { "target": "smithy.api#Unit" }, "B": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "x" } }, "C": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 99999999999 } } } },
            "ex.weather#S": { "type": "string", "traits": { "smithy.api#enum": [1, { "name": "x" }], "smithy.api#length": 5, "smithy.api#documentation": 1, "smithy.api#timestampFormat": "weird" } }
            """),
        OneOperation(""" "ex.weather#Input": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "maybe", "smithy.api#httpError": "400", "smithy.api#retryable": true } } """),
        OneOperation(""" "ex.weather#Input": { "type": "structure", "members": { "o": { "target": "ex.weather#GetForecast" }, "s": { "target": "ex.weather#Weather" } } } """),
        ServiceWith(new[] { "Input" }, """ "ex.weather#Input": { "type": "structure", "members": {} } """, serviceExtra: """ "resources": [{ "target": "ex.weather#Input" }, { "target": "ex.weather#None" }], "errors": 5, "rename": { "a#b": 1 } """),
        ServiceWith(new string[0], "", serviceExtra: """ "operations": "x", "resources": [7] """).Replace("\"operations\": [],", ""),
        OneOperation(""" "ex.weather#Input": { "type": "apply" }, "ex.weather#In$put": { "type": "structure" } """),
    }.Select(text => new object[] { text });

    [Theory]
    [MemberData(nameof(MalformedModels))]
    public void MalformedPiecesAreReportedNotThrown(string text)
    {
        var result = Read(text);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.True(d.Span.Length > 0 && d.Span.Line >= 1 && d.FilePath == Path, d.Format()));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticDescriptors.InternalError.Id);

        // Whatever was read can be named and emitted without failing.
        var emitted = SpecPipeline.Run(new SpecInput(Path, text, Naming.SpecOptions.Default));
        Assert.DoesNotContain(emitted.Diagnostics, d => d.Id == DiagnosticDescriptors.InternalError.Id);
    }

    [Fact]
    public void CancellationIsHonoured()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Read(OneOperation(""" "ex.weather#Input": { "type": "structure", "members": {} } """), source.Token));
    }
}

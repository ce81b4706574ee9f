#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Amazon.DynamoDBv2.Model.Internal.MarshallTransformations;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Gen = Aws.DynamoDB;
using Sdk = Amazon.DynamoDBv2.Model;

namespace Codegen.Benchmarks.Serialization;

/// <summary>A DynamoDB attribute value in a neutral form, turned into each implementation's type.</summary>
internal sealed class Attr
{
    public string? S { get; private init; }
    public string? N { get; private init; }
    public byte[]? B { get; private init; }
    public string[]? SS { get; private init; }
    public string[]? NS { get; private init; }
    public byte[][]? BS { get; private init; }
    public (string Key, Attr Value)[]? M { get; private init; }
    public Attr[]? L { get; private init; }
    public bool? Null { get; private init; }
    public bool? Bool { get; private init; }

    public static Attr Str(string value) => new() { S = value };
    public static Attr Num(string value) => new() { N = value };
    public static Attr Bin(byte[] value) => new() { B = value };
    public static Attr StrSet(params string[] values) => new() { SS = values };
    public static Attr NumSet(params string[] values) => new() { NS = values };
    public static Attr BinSet(params byte[][] values) => new() { BS = values };
    public static Attr Map(params (string, Attr)[] members) => new() { M = members };
    public static Attr List(params Attr[] items) => new() { L = items };
    public static Attr Nul() => new() { Null = true };
    public static Attr Boolean(bool value) => new() { Bool = value };

    public Gen.AttributeValue ToGenerated() => new()
    {
        S = S,
        N = N,
        // Not "B = B": a null byte[] converts to an empty ReadOnlyMemory<byte>, which is then a present, empty blob.
        B = B is null ? (ReadOnlyMemory<byte>?)null : B,
        SS = SS?.ToList(),
        NS = NS?.ToList(),
        BS = BS?.Select(b => new ReadOnlyMemory<byte>(b)).ToList(),
        M = M?.ToDictionary(p => p.Key, p => p.Value.ToGenerated(), StringComparer.Ordinal),
        L = L?.Select(a => a.ToGenerated()).ToList(),
        NULL = Null,
        BOOL = Bool,
    };

    public Sdk.AttributeValue ToSdk()
    {
        var value = new Sdk.AttributeValue();
        if (S is not null) value.S = S;
        if (N is not null) value.N = N;
        if (B is not null) value.B = new MemoryStream(B);
        if (SS is not null) value.SS = SS.ToList();
        if (NS is not null) value.NS = NS.ToList();
        if (BS is not null) value.BS = BS.Select(b => new MemoryStream(b)).ToList();
        if (M is not null) value.M = M.ToDictionary(p => p.Key, p => p.Value.ToSdk());
        if (L is not null) value.L = L.Select(a => a.ToSdk()).ToList();
        if (Null is not null) value.NULL = Null;
        if (Bool is not null) value.BOOL = Bool;
        return value;
    }

    public DynamoAttributeValueDto ToDto() => new()
    {
        S = S,
        N = N,
        B = B,
        SS = SS?.ToList(),
        NS = NS?.ToList(),
        BS = BS?.ToList(),
        M = M?.ToDictionary(p => p.Key, p => p.Value.ToDto()),
        L = L?.Select(a => a.ToDto()).ToList(),
        NULL = Null,
        BOOL = Bool,
    };

    /// <summary>The DynamoDB wire form, written independently of every implementation under test.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (S is not null) writer.WriteString("S", S);
        if (N is not null) writer.WriteString("N", N);
        if (B is not null) writer.WriteBase64String("B", B);
        if (SS is not null) { writer.WriteStartArray("SS"); foreach (var s in SS) writer.WriteStringValue(s); writer.WriteEndArray(); }
        if (NS is not null) { writer.WriteStartArray("NS"); foreach (var s in NS) writer.WriteStringValue(s); writer.WriteEndArray(); }
        if (BS is not null) { writer.WriteStartArray("BS"); foreach (var b in BS) writer.WriteBase64StringValue(b); writer.WriteEndArray(); }
        if (M is not null) { writer.WritePropertyName("M"); WriteMap(writer, M); }
        if (L is not null) { writer.WriteStartArray("L"); foreach (var a in L) a.Write(writer); writer.WriteEndArray(); }
        if (Null is not null) writer.WriteBoolean("NULL", Null.Value);
        if (Bool is not null) writer.WriteBoolean("BOOL", Bool.Value);
        writer.WriteEndObject();
    }

    public static void WriteMap(Utf8JsonWriter writer, (string Key, Attr Value)[] members)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in members)
        {
            writer.WritePropertyName(key);
            value.Write(writer);
        }

        writer.WriteEndObject();
    }
}

/// <summary>The inputs of the DynamoDB benchmarks: an order item of about 2 KB on the wire.</summary>
internal static class DynamoDbData
{
    public const string Table = "Orders";

    public static (string Key, Attr Value)[] Key() => new[]
    {
        ("pk", Attr.Str("CUSTOMER#8f14e45f-ceea-467f-a0e6-4f2ba1b8a1b2")),
        ("sk", Attr.Str("ORDER#2024-11-25T10:15:30Z#000123")),
    };

    public static (string Key, Attr Value)[] Item()
    {
        Attr Line(string sku, string title, string qty, string price, string color, string size, params string[] attributes) => Attr.Map(
            ("sku", Attr.Str(sku)),
            ("title", Attr.Str(title)),
            ("qty", Attr.Num(qty)),
            ("unitPrice", Attr.Num(price)),
            ("options", Attr.Map(("color", Attr.Str(color)), ("size", Attr.Str(size)))),
            ("attributes", Attr.List(attributes.Select(Attr.Str).ToArray())));
        Attr Event(string at, string what, string by) => Attr.Map(("at", Attr.Str(at)), ("event", Attr.Str(what)), ("by", Attr.Str(by)));

        return Key().Concat(new[]
        {
            ("status", Attr.Str("SHIPPED")),
            ("total", Attr.Num("249.97")),
            ("itemCount", Attr.Num("3")),
            ("currency", Attr.Str("EUR")),
            ("gift", Attr.Boolean(true)),
            ("couponCode", Attr.Nul()),
            ("tags", Attr.StrSet("priority", "gift-wrap", "eu-warehouse")),
            ("ratings", Attr.NumSet("4.5", "5", "3.75")),
            ("thumbnail", Attr.Bin(TestBytes.Make(96, 10))),
            ("signatures", Attr.BinSet(TestBytes.Make(32, 11), TestBytes.Make(32, 12))),
            ("shippingAddress", Attr.Map(
                ("name", Attr.Str("Alice Martin")),
                ("line1", Attr.Str("12 rue de la Paix")),
                ("line2", Attr.Str("Bâtiment B, 3e étage")),
                ("city", Attr.Str("Paris")),
                ("postalCode", Attr.Str("75002")),
                ("country", Attr.Str("FR")),
                ("geo", Attr.Map(("lat", Attr.Num("48.8686")), ("lon", Attr.Num("2.3308")))))),
            ("lines", Attr.List(
                Line("SKU-10023", "Merino wool scarf", "1", "59.99", "charcoal", "one-size", "wool", "handmade"),
                Line("SKU-20417", "Leather notebook, A5", "2", "34.99", "tan", "A5", "leather", "refillable", "gift"),
                Line("SKU-31150", "Ceramic pour-over set", "1", "120.00", "white", "600ml", "fragile"))),
            ("history", Attr.List(
                Event("2024-11-25T10:15:30Z", "CREATED", "web-checkout"),
                Event("2024-11-25T10:16:02Z", "PAID", "payments-service"),
                Event("2024-11-25T14:40:11Z", "PACKED", "warehouse-7"),
                Event("2024-11-26T08:05:47Z", "SHIPPED", "carrier-integration"))),
            ("metadata", Attr.Map(
                ("createdBy", Attr.Str("checkout-api/4.12.0")),
                ("version", Attr.Num("7")),
                ("ttl", Attr.Num("1764063330")),
                ("flags", Attr.List(Attr.Boolean(false), Attr.Boolean(true), Attr.Nul())))),
        }).ToArray();
    }

    public static Dictionary<string, Gen.AttributeValue> GeneratedMap((string Key, Attr Value)[] members) =>
        members.ToDictionary(p => p.Key, p => p.Value.ToGenerated(), StringComparer.Ordinal);

    public static Dictionary<string, Sdk.AttributeValue> SdkMap((string Key, Attr Value)[] members) =>
        members.ToDictionary(p => p.Key, p => p.Value.ToSdk());

    public static Dictionary<string, DynamoAttributeValueDto> DtoMap((string Key, Attr Value)[] members) =>
        members.ToDictionary(p => p.Key, p => p.Value.ToDto());

    /// <summary>PutItem with ReturnValues ALL_OLD answers with the old item and the consumed capacity.</summary>
    public static byte[] PutItemResponseBody() => ItemResponse("Attributes", 2.0);

    public static byte[] GetItemResponseBody() => ItemResponse("Item", 1.0);

    private static byte[] ItemResponse(string member, double capacity)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(member);
            Attr.WriteMap(writer, Item());
            writer.WriteStartObject("ConsumedCapacity");
            writer.WriteString("TableName", Table);
            writer.WriteNumber("CapacityUnits", capacity);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}

public sealed class DynamoAttributeValueDto
{
    public string? S { get; set; }
    public string? N { get; set; }
    public byte[]? B { get; set; }
    public List<string>? SS { get; set; }
    public List<string>? NS { get; set; }
    public List<byte[]>? BS { get; set; }
    public Dictionary<string, DynamoAttributeValueDto>? M { get; set; }
    public List<DynamoAttributeValueDto>? L { get; set; }
    public bool? NULL { get; set; }
    public bool? BOOL { get; set; }
}

public sealed class DynamoConsumedCapacityDto
{
    public string? TableName { get; set; }
    public double? CapacityUnits { get; set; }
}

public sealed class DynamoPutItemRequestDto
{
    public string TableName { get; set; } = "";
    public Dictionary<string, DynamoAttributeValueDto> Item { get; set; } = new();
    public string? ReturnValues { get; set; }
    public string? ReturnConsumedCapacity { get; set; }
    public string? ConditionExpression { get; set; }
}

public sealed class DynamoPutItemResponseDto
{
    public Dictionary<string, DynamoAttributeValueDto>? Attributes { get; set; }
    public DynamoConsumedCapacityDto? ConsumedCapacity { get; set; }
}

public sealed class DynamoGetItemRequestDto
{
    public string TableName { get; set; } = "";
    public Dictionary<string, DynamoAttributeValueDto> Key { get; set; } = new();
    public bool? ConsistentRead { get; set; }
    public string? ReturnConsumedCapacity { get; set; }
}

public sealed class DynamoGetItemResponseDto
{
    public Dictionary<string, DynamoAttributeValueDto>? Item { get; set; }
    public DynamoConsumedCapacityDto? ConsumedCapacity { get; set; }
}

/// <summary>The floor for DynamoDB: hand-written Utf8JsonWriter/Utf8JsonReader code.</summary>
internal static class DynamoDbFloor
{
    public static byte[] Write(DynamoPutItemRequestDto value) => FloorJson.WriteToArray(value, static (writer, value) =>
    {
        writer.WriteStartObject();
        writer.WriteString("TableName"u8, value.TableName);
        writer.WritePropertyName("Item"u8);
        WriteMap(writer, value.Item);
        if (value.ReturnValues is { } returnValues) writer.WriteString("ReturnValues"u8, returnValues);
        if (value.ReturnConsumedCapacity is { } capacity) writer.WriteString("ReturnConsumedCapacity"u8, capacity);
        if (value.ConditionExpression is { } condition) writer.WriteString("ConditionExpression"u8, condition);
        writer.WriteEndObject();
    });

    public static byte[] Write(DynamoGetItemRequestDto value) => FloorJson.WriteToArray(value, static (writer, value) =>
    {
        writer.WriteStartObject();
        writer.WriteString("TableName"u8, value.TableName);
        writer.WritePropertyName("Key"u8);
        WriteMap(writer, value.Key);
        if (value.ConsistentRead is { } consistent) writer.WriteBoolean("ConsistentRead"u8, consistent);
        if (value.ReturnConsumedCapacity is { } capacity) writer.WriteString("ReturnConsumedCapacity"u8, capacity);
        writer.WriteEndObject();
    });

    public static DynamoPutItemResponseDto ReadPutItemResponse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        FloorJson.Next(ref reader);
        var result = new DynamoPutItemResponseDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return result;
            if (reader.ValueTextEquals("Attributes"u8))
            {
                FloorJson.Next(ref reader);
                result.Attributes = ReadMap(ref reader);
            }
            else if (reader.ValueTextEquals("ConsumedCapacity"u8))
            {
                FloorJson.Next(ref reader);
                result.ConsumedCapacity = ReadCapacity(ref reader);
            }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }

    public static DynamoGetItemResponseDto ReadGetItemResponse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        FloorJson.Next(ref reader);
        var result = new DynamoGetItemResponseDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return result;
            if (reader.ValueTextEquals("Item"u8))
            {
                FloorJson.Next(ref reader);
                result.Item = ReadMap(ref reader);
            }
            else if (reader.ValueTextEquals("ConsumedCapacity"u8))
            {
                FloorJson.Next(ref reader);
                result.ConsumedCapacity = ReadCapacity(ref reader);
            }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, Dictionary<string, DynamoAttributeValueDto> map)
    {
        writer.WriteStartObject();
        foreach (var pair in map)
        {
            writer.WritePropertyName(pair.Key);
            WriteValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, DynamoAttributeValueDto value)
    {
        writer.WriteStartObject();
        if (value.S is { } s) writer.WriteString("S"u8, s);
        if (value.N is { } n) writer.WriteString("N"u8, n);
        if (value.B is { } b) writer.WriteBase64String("B"u8, b);
        if (value.SS is { } ss) WriteStrings(writer, "SS"u8, ss);
        if (value.NS is { } ns) WriteStrings(writer, "NS"u8, ns);
        if (value.BS is { } bs)
        {
            writer.WriteStartArray("BS"u8);
            foreach (var item in bs) writer.WriteBase64StringValue(item);
            writer.WriteEndArray();
        }

        if (value.M is { } m)
        {
            writer.WritePropertyName("M"u8);
            WriteMap(writer, m);
        }

        if (value.L is { } l)
        {
            writer.WriteStartArray("L"u8);
            foreach (var item in l) WriteValue(writer, item);
            writer.WriteEndArray();
        }

        if (value.NULL is { } isNull) writer.WriteBoolean("NULL"u8, isNull);
        if (value.BOOL is { } boolean) writer.WriteBoolean("BOOL"u8, boolean);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, List<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }

    private static Dictionary<string, DynamoAttributeValueDto>? ReadMap(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var map = new Dictionary<string, DynamoAttributeValueDto>();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return map;
            var key = reader.GetString()!;
            FloorJson.Next(ref reader);
            if (ReadValue(ref reader) is { } value) map[key] = value;
        }
    }

    private static DynamoAttributeValueDto? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var value = new DynamoAttributeValueDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return value;
            if (reader.ValueTextEquals("S"u8)) { FloorJson.Next(ref reader); value.S = FloorJson.String(ref reader); }
            else if (reader.ValueTextEquals("N"u8)) { FloorJson.Next(ref reader); value.N = FloorJson.String(ref reader); }
            else if (reader.ValueTextEquals("B"u8)) { FloorJson.Next(ref reader); value.B = FloorJson.Bytes(ref reader); }
            else if (reader.ValueTextEquals("SS"u8)) { FloorJson.Next(ref reader); value.SS = ReadStrings(ref reader); }
            else if (reader.ValueTextEquals("NS"u8)) { FloorJson.Next(ref reader); value.NS = ReadStrings(ref reader); }
            else if (reader.ValueTextEquals("BS"u8))
            {
                FloorJson.Next(ref reader);
                if (reader.TokenType != JsonTokenType.Null)
                {
                    var list = new List<byte[]>();
                    while (true)
                    {
                        FloorJson.Next(ref reader);
                        if (reader.TokenType == JsonTokenType.EndArray) break;
                        list.Add(reader.GetBytesFromBase64());
                    }

                    value.BS = list;
                }
            }
            else if (reader.ValueTextEquals("M"u8)) { FloorJson.Next(ref reader); value.M = ReadMap(ref reader); }
            else if (reader.ValueTextEquals("L"u8))
            {
                FloorJson.Next(ref reader);
                if (reader.TokenType != JsonTokenType.Null)
                {
                    var list = new List<DynamoAttributeValueDto>();
                    while (true)
                    {
                        FloorJson.Next(ref reader);
                        if (reader.TokenType == JsonTokenType.EndArray) break;
                        if (ReadValue(ref reader) is { } item) list.Add(item);
                    }

                    value.L = list;
                }
            }
            else if (reader.ValueTextEquals("NULL"u8)) { FloorJson.Next(ref reader); value.NULL = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean(); }
            else if (reader.ValueTextEquals("BOOL"u8)) { FloorJson.Next(ref reader); value.BOOL = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean(); }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static List<string>? ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var list = new List<string>();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) return list;
            list.Add(reader.GetString()!);
        }
    }

    private static DynamoConsumedCapacityDto? ReadCapacity(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var result = new DynamoConsumedCapacityDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return result;
            if (reader.ValueTextEquals("TableName"u8)) { FloorJson.Next(ref reader); result.TableName = FloorJson.String(ref reader); }
            else if (reader.ValueTextEquals("CapacityUnits"u8)) { FloorJson.Next(ref reader); result.CapacityUnits = reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble(); }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }
}

/// <summary>DynamoDB PutItem with a 2 KB item: serialize the request, deserialize the ALL_OLD response.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("DynamoDB PutItem")]
public class DynamoDbPutItem
{
    private IAwsRequest<Gen.PutItemResponse> _generated = null!;
    private Sdk.PutItemRequest _sdk = null!;
    private DynamoPutItemRequestDto _dto = null!;
    private byte[] _responseBody = null!;
    private AwsHttpResponse _generatedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        const string condition = "attribute_not_exists(pk)";
        var item = DynamoDbData.Item();
        _generated = new Gen.PutItem(DynamoDbData.Table, DynamoDbData.GeneratedMap(item))
        {
            ReturnValues = Gen.ReturnValue.AllOld,
            ReturnConsumedCapacity = Gen.ReturnConsumedCapacity.Total,
            ConditionExpression = condition,
        };
        _sdk = new Sdk.PutItemRequest
        {
            TableName = DynamoDbData.Table,
            Item = DynamoDbData.SdkMap(item),
            ReturnValues = Amazon.DynamoDBv2.ReturnValue.ALL_OLD,
            ReturnConsumedCapacity = Amazon.DynamoDBv2.ReturnConsumedCapacity.TOTAL,
            ConditionExpression = condition,
        };
        _dto = new DynamoPutItemRequestDto
        {
            TableName = DynamoDbData.Table,
            Item = DynamoDbData.DtoMap(item),
            ReturnValues = "ALL_OLD",
            ReturnConsumedCapacity = "TOTAL",
            ConditionExpression = condition,
        };
        _responseBody = DynamoDbData.PutItemResponseBody();
        _generatedResponse = GeneratedResponses.Ok(_responseBody);
    }

    internal IAwsRequest<Gen.PutItemResponse> GeneratedRequest => _generated;

    internal DynamoPutItemRequestDto Dto => _dto;

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public byte[] Serialize_HandWritten() => DynamoDbFloor.Write(_dto);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark, BenchmarkCategory("Serialize")]
    public long Serialize_AwsSdk()
    {
        // The SDK writes the body into a pooled stream that the request returns to its pool when disposed.
        using var request = PutItemRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.BodyLength(request);
    }

    internal byte[] SdkBody()
    {
        using var request = PutItemRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.Body(request);
    }

    [Benchmark, BenchmarkCategory("Serialize")]
    public byte[] Serialize_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_dto, BenchJsonContext.Default.DynamoPutItemRequestDto);

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public DynamoPutItemResponseDto Deserialize_HandWritten() => DynamoDbFloor.ReadPutItemResponse(_responseBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Gen.PutItemResponse Deserialize_Generated() => Gen.DynamoDBOperations.PutItem.DeserializeResponse(_generatedResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public AmazonWebServiceResponse Deserialize_AwsSdk()
    {
        using var context = SdkResponses.Context(_responseBody);
        return PutItemResponseUnmarshaller.Instance.UnmarshallResponse(context);
    }

    [Benchmark, BenchmarkCategory("Deserialize")]
    public DynamoPutItemResponseDto? Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_responseBody, BenchJsonContext.Default.DynamoPutItemResponseDto);
}

/// <summary>DynamoDB GetItem: serialize the (small) request, deserialize the response with the 2 KB item.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("DynamoDB GetItem")]
public class DynamoDbGetItem
{
    private IAwsRequest<Gen.GetItemResponse> _generated = null!;
    private Sdk.GetItemRequest _sdk = null!;
    private DynamoGetItemRequestDto _dto = null!;
    private byte[] _responseBody = null!;
    private AwsHttpResponse _generatedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = DynamoDbData.Key();
        _generated = new Gen.GetItem(DynamoDbData.Table, DynamoDbData.GeneratedMap(key))
        {
            ConsistentRead = true,
            ReturnConsumedCapacity = Gen.ReturnConsumedCapacity.Total,
        };
        _sdk = new Sdk.GetItemRequest
        {
            TableName = DynamoDbData.Table,
            Key = DynamoDbData.SdkMap(key),
            ConsistentRead = true,
            ReturnConsumedCapacity = Amazon.DynamoDBv2.ReturnConsumedCapacity.TOTAL,
        };
        _dto = new DynamoGetItemRequestDto
        {
            TableName = DynamoDbData.Table,
            Key = DynamoDbData.DtoMap(key),
            ConsistentRead = true,
            ReturnConsumedCapacity = "TOTAL",
        };
        _responseBody = DynamoDbData.GetItemResponseBody();
        _generatedResponse = GeneratedResponses.Ok(_responseBody);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public byte[] Serialize_HandWritten() => DynamoDbFloor.Write(_dto);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark, BenchmarkCategory("Serialize")]
    public long Serialize_AwsSdk()
    {
        // The SDK writes the body into a pooled stream that the request returns to its pool when disposed.
        using var request = GetItemRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.BodyLength(request);
    }

    internal byte[] SdkBody()
    {
        using var request = GetItemRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.Body(request);
    }

    [Benchmark, BenchmarkCategory("Serialize")]
    public byte[] Serialize_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_dto, BenchJsonContext.Default.DynamoGetItemRequestDto);

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public DynamoGetItemResponseDto Deserialize_HandWritten() => DynamoDbFloor.ReadGetItemResponse(_responseBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Gen.GetItemResponse Deserialize_Generated() => Gen.DynamoDBOperations.GetItem.DeserializeResponse(_generatedResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public AmazonWebServiceResponse Deserialize_AwsSdk()
    {
        using var context = SdkResponses.Context(_responseBody);
        return GetItemResponseUnmarshaller.Instance.UnmarshallResponse(context);
    }

    [Benchmark, BenchmarkCategory("Deserialize")]
    public DynamoGetItemResponseDto? Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_responseBody, BenchJsonContext.Default.DynamoGetItemResponseDto);
}
#endif

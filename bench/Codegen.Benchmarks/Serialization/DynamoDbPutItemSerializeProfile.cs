#if CODEGEN_SHARED_MODELS
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Gen = Aws.DynamoDB;

namespace Codegen.Benchmarks.Serialization;

/// <summary>
/// Profile of the PutItem serializer (the case furthest from the floor): the same hand-written writer run over the
/// generated types, once enumerating maps and lists through their interfaces as the generated code does
/// (IReadOnlyDictionary/IReadOnlyList foreach: a boxed enumerator and interface calls per element), once
/// type-testing for the concrete Dictionary/List the generated readers and most callers produce (struct
/// enumerators, no allocation). The gap between the two is what the interface enumeration costs.
/// </summary>
[BenchmarkCategory("DynamoDB PutItem serialize profile")]
public class DynamoDbPutItemSerializeProfile
{
    private IAwsRequest<Gen.PutItemResponse> _generated = null!;
    private Gen.PutItem _typed = null!;
    private DynamoPutItemRequestDto _dto = null!;

    [GlobalSetup]
    public void Setup()
    {
        var put = new DynamoDbPutItem();
        put.Setup();
        _generated = put.GeneratedRequest;
        _typed = (Gen.PutItem)_generated;
        _dto = put.Dto;
    }

    [Benchmark(Baseline = true)]
    public byte[] Floor_PlainClasses() => DynamoDbFloor.Write(_dto);

    [Benchmark]
    public AwsHttpRequest Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark]
    public byte[] HandWritten_GeneratedTypes_InterfaceForeach() =>
        FloorJson.WriteToArray(_typed, static (writer, value) => GeneratedTypesWriter.Write(writer, value, typeTest: false));

    [Benchmark]
    public byte[] HandWritten_GeneratedTypes_ConcreteForeach() =>
        FloorJson.WriteToArray(_typed, static (writer, value) => GeneratedTypesWriter.Write(writer, value, typeTest: true));

    private static class GeneratedTypesWriter
    {
        public static void Write(Utf8JsonWriter writer, Gen.PutItem value, bool typeTest)
        {
            writer.WriteStartObject();
            writer.WriteString("TableName"u8, value.TableName);
            writer.WritePropertyName("Item"u8);
            WriteMap(writer, value.Item, typeTest);
            if (value.ReturnValues is { } returnValues) writer.WriteString("ReturnValues"u8, returnValues.WireValue);
            if (value.ReturnConsumedCapacity is { } capacity) writer.WriteString("ReturnConsumedCapacity"u8, capacity.WireValue);
            if (value.ConditionExpression is { } condition) writer.WriteString("ConditionExpression"u8, condition);
            writer.WriteEndObject();
        }

        private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, Gen.AttributeValue> map, bool typeTest)
        {
            writer.WriteStartObject();
            if (typeTest && map is Dictionary<string, Gen.AttributeValue> concrete)
            {
                foreach (var pair in concrete)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value, typeTest);
                }
            }
            else
            {
                foreach (var pair in map)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value, typeTest);
                }
            }

            writer.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter writer, Gen.AttributeValue value, bool typeTest)
        {
            writer.WriteStartObject();
            if (value.S is { } s) writer.WriteString("S"u8, s);
            if (value.N is { } n) writer.WriteString("N"u8, n);
            if (value.B is { } b) writer.WriteBase64String("B"u8, b.Span);
            if (value.SS is { } ss) WriteStrings(writer, "SS"u8, ss, typeTest);
            if (value.NS is { } ns) WriteStrings(writer, "NS"u8, ns, typeTest);
            if (value.BS is { } bs)
            {
                writer.WriteStartArray("BS"u8);
                if (typeTest && bs is List<System.ReadOnlyMemory<byte>> list)
                {
                    foreach (var item in list) writer.WriteBase64StringValue(item.Span);
                }
                else
                {
                    foreach (var item in bs) writer.WriteBase64StringValue(item.Span);
                }

                writer.WriteEndArray();
            }

            if (value.M is { } m)
            {
                writer.WritePropertyName("M"u8);
                WriteMap(writer, m, typeTest);
            }

            if (value.L is { } l)
            {
                writer.WriteStartArray("L"u8);
                if (typeTest && l is List<Gen.AttributeValue> list)
                {
                    foreach (var item in list) WriteValue(writer, item, typeTest);
                }
                else
                {
                    foreach (var item in l) WriteValue(writer, item, typeTest);
                }

                writer.WriteEndArray();
            }

            if (value.NULL is { } isNull) writer.WriteBoolean("NULL"u8, isNull);
            if (value.BOOL is { } boolean) writer.WriteBoolean("BOOL"u8, boolean);
            writer.WriteEndObject();
        }

        private static void WriteStrings(Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, IReadOnlyList<string> items, bool typeTest)
        {
            writer.WriteStartArray(name);
            if (typeTest && items is List<string> list)
            {
                foreach (var item in list) writer.WriteStringValue(item);
            }
            else
            {
                foreach (var item in items) writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }
    }
}
#endif

#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;

namespace Codegen.Benchmarks.Serialization;

/// <summary>
/// The inputs of the rpcv2Cbor benchmarks (CloudWatch PutMetricData and GetMetricData), one set of values for every
/// implementation: 20 data points of one namespace, each with two dimensions, a timestamp, a value and a unit; and a
/// GetMetricData result of 5 series of 60 timestamps and values.
/// </summary>
internal static class CloudWatchData
{
    public const string Namespace = "Codegen/Benchmarks";

    public const int Points = 20;

    public const int Series = 5;

    public const int PointsPerSeries = 60;

    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

    public static string MetricName(int i) => "RequestLatency" + (i % 4);

    public static string Host(int i) => "host-" + (i % 7).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public static double Value(int i) => 12.5 + (i * 3.25);

    public static DateTimeOffset Timestamp(int i) => Start.AddSeconds(i * 60);

    /// <summary>GetMetricData's result as rpcv2Cbor: timestamps tagged (1) as integer epoch seconds.</summary>
    public static byte[] GetMetricDataCbor()
    {
        var writer = new CborWriter();
        writer.WriteStartMap(1);
        writer.WriteTextString("MetricDataResults");
        writer.WriteStartArray(Series);
        for (var s = 0; s < Series; s++)
        {
            writer.WriteStartMap(5);
            writer.WriteTextString("Id");
            writer.WriteTextString("m" + s);
            writer.WriteTextString("Label");
            writer.WriteTextString(MetricName(s));
            writer.WriteTextString("Timestamps");
            writer.WriteStartArray(PointsPerSeries);
            for (var p = 0; p < PointsPerSeries; p++)
            {
                writer.WriteTag(CborTag.UnixTimeSeconds);
                writer.WriteInt64(Timestamp(p).ToUnixTimeSeconds());
            }

            writer.WriteEndArray();
            writer.WriteTextString("Values");
            writer.WriteStartArray(PointsPerSeries);
            for (var p = 0; p < PointsPerSeries; p++)
            {
                writer.WriteDouble(Value(s + p));
            }

            writer.WriteEndArray();
            writer.WriteTextString("StatusCode");
            writer.WriteTextString("Complete");
            writer.WriteEndMap();
        }

        writer.WriteEndArray();
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>The same result as awsJson: timestamps as epoch seconds.</summary>
    public static byte[] GetMetricDataJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("MetricDataResults");
            for (var s = 0; s < Series; s++)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", "m" + s);
                writer.WriteString("Label", MetricName(s));
                writer.WriteStartArray("Timestamps");
                for (var p = 0; p < PointsPerSeries; p++)
                {
                    writer.WriteNumberValue(Timestamp(p).ToUnixTimeSeconds());
                }

                writer.WriteEndArray();
                writer.WriteStartArray("Values");
                for (var p = 0; p < PointsPerSeries; p++)
                {
                    writer.WriteNumberValue(Value(s + p));
                }

                writer.WriteEndArray();
                writer.WriteString("StatusCode", "Complete");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}

public sealed class CloudWatchDimensionDto
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}

public sealed class CloudWatchMetricDatumDto
{
    public string MetricName { get; set; } = "";

    public List<CloudWatchDimensionDto>? Dimensions { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public double? Value { get; set; }

    public string? Unit { get; set; }
}

public sealed class CloudWatchPutMetricDataDto
{
    public string Namespace { get; set; } = "";

    public List<CloudWatchMetricDatumDto>? MetricData { get; set; }
}

public sealed class CloudWatchMetricDataResultDto
{
    public string? Id { get; set; }

    public string? Label { get; set; }

    public List<DateTimeOffset>? Timestamps { get; set; }

    public List<double>? Values { get; set; }

    public string? StatusCode { get; set; }
}

public sealed class CloudWatchGetMetricDataResponseDto
{
    public List<CloudWatchMetricDataResultDto>? MetricDataResults { get; set; }

    public string? NextToken { get; set; }
}

/// <summary>
/// The floor: the request line and headers of rpcv2Cbor and the CBOR written and read by hand with
/// System.Formats.Cbor for exactly these shapes (no member lookup beyond these names, no error paths beyond the
/// reader's own).
/// </summary>
internal static class CloudWatchFloor
{
    private static readonly KeyValuePair<string, string>[] Headers =
    {
        new("smithy-protocol", "rpc-v2-cbor"),
        new("Accept", "application/cbor"),
        new("Content-Type", "application/cbor"),
    };

    public static FloorHttpRequest PutMetricData(CloudWatchPutMetricDataDto value)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(value.MetricData is null ? 1 : 2);
        writer.WriteTextString("Namespace");
        writer.WriteTextString(value.Namespace);
        if (value.MetricData is { } data)
        {
            writer.WriteTextString("MetricData");
            writer.WriteStartArray(data.Count);
            foreach (var datum in data)
            {
                writer.WriteStartMap(1 + (datum.Dimensions is null ? 0 : 1) + (datum.Timestamp is null ? 0 : 1) + (datum.Value is null ? 0 : 1) + (datum.Unit is null ? 0 : 1));
                writer.WriteTextString("MetricName");
                writer.WriteTextString(datum.MetricName);
                if (datum.Dimensions is { } dimensions)
                {
                    writer.WriteTextString("Dimensions");
                    writer.WriteStartArray(dimensions.Count);
                    foreach (var dimension in dimensions)
                    {
                        writer.WriteStartMap(2);
                        writer.WriteTextString("Name");
                        writer.WriteTextString(dimension.Name);
                        writer.WriteTextString("Value");
                        writer.WriteTextString(dimension.Value);
                        writer.WriteEndMap();
                    }

                    writer.WriteEndArray();
                }

                if (datum.Timestamp is { } timestamp)
                {
                    writer.WriteTextString("Timestamp");
                    writer.WriteTag(CborTag.UnixTimeSeconds);
                    var milliseconds = timestamp.ToUnixTimeMilliseconds();
                    if (milliseconds % 1000 == 0)
                    {
                        writer.WriteInt64(milliseconds / 1000);
                    }
                    else
                    {
                        writer.WriteDouble(milliseconds / 1000.0);
                    }
                }

                if (datum.Value is { } number)
                {
                    writer.WriteTextString("Value");
                    writer.WriteDouble(number);
                }

                if (datum.Unit is { } unit)
                {
                    writer.WriteTextString("Unit");
                    writer.WriteTextString(unit);
                }

                writer.WriteEndMap();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndMap();
        return new FloorHttpRequest("POST", "/service/GraniteServiceVersion20100801/operation/PutMetricData", Headers, writer.Encode());
    }

    public static CloudWatchGetMetricDataResponseDto ReadGetMetricDataResponse(byte[] body)
    {
        var reader = new CborReader(body, CborConformanceMode.Lax);
        var result = new CloudWatchGetMetricDataResponseDto();
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var name = reader.ReadTextString();
            if (name == "MetricDataResults")
            {
                var results = new List<CloudWatchMetricDataResultDto>();
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    results.Add(ReadResult(reader));
                }

                reader.ReadEndArray();
                result.MetricDataResults = results;
            }
            else if (name == "NextToken")
            {
                result.NextToken = reader.ReadTextString();
            }
            else
            {
                reader.SkipValue();
            }
        }

        reader.ReadEndMap();
        return result;
    }

    private static CloudWatchMetricDataResultDto ReadResult(CborReader reader)
    {
        var result = new CloudWatchMetricDataResultDto();
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            switch (reader.ReadTextString())
            {
                case "Id":
                    result.Id = reader.ReadTextString();
                    break;
                case "Label":
                    result.Label = reader.ReadTextString();
                    break;
                case "StatusCode":
                    result.StatusCode = reader.ReadTextString();
                    break;
                case "Timestamps":
                    var timestamps = new List<DateTimeOffset>();
                    reader.ReadStartArray();
                    while (reader.PeekState() != CborReaderState.EndArray)
                    {
                        reader.ReadTag();
                        timestamps.Add(reader.PeekState() is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger
                            ? DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64())
                            : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.ReadDouble() * 1000)));
                    }

                    reader.ReadEndArray();
                    result.Timestamps = timestamps;
                    break;
                case "Values":
                    var values = new List<double>();
                    reader.ReadStartArray();
                    while (reader.PeekState() != CborReaderState.EndArray)
                    {
                        values.Add(reader.ReadDouble());
                    }

                    reader.ReadEndArray();
                    result.Values = values;
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        reader.ReadEndMap();
        return result;
    }
}

/// <summary>
/// CloudWatch PutMetricData and GetMetricData in rpcv2Cbor (<c>Protocol="rpcv2Cbor"</c>): generated against the
/// hand-written System.Formats.Cbor floor, and against our own awsJson 1.0 code for the same operations (the protocol
/// CloudWatch gets by default). No AWSSDK.CloudWatch package is available here, so there is no SDK row.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("CloudWatch rpcv2Cbor")]
public class CloudWatchCbor
{
    private IAwsRequest<Aws.CloudWatchCbor.PutMetricDataResponse> _cbor = null!;
    private IAwsRequest<Aws.CloudWatch.PutMetricDataResponse> _json = null!;
    private CloudWatchPutMetricDataDto _dto = null!;
    private byte[] _cborBody = null!;
    private AwsHttpResponse _cborResponse = null!;
    private AwsHttpResponse _jsonResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cborData = new List<Aws.CloudWatchCbor.MetricDatum>();
        var jsonData = new List<Aws.CloudWatch.MetricDatum>();
        var dtoData = new List<CloudWatchMetricDatumDto>();
        for (var i = 0; i < CloudWatchData.Points; i++)
        {
            cborData.Add(new Aws.CloudWatchCbor.MetricDatum(CloudWatchData.MetricName(i))
            {
                Dimensions = new[] { new Aws.CloudWatchCbor.Dimension("Host", CloudWatchData.Host(i)), new Aws.CloudWatchCbor.Dimension("Stage", "prod") },
                Timestamp = CloudWatchData.Timestamp(i),
                Value = CloudWatchData.Value(i),
                Unit = Aws.CloudWatchCbor.StandardUnit.Milliseconds,
            });
            jsonData.Add(new Aws.CloudWatch.MetricDatum(CloudWatchData.MetricName(i))
            {
                Dimensions = new[] { new Aws.CloudWatch.Dimension("Host", CloudWatchData.Host(i)), new Aws.CloudWatch.Dimension("Stage", "prod") },
                Timestamp = CloudWatchData.Timestamp(i),
                Value = CloudWatchData.Value(i),
                Unit = Aws.CloudWatch.StandardUnit.Milliseconds,
            });
            dtoData.Add(new CloudWatchMetricDatumDto
            {
                MetricName = CloudWatchData.MetricName(i),
                Dimensions = new() { new() { Name = "Host", Value = CloudWatchData.Host(i) }, new() { Name = "Stage", Value = "prod" } },
                Timestamp = CloudWatchData.Timestamp(i),
                Value = CloudWatchData.Value(i),
                Unit = "Milliseconds",
            });
        }

        _cbor = new Aws.CloudWatchCbor.PutMetricData(CloudWatchData.Namespace) { MetricData = cborData };
        _json = new Aws.CloudWatch.PutMetricData(CloudWatchData.Namespace) { MetricData = jsonData };
        _dto = new CloudWatchPutMetricDataDto { Namespace = CloudWatchData.Namespace, MetricData = dtoData };
        _cborBody = CloudWatchData.GetMetricDataCbor();
        _cborResponse = GeneratedResponses.Ok(_cborBody);
        _jsonResponse = GeneratedResponses.Ok(CloudWatchData.GetMetricDataJson());

        // The rows measure the same work only if they agree: the same CBOR bytes (both write definite lengths in
        // model order), and the same series read back by each reader.
        if (!Serialize_HandWritten().Body.AsSpan().SequenceEqual(Serialize_Generated().Body.Span))
        {
            throw new InvalidOperationException("the generated PutMetricData CBOR body differs from the floor's");
        }

        var floor = Deserialize_HandWritten().MetricDataResults!;
        var cbor = Deserialize_Generated().MetricDataResults!;
        var json = Deserialize_GeneratedAwsJson().MetricDataResults!;
        for (var s = 0; s < CloudWatchData.Series; s++)
        {
            if (cbor[s].Id != floor[s].Id || json[s].Id != floor[s].Id
                || !System.Linq.Enumerable.SequenceEqual(cbor[s].Values!, floor[s].Values!) || !System.Linq.Enumerable.SequenceEqual(json[s].Values!, floor[s].Values!)
                || !System.Linq.Enumerable.SequenceEqual(cbor[s].Timestamps!, floor[s].Timestamps!) || !System.Linq.Enumerable.SequenceEqual(json[s].Timestamps!, floor[s].Timestamps!))
            {
                throw new InvalidOperationException("the GetMetricData readers disagree on series " + s);
            }
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public FloorHttpRequest Serialize_HandWritten() => CloudWatchFloor.PutMetricData(_dto);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _cbor.Operation.SerializeRequest(_cbor);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_GeneratedAwsJson() => _json.Operation.SerializeRequest(_json);

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public CloudWatchGetMetricDataResponseDto Deserialize_HandWritten() => CloudWatchFloor.ReadGetMetricDataResponse(_cborBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Aws.CloudWatchCbor.GetMetricDataResponse Deserialize_Generated() => Aws.CloudWatchCbor.CloudWatchOperations.GetMetricData.DeserializeResponse(_cborResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Aws.CloudWatch.GetMetricDataResponse Deserialize_GeneratedAwsJson() => Aws.CloudWatch.CloudWatchOperations.GetMetricData.DeserializeResponse(_jsonResponse);
}
#endif

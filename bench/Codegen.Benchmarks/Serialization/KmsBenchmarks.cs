#if CODEGEN_SHARED_MODELS
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Amazon.KeyManagementService.Model.Internal.MarshallTransformations;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Sdk = Amazon.KeyManagementService.Model;

namespace Codegen.Benchmarks.Serialization;

/// <summary>The inputs of the KMS benchmarks, one set of values for every implementation.</summary>
internal static class KmsData
{
    public const string KeyArn = "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static readonly byte[] Plaintext = TestBytes.Make(512, 1);

    public static readonly byte[] EncryptCiphertext = TestBytes.Make(512 + 154, 2);

    public static readonly byte[] DataKeyPlaintext = TestBytes.Make(32, 3);

    public static readonly byte[] DataKeyCiphertext = TestBytes.Make(184, 4);

    public const string KeyMaterialId = "5d3a5f1e0b8c4a7f9e2d1c6b3a8f7e4d5c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f";

    public static Dictionary<string, string> EncryptionContext() => new()
    {
        ["tenant"] = "acme-corp",
        ["purpose"] = "invoice-archive",
        ["department"] = "finance",
        ["record-id"] = "INV-2024-000123",
    };

    public static List<string> GrantTokens() => new()
    {
        "AQpAM2RhZTk1MGMyNTk2ZmZmMzEyYWVhOWViN2I1MWM4Mzc0MWFiYjc0ZDE1ODkyNGFlNTIzODZhMzgyZjBlNGY3NiKIAgEBAgB4Pa6VDCWW__MSrqnre1HIN0Grt00ViSSuUjhqOC8OT3YAAADfMIHcBgkqhkiG9w0BBwaggc4wgcsCAQAwgcUGCSqGSIb3DQEHATAeBglghkgBZQMEAS4wEQQMmdavIRYoHH3XaVlPAgEQgIGXuAEZ9fF40HSeT7dI8ITLeoYfMoyVH_UpdUsD6lchk-rrwm2WQ1Z4F3Hvb4GgkP6tIfxDLmj5UGrsdVtTxN3jg7yiEggS_uKDxEH-0pmhN4d8cxO8lrEXI4Jv",
    };

    public static byte[] EncryptResponseBody() => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteBase64String("CiphertextBlob", EncryptCiphertext);
        writer.WriteString("KeyId", KeyArn);
        writer.WriteString("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        writer.WriteEndObject();
    });

    public static byte[] GenerateDataKeyResponseBody() => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteBase64String("CiphertextBlob", DataKeyCiphertext);
        writer.WriteBase64String("Plaintext", DataKeyPlaintext);
        writer.WriteString("KeyId", KeyArn);
        writer.WriteString("KeyMaterialId", KeyMaterialId);
        writer.WriteEndObject();
    });

    private static byte[] Json(System.Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}

/// <summary>Plain classes for System.Text.Json's source generator and the hand-written floor.</summary>
public sealed class KmsEncryptRequestDto
{
    public string KeyId { get; set; } = "";

    public byte[] Plaintext { get; set; } = System.Array.Empty<byte>();

    public Dictionary<string, string>? EncryptionContext { get; set; }

    public List<string>? GrantTokens { get; set; }

    public string? EncryptionAlgorithm { get; set; }

    public bool? DryRun { get; set; }
}

public sealed class KmsEncryptResponseDto
{
    public byte[]? CiphertextBlob { get; set; }

    public string? KeyId { get; set; }

    public string? EncryptionAlgorithm { get; set; }
}

public sealed class KmsGenerateDataKeyRequestDto
{
    public string KeyId { get; set; } = "";

    public Dictionary<string, string>? EncryptionContext { get; set; }

    public int? NumberOfBytes { get; set; }

    public string? KeySpec { get; set; }

    public List<string>? GrantTokens { get; set; }

    public bool? DryRun { get; set; }
}

public sealed class KmsGenerateDataKeyResponseDto
{
    public byte[]? CiphertextBlob { get; set; }

    public byte[]? Plaintext { get; set; }

    public string? KeyId { get; set; }

    public byte[]? CiphertextForRecipient { get; set; }

    public string? KeyMaterialId { get; set; }
}

/// <summary>The floor: Utf8JsonWriter/Utf8JsonReader code written by hand for these shapes.</summary>
internal static class KmsFloor
{
    public static byte[] Write(KmsEncryptRequestDto value) => FloorJson.WriteToArray(value, static (writer, value) =>
    {
        writer.WriteStartObject();
        writer.WriteString("KeyId"u8, value.KeyId);
        writer.WriteBase64String("Plaintext"u8, value.Plaintext);
        if (value.EncryptionContext is { } context)
        {
            WriteMap(writer, "EncryptionContext"u8, context);
        }

        if (value.GrantTokens is { } tokens)
        {
            WriteList(writer, "GrantTokens"u8, tokens);
        }

        if (value.EncryptionAlgorithm is { } algorithm)
        {
            writer.WriteString("EncryptionAlgorithm"u8, algorithm);
        }

        if (value.DryRun is { } dryRun)
        {
            writer.WriteBoolean("DryRun"u8, dryRun);
        }

        writer.WriteEndObject();
    });

    public static byte[] Write(KmsGenerateDataKeyRequestDto value) => FloorJson.WriteToArray(value, static (writer, value) =>
    {
        writer.WriteStartObject();
        writer.WriteString("KeyId"u8, value.KeyId);
        if (value.EncryptionContext is { } context)
        {
            WriteMap(writer, "EncryptionContext"u8, context);
        }

        if (value.NumberOfBytes is { } count)
        {
            writer.WriteNumber("NumberOfBytes"u8, count);
        }

        if (value.KeySpec is { } spec)
        {
            writer.WriteString("KeySpec"u8, spec);
        }

        if (value.GrantTokens is { } tokens)
        {
            WriteList(writer, "GrantTokens"u8, tokens);
        }

        if (value.DryRun is { } dryRun)
        {
            writer.WriteBoolean("DryRun"u8, dryRun);
        }

        writer.WriteEndObject();
    });

    public static KmsEncryptResponseDto ReadEncryptResponse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        FloorJson.Next(ref reader);
        var result = new KmsEncryptResponseDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return result;
            }

            if (reader.ValueTextEquals("CiphertextBlob"u8))
            {
                FloorJson.Next(ref reader);
                result.CiphertextBlob = FloorJson.Bytes(ref reader);
            }
            else if (reader.ValueTextEquals("KeyId"u8))
            {
                FloorJson.Next(ref reader);
                result.KeyId = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("EncryptionAlgorithm"u8))
            {
                FloorJson.Next(ref reader);
                result.EncryptionAlgorithm = FloorJson.String(ref reader);
            }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }

    public static KmsGenerateDataKeyResponseDto ReadGenerateDataKeyResponse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        FloorJson.Next(ref reader);
        var result = new KmsGenerateDataKeyResponseDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return result;
            }

            if (reader.ValueTextEquals("CiphertextBlob"u8))
            {
                FloorJson.Next(ref reader);
                result.CiphertextBlob = FloorJson.Bytes(ref reader);
            }
            else if (reader.ValueTextEquals("Plaintext"u8))
            {
                FloorJson.Next(ref reader);
                result.Plaintext = FloorJson.Bytes(ref reader);
            }
            else if (reader.ValueTextEquals("KeyId"u8))
            {
                FloorJson.Next(ref reader);
                result.KeyId = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("CiphertextForRecipient"u8))
            {
                FloorJson.Next(ref reader);
                result.CiphertextForRecipient = FloorJson.Bytes(ref reader);
            }
            else if (reader.ValueTextEquals("KeyMaterialId"u8))
            {
                FloorJson.Next(ref reader);
                result.KeyMaterialId = FloorJson.String(ref reader);
            }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, Dictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var pair in map)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, List<string> list)
    {
        writer.WriteStartArray(name);
        foreach (var item in list)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

/// <summary>KMS Encrypt: serialize the request, deserialize the response; the floor is each category's baseline.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("KMS Encrypt")]
public class KmsEncrypt
{
    private IAwsRequest<Aws.KMS.EncryptResponse> _generated = null!;
    private Sdk.EncryptRequest _sdk = null!;
    private KmsEncryptRequestDto _dto = null!;
    private byte[] _responseBody = null!;
    private AwsHttpResponse _generatedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new Aws.KMS.Encrypt(KmsData.KeyArn, KmsData.Plaintext)
        {
            EncryptionContext = KmsData.EncryptionContext(),
            GrantTokens = KmsData.GrantTokens(),
            EncryptionAlgorithm = Aws.KMS.EncryptionAlgorithmSpec.SymmetricDefault,
        };
        _sdk = new Sdk.EncryptRequest
        {
            KeyId = KmsData.KeyArn,
            Plaintext = new MemoryStream(KmsData.Plaintext),
            EncryptionContext = KmsData.EncryptionContext(),
            GrantTokens = KmsData.GrantTokens(),
            EncryptionAlgorithm = Amazon.KeyManagementService.EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT,
        };
        _dto = new KmsEncryptRequestDto
        {
            KeyId = KmsData.KeyArn,
            Plaintext = KmsData.Plaintext,
            EncryptionContext = KmsData.EncryptionContext(),
            GrantTokens = KmsData.GrantTokens(),
            EncryptionAlgorithm = "SYMMETRIC_DEFAULT",
        };
        _responseBody = KmsData.EncryptResponseBody();
        _generatedResponse = GeneratedResponses.Ok(_responseBody);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public byte[] Serialize_HandWritten() => KmsFloor.Write(_dto);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark, BenchmarkCategory("Serialize")]
    public long Serialize_AwsSdk()
    {
        // The SDK writes the body into a pooled stream that the request returns to its pool when disposed.
        using var request = EncryptRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.BodyLength(request);
    }

    internal byte[] SdkBody()
    {
        using var request = EncryptRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.Body(request);
    }

    [Benchmark, BenchmarkCategory("Serialize")]
    public byte[] Serialize_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_dto, BenchJsonContext.Default.KmsEncryptRequestDto);

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public KmsEncryptResponseDto Deserialize_HandWritten() => KmsFloor.ReadEncryptResponse(_responseBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Aws.KMS.EncryptResponse Deserialize_Generated() => Aws.KMS.KMSOperations.Encrypt.DeserializeResponse(_generatedResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public AmazonWebServiceResponse Deserialize_AwsSdk()
    {
        using var context = SdkResponses.Context(_responseBody);
        return EncryptResponseUnmarshaller.Instance.UnmarshallResponse(context);
    }

    [Benchmark, BenchmarkCategory("Deserialize")]
    public KmsEncryptResponseDto? Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_responseBody, BenchJsonContext.Default.KmsEncryptResponseDto);
}

/// <summary>KMS GenerateDataKey: serialize the request, deserialize the response.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("KMS GenerateDataKey")]
public class KmsGenerateDataKey
{
    private IAwsRequest<Aws.KMS.GenerateDataKeyResponse> _generated = null!;
    private Sdk.GenerateDataKeyRequest _sdk = null!;
    private KmsGenerateDataKeyRequestDto _dto = null!;
    private byte[] _responseBody = null!;
    private AwsHttpResponse _generatedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new Aws.KMS.GenerateDataKey(KmsData.KeyArn)
        {
            EncryptionContext = KmsData.EncryptionContext(),
            KeySpec = Aws.KMS.DataKeySpec.Aes256,
        };
        _sdk = new Sdk.GenerateDataKeyRequest
        {
            KeyId = KmsData.KeyArn,
            EncryptionContext = KmsData.EncryptionContext(),
            KeySpec = Amazon.KeyManagementService.DataKeySpec.AES_256,
        };
        _dto = new KmsGenerateDataKeyRequestDto
        {
            KeyId = KmsData.KeyArn,
            EncryptionContext = KmsData.EncryptionContext(),
            KeySpec = "AES_256",
        };
        _responseBody = KmsData.GenerateDataKeyResponseBody();
        _generatedResponse = GeneratedResponses.Ok(_responseBody);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public byte[] Serialize_HandWritten() => KmsFloor.Write(_dto);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark, BenchmarkCategory("Serialize")]
    public long Serialize_AwsSdk()
    {
        // The SDK writes the body into a pooled stream that the request returns to its pool when disposed.
        using var request = GenerateDataKeyRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.BodyLength(request);
    }

    internal byte[] SdkBody()
    {
        using var request = GenerateDataKeyRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.Body(request);
    }

    [Benchmark, BenchmarkCategory("Serialize")]
    public byte[] Serialize_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_dto, BenchJsonContext.Default.KmsGenerateDataKeyRequestDto);

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public KmsGenerateDataKeyResponseDto Deserialize_HandWritten() => KmsFloor.ReadGenerateDataKeyResponse(_responseBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Aws.KMS.GenerateDataKeyResponse Deserialize_Generated() => Aws.KMS.KMSOperations.GenerateDataKey.DeserializeResponse(_generatedResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public AmazonWebServiceResponse Deserialize_AwsSdk()
    {
        using var context = SdkResponses.Context(_responseBody);
        return GenerateDataKeyResponseUnmarshaller.Instance.UnmarshallResponse(context);
    }

    [Benchmark, BenchmarkCategory("Deserialize")]
    public KmsGenerateDataKeyResponseDto? Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_responseBody, BenchJsonContext.Default.KmsGenerateDataKeyResponseDto);
}
#endif

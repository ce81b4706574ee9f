using System.Text.Json.Serialization;

namespace Codegen.Benchmarks.Serialization;

/// <summary>System.Text.Json's source-generated serializers for the plain classes (nulls omitted, as on the wire).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VerifySoftwareTokenRequestDto))]
[JsonSerializable(typeof(VerifySoftwareTokenResponseDto))]
#if CODEGEN_SHARED_MODELS
[JsonSerializable(typeof(KmsEncryptRequestDto))]
[JsonSerializable(typeof(KmsEncryptResponseDto))]
[JsonSerializable(typeof(KmsGenerateDataKeyRequestDto))]
[JsonSerializable(typeof(KmsGenerateDataKeyResponseDto))]
[JsonSerializable(typeof(DynamoPutItemRequestDto))]
[JsonSerializable(typeof(DynamoPutItemResponseDto))]
[JsonSerializable(typeof(DynamoGetItemRequestDto))]
[JsonSerializable(typeof(DynamoGetItemResponseDto))]
#endif
internal sealed partial class BenchJsonContext : JsonSerializerContext
{
}

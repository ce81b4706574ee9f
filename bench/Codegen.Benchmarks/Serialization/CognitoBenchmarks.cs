using System;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Gen = Aws.CognitoIdentityProvider;

namespace Codegen.Benchmarks.Serialization;

/// <summary>The inputs of the VerifySoftwareToken benchmarks (the seed spec in specs/).</summary>
internal static class CognitoData
{
    /// <summary>A JWT-shaped access token of a typical size (about 1 KB).</summary>
    public static readonly string AccessToken = MakeToken();

    public const string UserCode = "123456";

    public const string DeviceName = "Alice's phone";

    public static byte[] ResponseBody() => Encoding.UTF8.GetBytes("{\"Status\":\"SUCCESS\"}");

    private static string MakeToken()
    {
        static string Part(int length, int seed) => Convert.ToBase64String(TestBytes.Make(length, seed)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part(200, 20) + "." + Part(520, 21) + "." + Part(256, 22);
    }
}

public sealed class VerifySoftwareTokenRequestDto
{
    public string? AccessToken { get; set; }

    public string? Session { get; set; }

    public string UserCode { get; set; } = "";

    public string? FriendlyDeviceName { get; set; }
}

public sealed class VerifySoftwareTokenResponseDto
{
    public string? Status { get; set; }

    public string? Session { get; set; }
}

internal static class CognitoFloor
{
    public static byte[] Write(VerifySoftwareTokenRequestDto value) => FloorJson.WriteToArray(value, static (writer, value) =>
    {
        writer.WriteStartObject();
        if (value.AccessToken is { } token) writer.WriteString("AccessToken"u8, token);
        if (value.Session is { } session) writer.WriteString("Session"u8, session);
        writer.WriteString("UserCode"u8, value.UserCode);
        if (value.FriendlyDeviceName is { } name) writer.WriteString("FriendlyDeviceName"u8, name);
        writer.WriteEndObject();
    });

    public static VerifySoftwareTokenResponseDto ReadResponse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        FloorJson.Next(ref reader);
        var result = new VerifySoftwareTokenResponseDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return result;
            if (reader.ValueTextEquals("Status"u8)) { FloorJson.Next(ref reader); result.Status = FloorJson.String(ref reader); }
            else if (reader.ValueTextEquals("Session"u8)) { FloorJson.Next(ref reader); result.Session = FloorJson.String(ref reader); }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }
}

/// <summary>
/// Cognito VerifySoftwareToken (the seed operation). No AWS SDK column: AWSSDK.CognitoIdentityProvider is not served
/// by the package source here (see BENCHMARKS.md).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("Cognito VerifySoftwareToken")]
public class CognitoVerifySoftwareToken
{
    private IAwsRequest<Gen.VerifySoftwareTokenResponse> _generated = null!;
    private VerifySoftwareTokenRequestDto _dto = null!;
    private byte[] _responseBody = null!;
    private AwsHttpResponse _generatedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new Gen.VerifySoftwareToken(CognitoData.UserCode)
        {
            AccessToken = CognitoData.AccessToken,
            FriendlyDeviceName = CognitoData.DeviceName,
        };
        _dto = new VerifySoftwareTokenRequestDto
        {
            AccessToken = CognitoData.AccessToken,
            UserCode = CognitoData.UserCode,
            FriendlyDeviceName = CognitoData.DeviceName,
        };
        _responseBody = CognitoData.ResponseBody();
        _generatedResponse = GeneratedResponses.Ok(_responseBody);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public byte[] Serialize_HandWritten() => CognitoFloor.Write(_dto);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark, BenchmarkCategory("Serialize")]
    public byte[] Serialize_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_dto, BenchJsonContext.Default.VerifySoftwareTokenRequestDto);

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public VerifySoftwareTokenResponseDto Deserialize_HandWritten() => CognitoFloor.ReadResponse(_responseBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Gen.VerifySoftwareTokenResponse Deserialize_Generated() => Gen.CognitoIdentityProviderOperations.VerifySoftwareToken.DeserializeResponse(_generatedResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public VerifySoftwareTokenResponseDto? Deserialize_StjSourceGen() => JsonSerializer.Deserialize(_responseBody, BenchJsonContext.Default.VerifySoftwareTokenResponseDto);
}

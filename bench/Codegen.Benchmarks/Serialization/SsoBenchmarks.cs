#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using OidcWire = Amazon.SSOOIDC.Model.Internal.MarshallTransformations;
using SsoWire = Amazon.SSO.Model.Internal.MarshallTransformations;

namespace Codegen.Benchmarks.Serialization;

/// <summary>The inputs of the restJson1 benchmarks (SSO and SSO OIDC), one set of values for every implementation.</summary>
internal static class SsoData
{
    public const string RoleName = "ReadOnly Access/Ops";

    public const string AccountId = "111122223333";

    /// <summary>An access token of the size the SSO portal issues (about 1 KB).</summary>
    public static readonly string AccessToken = "aoa" + Convert.ToBase64String(TestBytes.Make(768, 5)).Replace('+', '-').Replace('/', '_');

    public const string AccessKeyId = "ASIAEXAMPLEACCESSKEY";

    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public static readonly string SessionToken = Convert.ToBase64String(TestBytes.Make(640, 6));

    public const long Expiration = 1_767_225_600_000;

    public const string ClientId = "_yzkThXVzLWVhc3QtMUEXAMPLECLIENTID";

    public static readonly string ClientSecret = Convert.ToBase64String(TestBytes.Make(320, 7));

    public const string GrantType = "urn:ietf:params:oauth:grant-type:device_code";

    public const string DeviceCode = "yJraWQiOiJrZXktMTU2Njk2ODA4OCIsImFsZyI6IkhTMzIn0EXAMPLEDEVICECODE";

    public static List<string> Scopes() => new() { "sso:account:access", "openid", "codewhisperer:completions" };

    public static readonly string RefreshToken = "aorv" + Convert.ToBase64String(TestBytes.Make(420, 8));

    public static byte[] GetRoleCredentialsResponseBody() => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("roleCredentials");
        writer.WriteString("accessKeyId", AccessKeyId);
        writer.WriteString("secretAccessKey", SecretAccessKey);
        writer.WriteString("sessionToken", SessionToken);
        writer.WriteNumber("expiration", Expiration);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] CreateTokenResponseBody() => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("accessToken", AccessToken);
        writer.WriteString("tokenType", "Bearer");
        writer.WriteNumber("expiresIn", 28800);
        writer.WriteString("refreshToken", RefreshToken);
        writer.WriteEndObject();
    });

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}

public sealed class SsoRoleCredentialsDto
{
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    public long? Expiration { get; set; }
}

public sealed class SsoGetRoleCredentialsResponseDto
{
    public SsoRoleCredentialsDto? RoleCredentials { get; set; }
}

public sealed class SsoOidcCreateTokenRequestDto
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string GrantType { get; set; } = "";

    public string? DeviceCode { get; set; }

    public List<string>? Scope { get; set; }
}

public sealed class SsoOidcCreateTokenResponseDto
{
    public string? AccessToken { get; set; }

    public string? TokenType { get; set; }

    public int? ExpiresIn { get; set; }

    public string? RefreshToken { get; set; }

    public string? IdToken { get; set; }
}

/// <summary>A request as the floor builds it: the parts a REST protocol fills (method, path and query, headers, body).</summary>
public sealed record FloorHttpRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

/// <summary>The floor: the HTTP parts and the JSON written and read by hand for these shapes.</summary>
internal static class SsoFloor
{
    public static FloorHttpRequest GetRoleCredentials(string roleName, string accountId, string accessToken) => new(
        "GET",
        "/federation/credentials?role_name=" + Uri.EscapeDataString(roleName) + "&account_id=" + Uri.EscapeDataString(accountId),
        new[] { new KeyValuePair<string, string>("x-amz-sso_bearer_token", accessToken) },
        Array.Empty<byte>());

    public static FloorHttpRequest CreateToken(SsoOidcCreateTokenRequestDto value) => new(
        "POST",
        "/token",
        new[] { new KeyValuePair<string, string>("Content-Type", "application/json") },
        FloorJson.WriteToArray(value, static (writer, value) =>
        {
            writer.WriteStartObject();
            writer.WriteString("clientId"u8, value.ClientId);
            writer.WriteString("clientSecret"u8, value.ClientSecret);
            writer.WriteString("grantType"u8, value.GrantType);
            if (value.DeviceCode is { } deviceCode)
            {
                writer.WriteString("deviceCode"u8, deviceCode);
            }

            if (value.Scope is { } scope)
            {
                writer.WriteStartArray("scope"u8);
                foreach (var item in scope)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }));

    public static SsoGetRoleCredentialsResponseDto ReadGetRoleCredentialsResponse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        FloorJson.Next(ref reader);
        var result = new SsoGetRoleCredentialsResponseDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return result;
            }

            if (reader.ValueTextEquals("roleCredentials"u8))
            {
                FloorJson.Next(ref reader);
                result.RoleCredentials = ReadRoleCredentials(ref reader);
            }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static SsoRoleCredentialsDto? ReadRoleCredentials(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var result = new SsoRoleCredentialsDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return result;
            }

            if (reader.ValueTextEquals("accessKeyId"u8))
            {
                FloorJson.Next(ref reader);
                result.AccessKeyId = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("secretAccessKey"u8))
            {
                FloorJson.Next(ref reader);
                result.SecretAccessKey = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("sessionToken"u8))
            {
                FloorJson.Next(ref reader);
                result.SessionToken = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("expiration"u8))
            {
                FloorJson.Next(ref reader);
                result.Expiration = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }

    public static SsoOidcCreateTokenResponseDto ReadCreateTokenResponse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        FloorJson.Next(ref reader);
        var result = new SsoOidcCreateTokenResponseDto();
        while (true)
        {
            FloorJson.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return result;
            }

            if (reader.ValueTextEquals("accessToken"u8))
            {
                FloorJson.Next(ref reader);
                result.AccessToken = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("tokenType"u8))
            {
                FloorJson.Next(ref reader);
                result.TokenType = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("expiresIn"u8))
            {
                FloorJson.Next(ref reader);
                result.ExpiresIn = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            }
            else if (reader.ValueTextEquals("refreshToken"u8))
            {
                FloorJson.Next(ref reader);
                result.RefreshToken = FloorJson.String(ref reader);
            }
            else if (reader.ValueTextEquals("idToken"u8))
            {
                FloorJson.Next(ref reader);
                result.IdToken = FloorJson.String(ref reader);
            }
            else
            {
                FloorJson.Next(ref reader);
                reader.Skip();
            }
        }
    }
}

/// <summary>
/// SSO GetRoleCredentials (restJson1): a GET whose members are two query parameters and a header, and a JSON
/// response. The SDK's marshaller leaves the query string to its pipeline (it fills <c>Parameters</c>); ours and the
/// floor return the finished path and query.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("SSO GetRoleCredentials")]
public class SsoGetRoleCredentials
{
    private IAwsRequest<Aws.SSO.GetRoleCredentialsResponse> _generated = null!;
    private Amazon.SSO.Model.GetRoleCredentialsRequest _sdk = null!;
    private byte[] _responseBody = null!;
    private AwsHttpResponse _generatedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new Aws.SSO.GetRoleCredentials(SsoData.RoleName, SsoData.AccountId, SsoData.AccessToken);
        _sdk = new Amazon.SSO.Model.GetRoleCredentialsRequest { RoleName = SsoData.RoleName, AccountId = SsoData.AccountId, AccessToken = SsoData.AccessToken };
        _responseBody = SsoData.GetRoleCredentialsResponseBody();
        _generatedResponse = GeneratedResponses.Ok(_responseBody);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public FloorHttpRequest Serialize_HandWritten() => SsoFloor.GetRoleCredentials(SsoData.RoleName, SsoData.AccountId, SsoData.AccessToken);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark, BenchmarkCategory("Serialize")]
    public Amazon.Runtime.Internal.IRequest Serialize_AwsSdk() => SsoWire.GetRoleCredentialsRequestMarshaller.Instance.Marshall(_sdk);

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public SsoGetRoleCredentialsResponseDto Deserialize_HandWritten() => SsoFloor.ReadGetRoleCredentialsResponse(_responseBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Aws.SSO.GetRoleCredentialsResponse Deserialize_Generated() => Aws.SSO.SSOOperations.GetRoleCredentials.DeserializeResponse(_generatedResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public AmazonWebServiceResponse Deserialize_AwsSdk()
    {
        using var context = SdkResponses.Context(_responseBody);
        return SsoWire.GetRoleCredentialsResponseUnmarshaller.Instance.UnmarshallResponse(context);
    }
}

/// <summary>SSO OIDC CreateToken (restJson1): a POST with a JSON body, and a JSON response.</summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("SSO OIDC CreateToken")]
public class SsoOidcCreateToken
{
    private IAwsRequest<Aws.SSOOIDC.CreateTokenResponse> _generated = null!;
    private Amazon.SSOOIDC.Model.CreateTokenRequest _sdk = null!;
    private SsoOidcCreateTokenRequestDto _dto = null!;
    private byte[] _responseBody = null!;
    private AwsHttpResponse _generatedResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new Aws.SSOOIDC.CreateToken(SsoData.ClientId, SsoData.ClientSecret, SsoData.GrantType)
        {
            DeviceCode = SsoData.DeviceCode,
            Scope = SsoData.Scopes(),
        };
        _sdk = new Amazon.SSOOIDC.Model.CreateTokenRequest
        {
            ClientId = SsoData.ClientId,
            ClientSecret = SsoData.ClientSecret,
            GrantType = SsoData.GrantType,
            DeviceCode = SsoData.DeviceCode,
            Scope = SsoData.Scopes(),
        };
        _dto = new SsoOidcCreateTokenRequestDto
        {
            ClientId = SsoData.ClientId,
            ClientSecret = SsoData.ClientSecret,
            GrantType = SsoData.GrantType,
            DeviceCode = SsoData.DeviceCode,
            Scope = SsoData.Scopes(),
        };
        _responseBody = SsoData.CreateTokenResponseBody();
        _generatedResponse = GeneratedResponses.Ok(_responseBody);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public FloorHttpRequest Serialize_HandWritten() => SsoFloor.CreateToken(_dto);

    [Benchmark, BenchmarkCategory("Serialize")]
    public AwsHttpRequest Serialize_Generated() => _generated.Operation.SerializeRequest(_generated);

    [Benchmark, BenchmarkCategory("Serialize")]
    public long Serialize_AwsSdk()
    {
        // The SDK writes the body into a pooled stream that the request returns to its pool when disposed.
        using var request = OidcWire.CreateTokenRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.BodyLength(request);
    }

    internal byte[] SdkBody()
    {
        using var request = OidcWire.CreateTokenRequestMarshaller.Instance.Marshall(_sdk);
        return SdkRequests.Body(request);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public SsoOidcCreateTokenResponseDto Deserialize_HandWritten() => SsoFloor.ReadCreateTokenResponse(_responseBody);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public Aws.SSOOIDC.CreateTokenResponse Deserialize_Generated() => Aws.SSOOIDC.SSOOIDCOperations.CreateToken.DeserializeResponse(_generatedResponse);

    [Benchmark, BenchmarkCategory("Deserialize")]
    public AmazonWebServiceResponse Deserialize_AwsSdk()
    {
        using var context = SdkResponses.Context(_responseBody);
        return OidcWire.CreateTokenResponseUnmarshaller.Instance.UnmarshallResponse(context);
    }
}
#endif

using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.Globalization;
using System.Linq;
using System.Text;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Serialization;
using Xunit;

namespace Codegen.Reliability.Tests;

/// <summary>
/// The response fuzzer: seeded mutations of realistic response and error bodies (bytes flipped, inserted and removed,
/// bodies cut short, bytes that are not UTF-8 and escapes of lone surrogates put into text, huge numbers, deep
/// nesting, duplicated keys) through the generated <c>DeserializeResponse</c> and <c>DeserializeError</c> of each
/// service. The only outcomes allowed: a response, or <see cref="AwsDeserializationException"/>, from
/// <c>DeserializeResponse</c>; an <see cref="AwsServiceException"/> returned (never thrown) from <c>DeserializeError</c>.
/// </summary>
/// <remarks>
/// The count is <c>CODEGEN_FUZZ_CASES</c> per service (default 400, so a CI run is 2,000 over the five services and
/// 400 more over the CBOR model), the seed <c>CODEGEN_FUZZ_SEED</c> (default fixed, so every run tries the same
/// cases). A failure names the service, the case number and the seed, which replay it. The long run:
/// <c>CODEGEN_FUZZ_CASES=20000 dotnet test tests/Codegen.Reliability.Tests --filter ResponseFuzzTests</c> (100,000
/// over the five services).
/// </remarks>
public class ResponseFuzzTests
{
    private const int DefaultCases = 400;
    private const int DefaultSeed = 20260101;

    public static TheoryData<string> Services()
    {
        var data = new TheoryData<string>();
        foreach (var target in Targets.Keys)
        {
            data.Add(target);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void MutatedBodies_GiveAResponseOrADocumentedException(string service)
    {
        var target = Targets[service];
        var cases = EnvironmentInt("CODEGEN_FUZZ_CASES", DefaultCases);
        var seed = EnvironmentInt("CODEGEN_FUZZ_SEED", DefaultSeed) ^ StableHash(service);
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < cases; n++)
        {
            var (body, headers, status) = target.Seeds[random.Next(target.Seeds.Length)];
            var mutated = Mutate(random, body, target.IsCbor);
            var response = new AwsHttpResponse(status, headers, mutated);
            string outcome;
            try
            {
                if (status < 300)
                {
                    outcome = target.DeserializeResponse(response) is null ? "null" : "response";
                }
                else
                {
                    var error = target.DeserializeError(response);
                    Assert.NotNull(error);
                    Assert.Equal(status, error.StatusCode);
                    outcome = "error";
                }
            }
            catch (AwsDeserializationException) when (status < 300)
            {
                outcome = "deserialization exception";
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{service}, case {n} (seed {EnvironmentInt("CODEGEN_FUZZ_SEED", DefaultSeed)}): {exception.GetType().FullName} from "
                    + (status < 300 ? "DeserializeResponse" : "DeserializeError") + " for the body " + Convert.ToBase64String(mutated) + "\n" + exception);
                return;
            }

            outcomes[outcome] = outcomes.TryGetValue(outcome, out var count) ? count + 1 : 1;
        }

        // The mutations reach the readers' failure paths, and leave some bodies readable: both kinds happen.
        Assert.True(outcomes.ContainsKey("deserialization exception"), string.Join(", ", outcomes));
        Assert.True(outcomes.ContainsKey("response") && outcomes.ContainsKey("error"), string.Join(", ", outcomes));
        Assert.Equal(cases, outcomes.Values.Sum());
    }

    private sealed record Target(
        Func<AwsHttpResponse, object?> DeserializeResponse,
        Func<AwsHttpResponse, AwsServiceException> DeserializeError,
        (byte[] Body, IReadOnlyDictionary<string, string>? Headers, int Status)[] Seeds,
        bool IsCbor = false);

    private static readonly Dictionary<string, Target> Targets = BuildTargets();

    private static Dictionary<string, Target> BuildTargets()
    {
        var targets = new Dictionary<string, Target>(StringComparer.Ordinal)
        {
            ["Cognito Identity Provider"] = new(
                r => Aws.CognitoIdentityProvider.CognitoIdentityProviderOperations.VerifySoftwareToken.DeserializeResponse(r),
                r => Aws.CognitoIdentityProvider.CognitoIdentityProviderOperations.VerifySoftwareToken.DeserializeError(r),
                [
                    Json(200, """{"Status":"SUCCESS","Session":"AYABeHVzZXItc2Vzc2lvbi1leGFtcGxl"}"""),
                    Json(200, """{"Status":"ERROR"}"""),
                    Json(400, """{"__type":"CodeMismatchException","message":"Invalid code received for user"}"""),
                    Json(400, """{"__type":"NotAuthorizedException","message":"Access Token has expired"}"""),
                    Json(500, """{"__type":"InternalErrorException","message":"Internal server error."}"""),
                ]),
            ["SSO"] = new(
                r => Sso.SSOOperations.GetRoleCredentials.DeserializeResponse(r),
                r => Sso.SSOOperations.GetRoleCredentials.DeserializeError(r),
                [
                    Json(200, """{"roleCredentials":{"accessKeyId":"ASIAEXAMPLE1234567890","secretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","sessionToken":"IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==","expiration":1767225600000}}"""),
                    Json(401, """{"message":"Session token not found or invalid"}""", ("x-amzn-ErrorType", "UnauthorizedException")),
                    Json(429, """{"message":"Rate exceeded"}""", ("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/")),
                    Json(404, """{"__type":"ResourceNotFoundException","message":"No access"}"""),
                ]),
            ["SSO OIDC"] = new(
                r => SsoOidc.SSOOIDCOperations.CreateToken.DeserializeResponse(r),
                r => SsoOidc.SSOOIDCOperations.CreateToken.DeserializeError(r),
                [
                    Json(200, """{"accessToken":"aoaAAAAAGV4YW1wbGUtYWNjZXNzLXRva2Vu","tokenType":"Bearer","expiresIn":28800,"refreshToken":"aorvJYubGpU6i91YnH7Mfo-AT2fIVa1zCfA","idToken":"eyJhbGciOiJub25lIn0.e30."}"""),
                    Json(400, """{"error":"invalid_grant","error_description":"Invalid grant provided"}""", ("x-amzn-ErrorType", "InvalidGrantException")),
                    Json(400, """{"error":"authorization_pending","error_description":"Authorization is still pending"}""", ("x-amzn-ErrorType", "AuthorizationPendingException")),
                    Json(500, """{"error":"server_error","error_description":"An internal error occurred"}""", ("x-amzn-ErrorType", "InternalServerException")),
                ]),
            ["Hostile (rpcv2Cbor)"] = new(
                r => HostileCbor.HostileOperations.Read.DeserializeResponse(r),
                r => HostileCbor.HostileOperations.Read.DeserializeError(r),
                [
                    (CborBody(), null, 200),
                    (CborError("Rejected", "Rejected for a reason"), null, 400),
                    (CborError("Broken", "Try again"), null, 500),
                ],
                IsCbor: true),
        };
#if CODEGEN_SHARED_MODELS
        targets["KMS"] = new(
            r => Kms.KMSOperations.Decrypt.DeserializeResponse(r),
            r => Kms.KMSOperations.GenerateDataKey.DeserializeError(r),
            [
                Json(200, """{"KeyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","Plaintext":"SGVsbG8sIFdvcmxkIQ==","EncryptionAlgorithm":"SYMMETRIC_DEFAULT"}"""),
                Json(200, """{"KeyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","Plaintext":"","EncryptionAlgorithm":"RSAES_OAEP_SHA_256","CiphertextForRecipient":"AQIDBA=="}"""),
                Json(400, """{"__type":"NotFoundException","message":"Key 'arn:aws:kms:us-east-1:111122223333:key/1234abcd' does not exist"}"""),
                Json(400, """{"__type":"InvalidCiphertextException"}"""),
                Json(500, """{"__type":"KMSInternalException","message":"An internal error occurred"}"""),
            ]);
        targets["DynamoDB"] = new(
            r => DynamoDb.DynamoDBOperations.Query.DeserializeResponse(r),
            r => DynamoDb.DynamoDBOperations.GetItem.DeserializeError(r),
            [
                Json(200, """{"Count":2,"Items":[{"pk":{"S":"user#1"},"n":{"N":"123.45"},"b":{"B":"AAEC"},"l":{"L":[{"S":"a"},{"N":"-1E+10"},{"M":{"x":{"BOOL":true},"y":{"NULL":true}}}]},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.5"]},"bs":{"BS":["AQ=="]}},{"pk":{"S":"user#2"}}],"LastEvaluatedKey":{"pk":{"S":"user#2"}},"ScannedCount":2,"ConsumedCapacity":{"TableName":"Music","CapacityUnits":0.5}}"""),
                Json(200, """{"Count":0,"Items":[],"ScannedCount":10}"""),
                Json(400, """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"""),
                Json(400, """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Rate of requests exceeds the allowed throughput."}"""),
                Json(500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"""),
            ]);
#endif
        return targets;
    }

#if !CODEGEN_SHARED_MODELS
    [SkippableFact]
    public void TheKmsAndDynamoDbTargetsNeedTheSharedModels()
    {
        var root = Codegen.Testing.SharedData.RequireRoot(); // skips (fails under CI) without any shared data
        var reason = $"the shared data is at {root}, but tests/Codegen.Reliability.Tests was built without its KMS and DynamoDB models: rebuild it";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + " (CI requires them)");
        }

        Skip.If(true, reason);
    }
#endif

    /// <summary>One to three mutations of <paramref name="body"/>, each chosen at random.</summary>
    private static byte[] Mutate(Random random, byte[] body, bool cbor)
    {
        var bytes = new List<byte>(body);
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(cbor ? 7 : 11))
            {
                case 0: // a bit flipped
                    if (bytes.Count > 0)
                    {
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1: // cut short
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // a byte that is not UTF-8 on its own, or any byte
                    bytes.Insert(at, random.Next(2) == 0 ? NotUtf8[random.Next(NotUtf8.Length)] : (byte)random.Next(256));
                    break;
                case 3: // a slice removed
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                    break;
                case 4: // a slice repeated (keys and entries twice)
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(32));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 5: // an encoded surrogate or an overlong form
                    bytes.InsertRange(at, random.Next(2) == 0 ? [0xED, 0xA0, 0x80] : [0xC0, 0xAF]);
                    break;
                case 6: // a byte replaced by a random one
                    if (bytes.Count > 0)
                    {
                        bytes[at] = (byte)random.Next(256);
                    }

                    break;
                case 7: // an escape of a lone surrogate, in a string or anywhere
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "\\ud800" : "\\udfff\\u0000"));
                    break;
                case 8: // a huge or tiny number where a digit was
                    var digit = bytes.FindIndex(at, b => b is >= (byte)'0' and <= (byte)'9');
                    if (digit >= 0)
                    {
                        bytes.InsertRange(digit, Encoding.ASCII.GetBytes(HugeNumbers[random.Next(HugeNumbers.Length)]));
                    }

                    break;
                case 9: // deep nesting where a value starts
                    var start = bytes.FindIndex(at, b => b is (byte)'{' or (byte)'[');
                    if (start >= 0)
                    {
                        var depth = 100 + random.Next(200);
                        bytes.InsertRange(start, Encoding.ASCII.GetBytes(new string('[', depth)));
                        if (random.Next(2) == 0)
                        {
                            bytes.AddRange(Encoding.ASCII.GetBytes(new string(']', depth)));
                        }
                    }

                    break;
                default: // a structural character where it does not belong
                    bytes.Insert(at, Structural[random.Next(Structural.Length)]);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static readonly byte[] NotUtf8 = [0xFF, 0xFE, 0xC0, 0xC1, 0x80, 0xBF, 0xF5, 0xF8, 0xE2, 0xF0];

    private static readonly string[] HugeNumbers = ["1e400", "-1e400", "99999999999999999999999999999999", "1.00000000000000000000000000000001", "-0", "0.", "1e-400", "123456789012345678901234567890e9999"];

    private static readonly byte[] Structural = "{}[]\":,\\ntfu-."u8.ToArray();

    private static (byte[] Body, IReadOnlyDictionary<string, string>? Headers, int Status) Json(int status, string body, params (string Name, string Value)[] headers) =>
        (Encoding.UTF8.GetBytes(body), headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), status);

    private static byte[] CborBody()
    {
        var w = new CborWriter();
        w.WriteStartMap(null);
        w.WriteTextString("Text");
        w.WriteTextString("café ☕");
        w.WriteTextString("Level");
        w.WriteTextString("HIGH");
        w.WriteTextString("Ratio");
        w.WriteDouble(0.25);
        w.WriteTextString("Tags");
        w.WriteStartMap(2);
        w.WriteTextString("a");
        w.WriteTextString("1");
        w.WriteTextString("b");
        w.WriteTextString("2");
        w.WriteEndMap();
        w.WriteTextString("Items");
        w.WriteStartArray(2);
        w.WriteStartMap(1);
        w.WriteTextString("Name");
        w.WriteTextString("one");
        w.WriteEndMap();
        w.WriteStartMap(1);
        w.WriteTextString("Tags");
        w.WriteStartMap(1);
        w.WriteTextString("k");
        w.WriteTextString("v");
        w.WriteEndMap();
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteTextString("Choice");
        w.WriteStartMap(1);
        w.WriteTextString("Word");
        w.WriteTextString("w");
        w.WriteEndMap();
        w.WriteTextString("Stamp");
        w.WriteTag(CborTag.UnixTimeSeconds);
        w.WriteInt64(1767225600);
        w.WriteTextString("Data");
        w.WriteByteString([1, 2, 3]);
        w.WriteEndMap();
        return w.Encode();
    }

    private static byte[] CborError(string type, string message)
    {
        var w = new CborWriter();
        w.WriteStartMap(2);
        w.WriteTextString("__type");
        w.WriteTextString("aws.hostile#" + type);
        w.WriteTextString("message");
        w.WriteTextString(message);
        w.WriteEndMap();
        return w.Encode();
    }

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    // string.GetHashCode is randomised per process: the seed of a service must be the same in every run.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}

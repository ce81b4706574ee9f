using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Http;
using Codegen.Runtime.Operations;
using Codegen.Testing;

namespace Codegen.Differential.Tests.Infrastructure;

/// <summary>One operation on both sides: the SDK's response unmarshaller and the generated operation.</summary>
internal sealed record OperationPair(
    string Name,
    JsonResponseUnmarshaller Sdk,
    Type OurResponseType,
    Func<AwsHttpResponse, IAwsResponse> Read,
    Func<AwsHttpResponse, AwsServiceException> ReadError)
{
    public static OperationPair Of<TResponse>(string name, JsonResponseUnmarshaller sdk, IOperation<TResponse> ours)
        where TResponse : IAwsResponse =>
        new(name, sdk, typeof(TResponse), r => ours.DeserializeResponse(r), r => ours.DeserializeError(r));
}

/// <summary>A service on both sides: its model, protocol details, base exceptions and operations.</summary>
internal sealed record ServicePair(
    string Name,
    BotocoreModel Model,
    string ContentType,
    bool QueryCompatible,
    string SdkBaseException,
    string OurBaseException,
    IReadOnlyList<OperationPair> Operations)
{
    public OperationPair Operation(string name) => Operations.Single(o => o.Name == name);
}

/// <summary>
/// Reads the same canned responses with the SDK's unmarshallers and the generated operations and lists how the
/// results differ (compared through <see cref="Projection"/>).
/// </summary>
internal static class ResponseComparison
{
    /// <summary>
    /// The start of the message the SDK makes up when an error body has none, or an empty one
    /// (<c>"The service returned an error with Error Code X and HTTP Body: ..."</c>). Ours keeps what the body says,
    /// no message (<see cref="AwsServiceException.ErrorMessage"/> null) or an empty one. The SDK's text is not on the
    /// wire, so the comparison accepts it where ours has no message or an empty one.
    /// </summary>
    private const string SdkMadeUpMessage = "The service returned an error with Error Code ";

    /// <summary>
    /// Codes of errors a service may return without modelling them. One that is an error shape of the service is
    /// not drawn: the SDK's unmarshaller of an operation knows only the errors that operation lists, while the
    /// generated reader knows every error of the service (here: of the operations generated), a deliberate difference.
    /// </summary>
    private static readonly string[] UnmodelledCodes =
    {
        "UnrecognizedClientException", "AccessDeniedException", "ThrottlingException", "ValidationException",
        "SomethingNewException", "ServiceUnavailable", "InternalFailure", "IncompleteSignature",
    };

    public static IReadOnlyList<string> Success(ServicePair service, OperationPair operation, Gen g)
    {
        var shape = service.Model.OutputShape(operation.Name);
        // An empty body is not drawn: the SDK's unmarshaller, called directly, cannot read one (ours reads it as {}).
        var body = shape is null || (g.Chance(0.03) && !service.Model.HasRequiredMembers(shape)) ? "{}"u8.ToArray() : new ModelBodies(service.Model, g).Body(shape);
        var response = new CannedResponse(200, Headers(service, g), body);

        var sdk = SdkWire.Unmarshall<AmazonWebServiceResponse>(operation.Sdk, response);
        var ours = operation.Read(response.ToOurs());

        var differences = new List<string>();
        if (ours.HttpStatus != 200)
        {
            differences.Add($"HttpStatus: expected 200, got {ours.HttpStatus}");
        }

        differences.AddRange(Compare(Projection.Sdk(sdk, operation.OurResponseType)?.ToJsonString(), Projection.Ours(ours)?.ToJsonString()));
        return WithBody(differences, response);
    }

    public static IReadOnlyList<string> Error(ServicePair service, OperationPair operation, Gen g)
    {
        var modelled = service.Model.Errors(operation.Name);
        var shape = modelled.Count > 0 && g.Chance(0.75) ? g.Pick(modelled) : null;
        var name = shape ?? g.Pick((IReadOnlyList<string>)UnmodelledCodes.Except(service.Model.AllErrors()).ToList());
        var code = g.Next(7) switch
        {
            0 => "com.amazonaws." + service.Name.ToLowerInvariant() + "#" + name,
            1 => name + ":http://internal.amazon.com/coral/com.amazon.coral.validate/",
            2 => "aws.protocoltests#" + name + ":http://internal.amazon.com/coral/com.amazon.coral.validate/",
            _ => name,
        };

        // Where the code is: 0..6 in the body only; 7 in the body and the x-amzn-ErrorType header (the same code:
        // services never send two, and the SDKs differ on which would win); 8, 9 in the header only.
        var headers = Headers(service, g);
        var placement = g.Next(10);
        var inBody = placement < 8;
        if (placement >= 7)
        {
            headers["x-amzn-ErrorType"] = code;
        }

        // A query-compatible service (SQS) adds its awsQuery code, "Code;Sender|Receiver". Real SQS codes take both
        // forms (e.g. InvalidAddress, AWS.SimpleQueueService.NonExistentQueue); the model here lists neither.
        if (service.QueryCompatible && g.Chance(0.6))
        {
            var queryCode = g.Bool() ? name : "AWS.SimpleQueueService." + name;
            headers["x-amzn-query-error"] = queryCode + ";" + g.Pick("Sender", "Receiver");
        }

        var codeKey = g.Chance(0.9) ? "__type" : "code";
        var messageKey = g.Next(10) switch
        {
            < 5 => "message",
            < 8 => "Message",
            8 => null,
            _ => string.Empty, // the key is written with a null value
        };
        var message = g.String();
        void WriteEnvelope(Utf8JsonWriter writer)
        {
            if (inBody)
            {
                // "code" is the older member for the same thing; both sides read it when "__type" is absent.
                writer.WriteString(codeKey, code);
            }

            if (messageKey is null)
            {
                return;
            }

            if (messageKey.Length == 0)
            {
                writer.WriteNull(g.Bool() ? "message" : "Message");
            }
            else
            {
                writer.WriteString(messageKey, message);
            }
        }

        byte[] body;
        if (shape is not null)
        {
            body = new ModelBodies(service.Model, g).Body(shape, WriteEnvelope, skip: new[] { "message", "Message" });
        }
        else if (!inBody && g.Chance(0.3))
        {
            // The header alone names the error and the body is empty. (A body that is not JSON at all is not drawn:
            // the SDK then loses the header's code too; see ResponseTests.AnErrorBodyThatIsNotJsonStillGivesTheErrorTheHeaderNames.)
            body = Array.Empty<byte>();
        }
        else
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                WriteEnvelope(writer);
                writer.WriteEndObject();
            }

            body = buffer.WrittenSpan.ToArray();
        }

        var status = g.Pick(400, 400, 403, 404, 409, 413, 429, 500, 503);
        var response = new CannedResponse(status, headers, body);
        var sdk = SdkWire.UnmarshallError(operation.Sdk, response);
        var ours = operation.ReadError(response.ToOurs());

        var differences = new List<string>();
        var sdkType = sdk.GetType().Name == service.SdkBaseException ? service.OurBaseException : sdk.GetType().Name;
        if (sdkType != ours.GetType().Name)
        {
            differences.Add($"exception type: SDK {sdk.GetType().FullName}, ours {ours.GetType().FullName}");
        }

        if (sdk.ErrorCode != ours.ErrorCode)
        {
            differences.Add($"error code: SDK {sdk.ErrorCode}, ours {ours.ErrorCode}");
        }

        var sdkMadeUp = sdk.Message is { } m && m.StartsWith(SdkMadeUpMessage, StringComparison.Ordinal);
        if (sdkMadeUp ? !string.IsNullOrEmpty(ours.ErrorMessage) : !string.Equals(sdk.Message, ours.ErrorMessage, StringComparison.Ordinal))
        {
            differences.Add($"message: SDK {Quote(sdk.Message)}, ours {Quote(ours.ErrorMessage)}");
        }

        if ((int)sdk.StatusCode != ours.StatusCode)
        {
            differences.Add($"status: SDK {(int)sdk.StatusCode}, ours {ours.StatusCode}");
        }

        if (sdk.RequestId != ours.RequestId)
        {
            differences.Add($"request id: SDK {sdk.RequestId}, ours {ours.RequestId}");
        }

        if (differences.Count == 0)
        {
            differences.AddRange(Compare(Projection.Sdk(sdk, ours.GetType())?.ToJsonString(), Projection.Ours(ours)?.ToJsonString()));
        }

        return WithBody(differences, response);
    }

    private static Dictionary<string, string> Headers(ServicePair service, Gen g) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = service.ContentType,
        ["x-amzn-RequestId"] = "req-" + g.Next(1_000_000).ToString(CultureInfo.InvariantCulture),
    };

    private static IEnumerable<string> Compare(string? sdk, string? ours)
    {
        if (sdk is null || ours is null)
        {
            return sdk == ours ? Array.Empty<string>() : new[] { $"projection: SDK {sdk ?? "null"}, ours {ours ?? "null"}" };
        }

        var differences = JsonSemantics.Differences(sdk, ours);
        return differences.Count == 0 ? differences : differences.Append("SDK read:  " + sdk).Append("ours read: " + ours);
    }

    private static IReadOnlyList<string> WithBody(List<string> differences, CannedResponse response)
    {
        if (differences.Count > 0)
        {
            differences.Add($"response: {response.Status} {string.Join(", ", response.Headers.Select(h => h.Key + ": " + h.Value))}");
            differences.Add("body:      " + Encoding.UTF8.GetString(response.Body));
        }

        return differences;
    }

    private static string Quote(string? text) => text is null ? "null" : "\"" + text + "\"";
}

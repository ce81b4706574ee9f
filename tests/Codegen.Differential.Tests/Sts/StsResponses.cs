#if CODEGEN_SHARED_MODELS
// PackedPolicySize is deprecated in the STS model (both sides mark it obsolete) and still sent: it is compared too.
#pragma warning disable CS0618
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security;
using System.Text;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Runtime.Errors;
using Codegen.Testing;
using Generated.Sts;
using OurCredentials = Generated.Sts.Credentials;
using SdkModel = Amazon.SecurityToken.Model;
using SdkWireForms = Amazon.SecurityToken.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests.Sts;

/// <summary>
/// STS (awsQuery) responses and errors read by AWSSDK.SecurityToken's XML unmarshallers and by the generated code.
/// Each case draws the values from the seed and writes the XML body as STS does
/// (<c>&lt;{Operation}Response&gt;&lt;{Operation}Result&gt;...&lt;/{Operation}Result&gt;&lt;ResponseMetadata&gt;</c>;
/// errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;&lt;Code&gt;&lt;Message&gt;</c>, then <c>RequestId</c>),
/// members in a shuffled order, some left out; then both sides read the same bytes and every value they give must
/// be equal: credentials (keys, token, expiration), the assumed role user, the packed policy size, the source
/// identity, the web identity members, the caller identity; for errors the exception type (by name: the modelled one
/// for the operation's error codes, the service's base exception for any other), the code, the message, the status
/// and the request id.
/// </summary>
internal static class StsResponses
{
    private static readonly (string Code, string Type)[] ErrorCodes =
    {
        ("MalformedPolicyDocument", "MalformedPolicyDocumentException"),
        ("PackedPolicyTooLarge", "PackedPolicyTooLargeException"),
        ("RegionDisabledException", "RegionDisabledException"),
        ("ExpiredTokenException", "ExpiredTokenException"),
        ("IDPRejectedClaim", "IDPRejectedClaimException"),
        ("IDPCommunicationError", "IDPCommunicationErrorException"),
        ("InvalidIdentityToken", "InvalidIdentityTokenException"),
    };

    /// <summary>The errors each operation lists in the model (by the names of their types).</summary>
    private static readonly Dictionary<string, string[]> OperationErrors = new()
    {
        ["AssumeRole"] = new[] { "MalformedPolicyDocumentException", "PackedPolicyTooLargeException", "RegionDisabledException", "ExpiredTokenException" },
        ["AssumeRoleWithWebIdentity"] = new[] { "MalformedPolicyDocumentException", "PackedPolicyTooLargeException", "IDPRejectedClaimException", "IDPCommunicationErrorException", "InvalidIdentityTokenException", "ExpiredTokenException", "RegionDisabledException" },
        ["GetCallerIdentity"] = Array.Empty<string>(),
        ["GetSessionToken"] = new[] { "RegionDisabledException" },
    };

    public static IReadOnlyList<string> Success(string operation, Gen g)
    {
        var members = new List<(string Name, string Xml)>();
        var result = operation switch
        {
            "AssumeRole" => AssumeRoleMembers(g, members, webIdentity: false),
            "AssumeRoleWithWebIdentity" => AssumeRoleMembers(g, members, webIdentity: true),
            "GetCallerIdentity" => CallerIdentityMembers(g, members),
            "GetSessionToken" => SessionTokenMembers(g, members),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
        var body = Encoding.UTF8.GetBytes(
            $"<{operation}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <{operation}Result>"
            + string.Concat(members.OrderBy(_ => g.Next(1000)).Select(m => "\n    " + m.Xml))
            + $"\n  </{operation}Result>\n  <ResponseMetadata>\n    <RequestId>{RequestId(g)}</RequestId>\n  </ResponseMetadata>\n</{operation}Response>\n");
        var response = new CannedResponse(200, new Dictionary<string, string> { ["Content-Type"] = "text/xml" }, body);

        var (sdk, ours) = operation switch
        {
            "AssumeRole" => (
                Describe(Unmarshall<SdkModel.AssumeRoleResponse>(SdkWireForms.AssumeRoleResponseUnmarshaller.Instance, response)),
                Describe(STSOperations.AssumeRole.DeserializeResponse(response.ToOurs()))),
            "AssumeRoleWithWebIdentity" => (
                Describe(Unmarshall<SdkModel.AssumeRoleWithWebIdentityResponse>(SdkWireForms.AssumeRoleWithWebIdentityResponseUnmarshaller.Instance, response)),
                Describe(STSOperations.AssumeRoleWithWebIdentity.DeserializeResponse(response.ToOurs()))),
            "GetCallerIdentity" => (
                Describe(Unmarshall<SdkModel.GetCallerIdentityResponse>(SdkWireForms.GetCallerIdentityResponseUnmarshaller.Instance, response)),
                Describe(STSOperations.GetCallerIdentity.DeserializeResponse(response.ToOurs()))),
            _ => (
                Describe(Unmarshall<SdkModel.GetSessionTokenResponse>(SdkWireForms.GetSessionTokenResponseUnmarshaller.Instance, response)),
                Describe(STSOperations.GetSessionToken.DeserializeResponse(response.ToOurs()))),
        };
        return Differences(sdk, ours, result, Encoding.UTF8.GetString(body));
    }

    public static IReadOnlyList<string> Error(string operation, Gen g)
    {
        var (code, _) = g.Chance(0.8) ? g.Pick(ErrorCodes) : ("Throttling" + g.Next(10), "");
        var status = g.Pick(400, 403, 500, 503);
        var message = g.Maybe(() => XmlText(g));
        var requestId = RequestId(g);
        var body = Encoding.UTF8.GetBytes(
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n    <Type>" + g.Pick("Sender", "Receiver") + "</Type>\n    <Code>" + code + "</Code>\n"
            + (message is null ? "" : "    <Message>" + SecurityElement.Escape(message) + "</Message>\n")
            + "  </Error>\n  <RequestId>" + requestId + "</RequestId>\n</ErrorResponse>\n");
        var response = new CannedResponse(status, new Dictionary<string, string> { ["Content-Type"] = "text/xml" }, body);

        XmlResponseUnmarshaller unmarshaller = operation switch
        {
            "AssumeRole" => SdkWireForms.AssumeRoleResponseUnmarshaller.Instance,
            "AssumeRoleWithWebIdentity" => SdkWireForms.AssumeRoleWithWebIdentityResponseUnmarshaller.Instance,
            "GetCallerIdentity" => SdkWireForms.GetCallerIdentityResponseUnmarshaller.Instance,
            _ => SdkWireForms.GetSessionTokenResponseUnmarshaller.Instance,
        };
        var sdkError = unmarshaller.UnmarshallException(Context(response, isException: true), null, (HttpStatusCode)status);
        AwsServiceException ourError = operation switch
        {
            "AssumeRole" => STSOperations.AssumeRole.DeserializeError(response.ToOurs()),
            "AssumeRoleWithWebIdentity" => STSOperations.AssumeRoleWithWebIdentity.DeserializeError(response.ToOurs()),
            "GetCallerIdentity" => STSOperations.GetCallerIdentity.DeserializeError(response.ToOurs()),
            _ => STSOperations.GetSessionToken.DeserializeError(response.ToOurs()),
        };

        // The SDK's base exception for STS and ours have different names; every modelled error has the same name on both sides.
        var sdkType = sdkError.GetType().Name == "AmazonSecurityTokenServiceException" ? "(base)" : sdkError.GetType().Name;
        var ourType = ourError.GetType().Name == nameof(STSException) ? "(base)" : ourError.GetType().Name;
        if (sdkType == "(base)" && !OperationErrors[operation].Contains(ourType) && ErrorCodes.Any(e => e.Code == code && e.Type == ourType))
        {
            // An error of the service that this operation does not list: the SDK's unmarshaller knows only the
            // operation's errors, ours dispatches on every error of the service (for every protocol), so it is the
            // modelled type the code names. The one intended difference; its code, message and ids are still compared.
            ourType = "(base)";
        }

        // Without a message (no Message element, or an empty one) the SDK makes one up ("The service returned an error with Error Code ... and HTTP
        // Body: ..."); ours has none. The one normalisation of the message.
        var sdkMessage = string.IsNullOrEmpty(message) && sdkError.Message?.StartsWith("The service returned an error with Error Code", StringComparison.Ordinal) == true ? "" : sdkError.Message ?? "";
        var sdk = new[] { "type " + sdkType, "code " + sdkError.ErrorCode, "message " + sdkMessage, "status " + (int)sdkError.StatusCode, "request id " + sdkError.RequestId };
        var ours = new[] { "type " + ourType, "code " + ourError.ErrorCode, "message " + (ourError.ErrorMessage ?? ""), "status " + ourError.StatusCode, "request id " + ourError.RequestId };
        return Differences(sdk, ours, "error", Encoding.UTF8.GetString(body));
    }

    private static string AssumeRoleMembers(Gen g, List<(string Name, string Xml)> members, bool webIdentity)
    {
        members.Add(("Credentials", CredentialsXml(g)));
        if (g.Chance(0.8))
        {
            members.Add(("AssumedRoleUser", "<AssumedRoleUser><AssumedRoleId>" + Escaped(g) + "</AssumedRoleId><Arn>" + Escaped(g) + "</Arn></AssumedRoleUser>"));
        }

        if (g.Chance(0.6))
        {
            members.Add(("PackedPolicySize", "<PackedPolicySize>" + g.Next(0, 100) + "</PackedPolicySize>"));
        }

        if (g.Chance(0.5))
        {
            members.Add(("SourceIdentity", "<SourceIdentity>" + Escaped(g) + "</SourceIdentity>"));
        }

        if (webIdentity)
        {
            foreach (var name in new[] { "SubjectFromWebIdentityToken", "Provider", "Audience" }.Where(_ => g.Chance(0.7)))
            {
                members.Add((name, $"<{name}>{Escaped(g)}</{name}>"));
            }
        }

        return webIdentity ? "AssumeRoleWithWebIdentity" : "AssumeRole";
    }

    private static string CallerIdentityMembers(Gen g, List<(string Name, string Xml)> members)
    {
        foreach (var name in new[] { "UserId", "Account", "Arn" }.Where(_ => g.Chance(0.8)))
        {
            members.Add((name, $"<{name}>{Escaped(g)}</{name}>"));
        }

        return "GetCallerIdentity";
    }

    private static string SessionTokenMembers(Gen g, List<(string Name, string Xml)> members)
    {
        if (g.Chance(0.9))
        {
            members.Add(("Credentials", CredentialsXml(g)));
        }

        return "GetSessionToken";
    }

    private static string CredentialsXml(Gen g)
    {
        var expiration = DateTimeOffset.FromUnixTimeSeconds(g.Next(1_500_000_000, 2_000_000_000)).AddMilliseconds(g.Chance(0.3) ? g.Next(1, 1000) : 0);
        var text = expiration.UtcTicks % TimeSpan.TicksPerSecond == 0
            ? expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var parts = new[]
        {
            "<AccessKeyId>ASIA" + Escaped(g) + "</AccessKeyId>",
            "<SecretAccessKey>" + Escaped(g) + "</SecretAccessKey>",
            "<SessionToken>" + Convert.ToBase64String(g.Bytes()) + "</SessionToken>",
            "<Expiration>" + text + "</Expiration>",
        };
        return "<Credentials>" + string.Concat(parts.OrderBy(_ => g.Next(1000))) + "</Credentials>";
    }

    /// <summary>A request id as STS writes them (a GUID), drawn from the seed.</summary>
    private static string RequestId(Gen g) => new Guid(g.Bytes().Concat(new byte[16]).Take(16).ToArray()).ToString();

    /// <summary>Any text XML 1.0 can hold (the generator's strings without the characters XML forbids), escaped.</summary>
    private static string Escaped(Gen g) => SecurityElement.Escape(XmlText(g))!;

    private static string XmlText(Gen g) => new(g.String().Where(XmlConvert.IsXmlChar).Where(c => c != '\r').ToArray());

    private static T Unmarshall<T>(XmlResponseUnmarshaller unmarshaller, CannedResponse response)
        where T : AmazonWebServiceResponse =>
        (T)unmarshaller.Unmarshall(Context(response, isException: false));

    private static XmlUnmarshallerContext Context(CannedResponse response, bool isException) =>
        new(new MemoryStream(response.Body, writable: false), false, SdkWire.WebResponse(response), isException);

    private static IReadOnlyList<string> Differences(IReadOnlyList<string> sdk, IReadOnlyList<string> ours, string what, string body)
    {
        var differences = sdk.Zip(ours, (s, o) => s == o ? null : $"{what}: SDK {s}, ours {o}").Where(d => d is not null).Select(d => d!).ToList();
        if (sdk.Count != ours.Count)
        {
            differences.Add($"{what}: the SDK gives {sdk.Count} values, ours {ours.Count}");
        }

        if (differences.Count > 0)
        {
            differences.Add("body: " + body);
        }

        return differences;
    }

    private static string Time(DateTime? value) =>
        value is { } time ? new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime()).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : "(none)";

    private static string Time(DateTimeOffset? value) =>
        value is { } time ? time.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) : "(none)";

    private static string Show(string? value) => value is null ? "(none)" : "\"" + value + "\"";

    private static string Show(int? value) => value is null ? "(none)" : value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Describe(SdkModel.Credentials? c) => c is null
        ? new[] { "credentials (none)" }
        : new[] { "access key " + Show(c.AccessKeyId), "secret " + Show(c.SecretAccessKey), "token " + Show(c.SessionToken), "expiration " + Time(c.Expiration) };

    private static IReadOnlyList<string> Describe(OurCredentials? c) => c is null
        ? new[] { "credentials (none)" }
        : new[] { "access key " + Show(c.AccessKeyId), "secret " + Show(c.SecretAccessKey), "token " + Show(c.SessionToken), "expiration " + Time(c.Expiration) };

    private static IReadOnlyList<string> Describe(SdkModel.AssumeRoleResponse r) =>
        Describe(r.Credentials).Concat(new[] { "role id " + Show(r.AssumedRoleUser?.AssumedRoleId), "role arn " + Show(r.AssumedRoleUser?.Arn), "packed " + Show(r.PackedPolicySize), "source " + Show(r.SourceIdentity) }).ToList();

    private static IReadOnlyList<string> Describe(AssumeRoleResponse r) =>
        Describe(r.Credentials).Concat(new[] { "role id " + Show(r.AssumedRoleUser?.AssumedRoleId), "role arn " + Show(r.AssumedRoleUser?.Arn), "packed " + Show(r.PackedPolicySize), "source " + Show(r.SourceIdentity) }).ToList();

    private static IReadOnlyList<string> Describe(SdkModel.AssumeRoleWithWebIdentityResponse r) =>
        Describe(r.Credentials).Concat(new[] { "role id " + Show(r.AssumedRoleUser?.AssumedRoleId), "role arn " + Show(r.AssumedRoleUser?.Arn), "packed " + Show(r.PackedPolicySize), "source " + Show(r.SourceIdentity), "subject " + Show(r.SubjectFromWebIdentityToken), "provider " + Show(r.Provider), "audience " + Show(r.Audience) }).ToList();

    private static IReadOnlyList<string> Describe(AssumeRoleWithWebIdentityResponse r) =>
        Describe(r.Credentials).Concat(new[] { "role id " + Show(r.AssumedRoleUser?.AssumedRoleId), "role arn " + Show(r.AssumedRoleUser?.Arn), "packed " + Show(r.PackedPolicySize), "source " + Show(r.SourceIdentity), "subject " + Show(r.SubjectFromWebIdentityToken), "provider " + Show(r.Provider), "audience " + Show(r.Audience) }).ToList();

    private static IReadOnlyList<string> Describe(SdkModel.GetCallerIdentityResponse r) => new[] { "user " + Show(r.UserId), "account " + Show(r.Account), "arn " + Show(r.Arn) };

    private static IReadOnlyList<string> Describe(GetCallerIdentityResponse r) => new[] { "user " + Show(r.UserId), "account " + Show(r.Account), "arn " + Show(r.Arn) };

    private static IReadOnlyList<string> Describe(SdkModel.GetSessionTokenResponse r) => Describe(r.Credentials);

    private static IReadOnlyList<string> Describe(GetSessionTokenResponse r) => Describe(r.Credentials);
}
#endif

#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.Sts;
using SdkModel = Amazon.SecurityToken.Model;
using SdkWireForms = Amazon.SecurityToken.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests.Sts;

/// <summary>
/// STS (awsQuery) request cases, the four operations the credential chain needs: form bodies with <c>Action</c> and
/// <c>Version</c>, scalars (strings of any text, integers), lists of structures (<c>PolicyArns.member.N.arn</c>,
/// <c>Tags.member.N.Key</c>, <c>ProvidedContexts</c>), lists of strings (<c>TransitiveTagKeys.member.N</c>) and an
/// operation without members (<c>GetCallerIdentity</c>). Each case draws a neutral description from the seed, builds it
/// with the SDK's request type and with the generated one, and compares what the two serializers send
/// (<see cref="RequestComparison.CompareForm"/>; form bodies as their decoded pairs in any order, the SDK sorting them by name).
/// </summary>
internal static class StsRequests
{
    public static readonly string[] Operations = { "AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity", "GetSessionToken" };

    public static IReadOnlyList<string> Run(string operation, Gen g) => operation switch
    {
        "AssumeRole" => AssumeRole(g),
        "AssumeRoleWithWebIdentity" => AssumeRoleWithWebIdentity(g),
        "GetCallerIdentity" => GetCallerIdentity(),
        "GetSessionToken" => GetSessionToken(g),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private static IReadOnlyList<string> AssumeRole(Gen g)
    {
        var n = new
        {
            RoleArn = RoleArn(g),
            RoleSessionName = Text(g),
            PolicyArns = g.Maybe(() => g.List(() => RoleArn(g), 3)),
            Policy = g.Maybe(g.String),
            DurationSeconds = g.MaybeValue(() => g.Next(900, 43_201)),
            Tags = g.Maybe(() => g.List(() => (Key: Text(g), Value: g.String()), 3)),
            TransitiveTagKeys = g.Maybe(() => g.List(() => Text(g), 3)),
            ExternalId = g.Maybe(g.String),
            SerialNumber = g.Maybe(g.String),
            TokenCode = g.Maybe(() => g.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)),
            SourceIdentity = g.Maybe(g.String),
            ProvidedContexts = g.Maybe(() => g.List(() => (ProviderArn: g.Maybe(() => RoleArn(g)), ContextAssertion: g.Maybe(g.String)), 2)),
        };

        var sdk = new SdkModel.AssumeRoleRequest
        {
            RoleArn = n.RoleArn,
            RoleSessionName = n.RoleSessionName,
            PolicyArns = n.PolicyArns?.Select(a => new SdkModel.PolicyDescriptorType { Arn = a }).ToList(),
            Policy = n.Policy,
            DurationSeconds = n.DurationSeconds,
            Tags = n.Tags?.Select(t => new SdkModel.Tag { Key = t.Key, Value = t.Value }).ToList(),
            TransitiveTagKeys = n.TransitiveTagKeys,
            ExternalId = n.ExternalId,
            SerialNumber = n.SerialNumber,
            TokenCode = n.TokenCode,
            SourceIdentity = n.SourceIdentity,
            ProvidedContexts = n.ProvidedContexts?.Select(c => new SdkModel.ProvidedContext { ProviderArn = c.ProviderArn, ContextAssertion = c.ContextAssertion }).ToList(),
        };
        var ours = new AssumeRole(n.RoleArn, n.RoleSessionName)
            .WithPolicyArns(n.PolicyArns?.Select(a => new PolicyDescriptorType().WithArn(a)).ToList())
            .WithPolicy(n.Policy)
            .WithDurationSeconds(n.DurationSeconds)
            .WithTags(n.Tags?.Select(t => new Tag(t.Key, t.Value)).ToList())
            .WithTransitiveTagKeys(n.TransitiveTagKeys)
            .WithExternalId(n.ExternalId)
            .WithSerialNumber(n.SerialNumber)
            .WithTokenCode(n.TokenCode)
            .WithSourceIdentity(n.SourceIdentity)
            .WithProvidedContexts(n.ProvidedContexts?.Select(c => new ProvidedContext().WithProviderArn(c.ProviderArn).WithContextAssertion(c.ContextAssertion)).ToList());
        return RequestComparison.CompareForm(SdkWireForms.AssumeRoleRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> AssumeRoleWithWebIdentity(Gen g)
    {
        var n = new
        {
            RoleArn = RoleArn(g),
            RoleSessionName = Text(g),
            WebIdentityToken = Jwt(g),
            ProviderId = g.Maybe(() => g.Pick("www.amazon.com", "graph.facebook.com", g.String())),
            PolicyArns = g.Maybe(() => g.List(() => RoleArn(g), 3)),
            Policy = g.Maybe(g.String),
            DurationSeconds = g.MaybeValue(() => g.Next(900, 43_201)),
        };

        var sdk = new SdkModel.AssumeRoleWithWebIdentityRequest
        {
            RoleArn = n.RoleArn,
            RoleSessionName = n.RoleSessionName,
            WebIdentityToken = n.WebIdentityToken,
            ProviderId = n.ProviderId,
            PolicyArns = n.PolicyArns?.Select(a => new SdkModel.PolicyDescriptorType { Arn = a }).ToList(),
            Policy = n.Policy,
            DurationSeconds = n.DurationSeconds,
        };
        var ours = new AssumeRoleWithWebIdentity(n.RoleArn, n.RoleSessionName, n.WebIdentityToken)
            .WithProviderId(n.ProviderId)
            .WithPolicyArns(n.PolicyArns?.Select(a => new PolicyDescriptorType().WithArn(a)).ToList())
            .WithPolicy(n.Policy)
            .WithDurationSeconds(n.DurationSeconds);
        return RequestComparison.CompareForm(SdkWireForms.AssumeRoleWithWebIdentityRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> GetCallerIdentity() =>
        RequestComparison.CompareForm(SdkWireForms.GetCallerIdentityRequestMarshaller.Instance, new SdkModel.GetCallerIdentityRequest(), new GetCallerIdentity());

    private static IReadOnlyList<string> GetSessionToken(Gen g)
    {
        var n = new
        {
            DurationSeconds = g.MaybeValue(() => g.Next(900, 129_601)),
            SerialNumber = g.Maybe(() => "arn:aws:iam::" + g.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "000000:mfa/" + Text(g)),
            TokenCode = g.Maybe(() => g.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)),
        };

        var sdk = new SdkModel.GetSessionTokenRequest { DurationSeconds = n.DurationSeconds, SerialNumber = n.SerialNumber, TokenCode = n.TokenCode };
        var ours = new GetSessionToken().WithDurationSeconds(n.DurationSeconds).WithSerialNumber(n.SerialNumber).WithTokenCode(n.TokenCode);
        return RequestComparison.CompareForm(SdkWireForms.GetSessionTokenRequestMarshaller.Instance, sdk, ours);
    }

    /// <summary>A role ARN, or any string but the empty one.</summary>
    private static string RoleArn(Gen g) =>
        g.Chance(0.6) ? "arn:aws:iam::" + g.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "000000:role/" + Text(g) : Text(g);

    /// <summary>
    /// Any text but the empty string: the SDK refuses to marshal a request whose required member (or a required member
    /// of a list element) is empty, so there is nothing to compare with.
    /// </summary>
    private static string Text(Gen g)
    {
        var text = g.String();
        return text.Length == 0 ? "x" : text;
    }

    /// <summary>A token shaped like a JWT (base64url parts), or any non-empty text.</summary>
    private static string Jwt(Gen g) =>
        g.Chance(0.7)
            ? string.Join('.', Enumerable.Range(0, 3).Select(_ => Convert.ToBase64String(g.Bytes()).TrimEnd('=').Replace('+', '-').Replace('/', '_'))) + "x"
            : Text(g);
}
#endif

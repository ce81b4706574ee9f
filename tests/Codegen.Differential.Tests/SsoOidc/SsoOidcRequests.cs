#if CODEGEN_SHARED_MODELS
using System;
using System.Collections.Generic;
using Codegen.Differential.Tests.Infrastructure;
using Codegen.Testing;
using Generated.SsoOidc;
using SdkModel = Amazon.SSOOIDC.Model;
using SdkWireForms = Amazon.SSOOIDC.Model.Internal.MarshallTransformations;

namespace Codegen.Differential.Tests.SsoOidc;

/// <summary>
/// SSO OIDC (restJson1) request cases, every operation of the service: JSON bodies of strings and lists of strings
/// (<c>CreateToken</c>, <c>RegisterClient</c>, <c>StartDeviceAuthorization</c>) and a query literal in the URI
/// (<c>CreateTokenWithIAM</c> posts to <c>/token?aws_iam=t</c>). See <see cref="Sso.SsoRequests"/> for the method.
/// </summary>
internal static class SsoOidcRequests
{
    public static readonly string[] Operations = { "CreateToken", "CreateTokenWithIAM", "RegisterClient", "StartDeviceAuthorization" };

    /// <summary>The grant types the service documents, and sometimes any string.</summary>
    private static readonly string[] GrantTypes =
    {
        "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code",
        "urn:ietf:params:oauth:grant-type:jwt-bearer", "urn:ietf:params:oauth:grant-type:token-exchange",
    };

    public static IReadOnlyList<string> Run(string operation, Gen g) => operation switch
    {
        "CreateToken" => CreateToken(g),
        "CreateTokenWithIAM" => CreateTokenWithIam(g),
        "RegisterClient" => RegisterClient(g),
        "StartDeviceAuthorization" => StartDeviceAuthorization(g),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    private static IReadOnlyList<string> CreateToken(Gen g)
    {
        var n = new
        {
            ClientId = g.String(),
            ClientSecret = g.String(),
            GrantType = GrantType(g),
            DeviceCode = g.Maybe(g.String),
            Code = g.Maybe(g.String),
            RefreshToken = g.Maybe(g.String),
            Scope = g.Maybe(() => g.List(g.String)),
            RedirectUri = g.Maybe(g.String),
            CodeVerifier = g.Maybe(g.String),
        };

        var sdk = new SdkModel.CreateTokenRequest
        {
            ClientId = n.ClientId,
            ClientSecret = n.ClientSecret,
            GrantType = n.GrantType,
            DeviceCode = n.DeviceCode,
            Code = n.Code,
            RefreshToken = n.RefreshToken,
            Scope = To.List(n.Scope),
            RedirectUri = n.RedirectUri,
            CodeVerifier = n.CodeVerifier,
        };
        var ours = new CreateToken(n.ClientId, n.ClientSecret, n.GrantType)
            .WithDeviceCode(n.DeviceCode)
            .WithCode(n.Code)
            .WithRefreshToken(n.RefreshToken)
            .WithScope(To.List(n.Scope))
            .WithRedirectUri(n.RedirectUri)
            .WithCodeVerifier(n.CodeVerifier);
        return RequestComparison.Compare(SdkWireForms.CreateTokenRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> CreateTokenWithIam(Gen g)
    {
        var n = new
        {
            ClientId = g.String(),
            GrantType = GrantType(g),
            Code = g.Maybe(g.String),
            RefreshToken = g.Maybe(g.String),
            Assertion = g.Maybe(g.String),
            Scope = g.Maybe(() => g.List(g.String)),
            RedirectUri = g.Maybe(g.String),
            SubjectToken = g.Maybe(g.String),
            SubjectTokenType = g.Maybe(g.String),
            RequestedTokenType = g.Maybe(g.String),
            CodeVerifier = g.Maybe(g.String),
        };

        var sdk = new SdkModel.CreateTokenWithIAMRequest
        {
            ClientId = n.ClientId,
            GrantType = n.GrantType,
            Code = n.Code,
            RefreshToken = n.RefreshToken,
            Assertion = n.Assertion,
            Scope = To.List(n.Scope),
            RedirectUri = n.RedirectUri,
            SubjectToken = n.SubjectToken,
            SubjectTokenType = n.SubjectTokenType,
            RequestedTokenType = n.RequestedTokenType,
            CodeVerifier = n.CodeVerifier,
        };
        var ours = new CreateTokenWithIAM(n.ClientId, n.GrantType)
            .WithCode(n.Code)
            .WithRefreshToken(n.RefreshToken)
            .WithAssertion(n.Assertion)
            .WithScope(To.List(n.Scope))
            .WithRedirectUri(n.RedirectUri)
            .WithSubjectToken(n.SubjectToken)
            .WithSubjectTokenType(n.SubjectTokenType)
            .WithRequestedTokenType(n.RequestedTokenType)
            .WithCodeVerifier(n.CodeVerifier);
        return RequestComparison.Compare(SdkWireForms.CreateTokenWithIAMRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> RegisterClient(Gen g)
    {
        var n = new
        {
            ClientName = g.String(),
            ClientType = g.Chance(0.7) ? g.Pick("public", "confidential") : g.String(),
            Scopes = g.Maybe(() => g.List(g.String)),
            RedirectUris = g.Maybe(() => g.List(g.String)),
            GrantTypes = g.Maybe(() => g.List(() => GrantType(g))),
            IssuerUrl = g.Maybe(g.String),
            EntitledApplicationArn = g.Maybe(g.String),
        };

        var sdk = new SdkModel.RegisterClientRequest
        {
            ClientName = n.ClientName,
            ClientType = n.ClientType,
            Scopes = To.List(n.Scopes),
            RedirectUris = To.List(n.RedirectUris),
            GrantTypes = To.List(n.GrantTypes),
            IssuerUrl = n.IssuerUrl,
            EntitledApplicationArn = n.EntitledApplicationArn,
        };
        var ours = new RegisterClient(n.ClientName, n.ClientType)
            .WithScopes(To.List(n.Scopes))
            .WithRedirectUris(To.List(n.RedirectUris))
            .WithGrantTypes(To.List(n.GrantTypes))
            .WithIssuerUrl(n.IssuerUrl)
            .WithEntitledApplicationArn(n.EntitledApplicationArn);
        return RequestComparison.Compare(SdkWireForms.RegisterClientRequestMarshaller.Instance, sdk, ours);
    }

    private static IReadOnlyList<string> StartDeviceAuthorization(Gen g)
    {
        var n = new { ClientId = g.String(), ClientSecret = g.String(), StartUrl = g.Chance(0.5) ? "https://d-" + g.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".awsapps.com/start" : g.String() };

        var sdk = new SdkModel.StartDeviceAuthorizationRequest { ClientId = n.ClientId, ClientSecret = n.ClientSecret, StartUrl = n.StartUrl };
        var ours = new StartDeviceAuthorization(n.ClientId, n.ClientSecret, n.StartUrl);
        return RequestComparison.Compare(SdkWireForms.StartDeviceAuthorizationRequestMarshaller.Instance, sdk, ours);
    }

    private static string GrantType(Gen g) => g.Chance(0.8) ? g.Pick(GrantTypes) : g.String();
}
#endif

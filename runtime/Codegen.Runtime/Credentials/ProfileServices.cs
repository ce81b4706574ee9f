using System;
using System.Net.Http;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// What the profile and chain links call out to: STS, the IAM Identity Center endpoints and the HTTP client they
/// use, and how long a <c>credential_process</c> may run. <see cref="Default"/> is the real services; tests point
/// the endpoints at loopback servers and replace STS.
/// </summary>
internal sealed record ProfileServices
{
    /// <summary>The real services.</summary>
    public static ProfileServices Default { get; } = new();

    /// <summary>STS (AssumeRole, AssumeRoleWithWebIdentity).</summary>
    public IStsCredentialsClient Sts { get; init; } = UnavailableStsCredentialsClient.Instance;

    /// <summary>An endpoint replacing the regional IAM Identity Center portal (<c>portal.sso.{region}.amazonaws.com</c>), or <see langword="null"/>.</summary>
    public Uri? SsoServiceUrl { get; init; }

    /// <summary>An endpoint replacing the regional IAM Identity Center OIDC service (<c>oidc.{region}.amazonaws.com</c>), or <see langword="null"/>.</summary>
    public Uri? SsoOidcServiceUrl { get; init; }

    /// <summary>The HTTP client the SSO calls use; <see langword="null"/> lets each call's client create its own.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>How long a <c>credential_process</c> may run.</summary>
    public TimeSpan ProcessTimeout { get; init; } = ProcessCredentialsSource.DefaultTimeout;

    /// <summary>The ECS endpoint a relative container URI is a path on; <see langword="null"/> is <see cref="ContainerCredentialsSource.EcsEndpoint"/>.</summary>
    public Uri? EcsEndpoint { get; init; }

    /// <summary>A link for a profile's <c>role_arn</c> with <c>web_identity_token_file</c>.</summary>
    public IAwsCredentialsSource WebIdentity(AwsEnvironment environment, RoleSettings role, string tokenFile, AwsConfigSection profile) =>
        new WebIdentityCredentialsSource(role, tokenFile, Sts, StsRegion(environment, profile));

    /// <summary>A link for a profile's <c>role_arn</c> with <c>source_profile</c> or <c>credential_source</c>.</summary>
    public IAwsCredentialsSource AssumeRole(AwsEnvironment environment, RoleSettings role, IAwsCredentialsSource source, AwsConfigSection profile) =>
        new AssumeRoleCredentialsSource(role, source, Sts, StsRegion(environment, profile));

    /// <summary>The region STS is called in: the environment's, else the profile's, else none (the global endpoint).</summary>
    internal static string? StsRegion(AwsEnvironment environment, AwsConfigSection? profile) =>
        environment.GetVariable(DefaultRegionChain.RegionVariable)
        ?? environment.GetVariable(DefaultRegionChain.DefaultRegionVariable)
        ?? profile?["region"];
}

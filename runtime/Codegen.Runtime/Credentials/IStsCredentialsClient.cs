using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// The two AWS STS calls of the credential chain: AssumeRole (a profile's <c>role_arn</c> with
/// <c>source_profile</c> or <c>credential_source</c>) and AssumeRoleWithWebIdentity (<c>AWS_WEB_IDENTITY_TOKEN_FILE</c>,
/// a profile's <c>web_identity_token_file</c>). The links do everything else themselves (reading the token file,
/// the source credentials, caching); this is only the call.
/// </summary>
internal interface IStsCredentialsClient
{
    /// <summary>STS AssumeRole, signed with <paramref name="sourceCredentials"/>.</summary>
    /// <exception cref="AwsCredentialsException">STS refused or cannot be reached.</exception>
    ValueTask<AwsCredentials> AssumeRoleAsync(RoleSettings role, AwsCredentials sourceCredentials, string? region, CancellationToken cancellationToken);

    /// <summary>STS AssumeRoleWithWebIdentity (unsigned) with the OIDC token <paramref name="webIdentityToken"/>.</summary>
    /// <exception cref="AwsCredentialsException">STS refused or cannot be reached.</exception>
    ValueTask<AwsCredentials> AssumeRoleWithWebIdentityAsync(RoleSettings role, string webIdentityToken, string? region, CancellationToken cancellationToken);
}

/// <summary>
/// Stands in for STS until the runtime calls it: the generator writes STS's protocol (awsQuery), but no STS client is
/// wired into the chain yet (it would be one over a generated STS client, as the SSO link has), so the two links that
/// need it fail with a message that says so (and what to use instead) rather than with a protocol error.
/// </summary>
internal sealed class UnavailableStsCredentialsClient : IStsCredentialsClient
{
    public static readonly UnavailableStsCredentialsClient Instance = new();

    public ValueTask<AwsCredentials> AssumeRoleAsync(RoleSettings role, AwsCredentials sourceCredentials, string? region, CancellationToken cancellationToken) =>
        throw Unavailable("AssumeRole", "role_arn with source_profile or credential_source");

    public ValueTask<AwsCredentials> AssumeRoleWithWebIdentityAsync(RoleSettings role, string webIdentityToken, string? region, CancellationToken cancellationToken) =>
        throw Unavailable("AssumeRoleWithWebIdentity", "AWS_WEB_IDENTITY_TOKEN_FILE or web_identity_token_file");

    private static AwsCredentialsException Unavailable(string operation, string setting) =>
        new("Assuming a role (" + setting + ") needs AWS STS " + operation + ", which this version of Codegen.Runtime cannot call yet "
            + "(no STS client is wired into the credential chain yet). Use static keys, sso_session, credential_process, or container or instance credentials, "
            + "or pass an IAwsCredentialsSource of your own in AwsClientOptions.Credentials.");
}

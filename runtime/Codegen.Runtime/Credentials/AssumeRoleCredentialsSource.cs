using System;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Credentials of a role assumed with STS AssumeRole, signed with the credentials of another source (a profile's
/// <c>source_profile</c> or <c>credential_source</c>). Each call assumes the role again: wrap it in a
/// <see cref="CachingCredentialsSource"/> (the default chain does) to keep the session until it nears expiry.
/// </summary>
internal sealed class AssumeRoleCredentialsSource : IAwsCredentialsSource
{
    private readonly RoleSettings role;
    private readonly IAwsCredentialsSource source;
    private readonly IStsCredentialsClient sts;
    private readonly string? region;

    public AssumeRoleCredentialsSource(RoleSettings role, IAwsCredentialsSource source, IStsCredentialsClient sts, string? region)
    {
        this.role = role ?? throw new ArgumentNullException(nameof(role));
        this.source = source ?? throw new ArgumentNullException(nameof(source));
        this.sts = sts ?? throw new ArgumentNullException(nameof(sts));
        this.region = region;
    }

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var sourceCredentials = await source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return await sts.AssumeRoleAsync(role, sourceCredentials, region, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The role and the source; no secret.</summary>
    public override string ToString() => "AssumeRoleCredentialsSource(" + role.RoleArn + " from " + source + ")";
}

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Credentials for an OIDC web identity token (EKS IAM roles for service accounts, GitHub Actions and the like):
/// the token file is read on every refresh (the platform rotates it), then STS AssumeRoleWithWebIdentity exchanges
/// it for the role's credentials. From <c>AWS_WEB_IDENTITY_TOKEN_FILE</c>, <c>AWS_ROLE_ARN</c> and
/// <c>AWS_ROLE_SESSION_NAME</c>, or a profile's <c>web_identity_token_file</c> and <c>role_arn</c>.
/// </summary>
internal sealed class WebIdentityCredentialsSource : IAwsCredentialsSource
{
    /// <summary>The variable naming the token file.</summary>
    public const string TokenFileVariable = "AWS_WEB_IDENTITY_TOKEN_FILE";

    /// <summary>The variable holding the role's ARN.</summary>
    public const string RoleArnVariable = "AWS_ROLE_ARN";

    /// <summary>The variable holding the session name.</summary>
    public const string SessionNameVariable = "AWS_ROLE_SESSION_NAME";

    /// <summary>A token file larger than this is refused (an OIDC token is a few kilobytes).</summary>
    private const long MaximumTokenBytes = 64 * 1024;

    private readonly RoleSettings role;
    private readonly string tokenFile;
    private readonly IStsCredentialsClient sts;
    private readonly string? region;

    public WebIdentityCredentialsSource(RoleSettings role, string tokenFile, IStsCredentialsClient sts, string? region)
    {
        this.role = role ?? throw new ArgumentNullException(nameof(role));
        this.tokenFile = tokenFile ?? throw new ArgumentNullException(nameof(tokenFile));
        this.sts = sts ?? throw new ArgumentNullException(nameof(sts));
        this.region = region;
    }

    /// <summary>The token file read.</summary>
    public string TokenFile => tokenFile;

    /// <summary>The role assumed.</summary>
    public RoleSettings Role => role;

    /// <summary>
    /// The chain's link: the source the variables describe, or <see langword="null"/> when <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> is not set.
    /// </summary>
    /// <exception cref="AwsCredentialsException">The token file is set but the role ARN is not.</exception>
    public static WebIdentityCredentialsSource? FromEnvironment(AwsEnvironment environment, IStsCredentialsClient sts, string? region)
    {
        if (environment.GetVariable(TokenFileVariable) is not { } file)
        {
            return null;
        }

        var roleArn = environment.GetVariable(RoleArnVariable)
            ?? throw new AwsCredentialsException(TokenFileVariable + " is set but " + RoleArnVariable + " is not: web identity credentials need the role to assume.");
        var role = new RoleSettings(roleArn, environment.GetVariable(SessionNameVariable) ?? RoleSettings.DefaultSessionName(environment.TimeProvider));
        return new WebIdentityCredentialsSource(role, environment.ExpandPath(file), sts, region);
    }

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        return await sts.AssumeRoleWithWebIdentityAsync(role, ReadToken(), region, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The role and the file; never the token.</summary>
    public override string ToString() => "WebIdentityCredentialsSource(" + role.RoleArn + ", " + tokenFile + ")";

    private string ReadToken()
    {
        string text;
        try
        {
            var info = new FileInfo(tokenFile);
            if (!info.Exists)
            {
                throw new AwsCredentialsException("The web identity token file '" + tokenFile + "' does not exist.");
            }

            if (info.Length > MaximumTokenBytes)
            {
                throw new AwsCredentialsException("The web identity token file '" + tokenFile + "' is larger than 64 KiB; it is not read.");
            }

            text = File.ReadAllText(tokenFile).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsCredentialsException("The web identity token file '" + tokenFile + "' cannot be read (" + e.GetType().Name + ").", e);
        }

        return text.Length > 0 ? text : throw new AwsCredentialsException("The web identity token file '" + tokenFile + "' is empty.");
    }
}

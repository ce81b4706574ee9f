using System;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Auth;

/// <summary>
/// Reads credentials from the environment variables <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and,
/// optionally, <c>AWS_SESSION_TOKEN</c>. The variables are read on every call, so rotated values are picked up.
/// Empty values count as unset.
/// </summary>
public sealed class EnvironmentCredentialsSource : IAwsCredentialsSource
{
    /// <summary>The variable holding the access key id.</summary>
    public const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";

    /// <summary>The variable holding the secret access key.</summary>
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";

    /// <summary>The variable holding the session token of temporary credentials.</summary>
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    private readonly Func<string, string?> getVariable;

    /// <summary>Reads the process environment.</summary>
    public EnvironmentCredentialsSource()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Reads variables through <paramref name="getVariable"/> (for tests and custom environments).</summary>
    /// <param name="getVariable">Returns the value of the named variable, or <see langword="null"/>.</param>
    public EnvironmentCredentialsSource(Func<string, string?> getVariable) =>
        this.getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The key id or the secret variable is unset.</exception>
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var keyId = getVariable(AccessKeyIdVariable);
        var secret = getVariable(SecretAccessKeyVariable);
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw new AwsCredentialsException("No AWS credentials: the environment variable " + AccessKeyIdVariable + " is not set.");
        }

        if (string.IsNullOrEmpty(secret))
        {
            throw new AwsCredentialsException("No AWS credentials: the environment variable " + SecretAccessKeyVariable + " is not set.");
        }

        return new ValueTask<AwsCredentials>(new AwsCredentials(keyId.Trim(), secret, getVariable(SessionTokenVariable)));
    }

    /// <summary>Names the source.</summary>
    public override string ToString() => "EnvironmentCredentialsSource";
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Auth;

/// <summary>A credentials source that always returns the same credentials.</summary>
public sealed class StaticCredentialsSource : IAwsCredentialsSource
{
    private readonly AwsCredentials credentials;

    /// <summary>Wraps fixed credentials.</summary>
    public StaticCredentialsSource(AwsCredentials credentials) =>
        this.credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));

    /// <summary>Wraps a fixed key pair and optional session token.</summary>
    public StaticCredentialsSource(string accessKeyId, string secretAccessKey, string? sessionToken = null)
        : this(new AwsCredentials(accessKeyId, secretAccessKey, sessionToken))
    {
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<AwsCredentials>(credentials);
    }

    /// <summary>Describes the source without secrets.</summary>
    public override string ToString() => "StaticCredentialsSource(" + AwsCredentials.MaskKeyId(credentials.AccessKeyId) + ")";
}

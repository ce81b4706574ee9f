using System;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// The credentials of the IAM role attached to the EC2 instance, from the instance metadata service (IMDSv2):
/// the role's name from <c>/latest/meta-data/iam/security-credentials/</c>, then its credentials from
/// <c>/latest/meta-data/iam/security-credentials/{role}</c> (<c>Code</c> must be <c>Success</c>).
/// The last link of the default chain: off with <c>AWS_EC2_METADATA_DISABLED=true</c>.
/// </summary>
public sealed class InstanceMetadataCredentialsSource : IAwsCredentialsSource, IDisposable
{
    internal const string CredentialsPath = "latest/meta-data/iam/security-credentials/";

    private readonly InstanceMetadataClient client;

    /// <summary>Asks the service described by <paramref name="options"/>.</summary>
    /// <param name="options">Endpoint, timeout, attempts; <see langword="null"/> means the defaults.</param>
    /// <param name="timeProvider">The clock of the timeouts; <see langword="null"/> is <see cref="TimeProvider.System"/>.</param>
    public InstanceMetadataCredentialsSource(InstanceMetadataOptions? options = null, TimeProvider? timeProvider = null)
        : this(new InstanceMetadataClient(options ?? new InstanceMetadataOptions(), timeProvider ?? TimeProvider.System))
    {
    }

    internal InstanceMetadataCredentialsSource(InstanceMetadataClient client) => this.client = client;

    /// <summary>The chain's link: the service as the environment and profile configure it.</summary>
    internal static InstanceMetadataCredentialsSource FromEnvironment(AwsEnvironment environment, AwsConfigSection? profile) =>
        new(InstanceMetadataOptions.FromEnvironment(environment, profile), environment.TimeProvider);

    /// <summary>Whether the service may be asked.</summary>
    public bool Enabled => client.Options.Enabled;

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The service is disabled, unreachable, slow, has no role, or answers with something unusable.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var roles = await client.GetAsync(CredentialsPath, synchronous: false, cancellationToken).ConfigureAwait(false);
        var role = FirstLine(roles);
        if (role is null)
        {
            throw new AwsCredentialsException(client.Description + " lists no IAM role: the instance has no instance profile.");
        }

        if (role.AsSpan().IndexOfAny("/?#%") >= 0)
        {
            throw new AwsCredentialsException(client.Description + " returned a role name that cannot be a path segment.");
        }

        var text = await client.GetAsync(CredentialsPath + role, synchronous: false, cancellationToken).ConfigureAwait(false);
        var source = client.Description + " (role " + role + ")";
        using var document = CredentialsJson.Parse(System.Text.Encoding.UTF8.GetBytes(text), source);
        var code = CredentialsJson.String(document.RootElement, "Code", source, required: false);
        if (code is not null && code != "Success")
        {
            throw new AwsCredentialsException(source + " reported Code '" + code + "' instead of Success.");
        }

        return CredentialsJson.Read(document.RootElement, "Token", source);
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => client.Dispose();

    /// <summary>Names the endpoint.</summary>
    public override string ToString() => "InstanceMetadataCredentialsSource(" + Http.UrlText.Safe(client.Options.Endpoint) + ")";

    private static string? FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                return trimmed;
            }
        }

        return null;
    }
}

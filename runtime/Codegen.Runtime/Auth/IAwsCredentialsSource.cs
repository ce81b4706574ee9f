using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Auth;

/// <summary>
/// Supplies the credentials requests are signed with. The client asks once per attempt, so a source may
/// refresh or rotate credentials between calls.
/// </summary>
public interface IAwsCredentialsSource
{
    /// <summary>Returns the credentials to sign the next request with.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="AwsCredentialsException">No credentials are available.</exception>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}

using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Credentials;

/// <summary>
/// Credentials from the container credentials endpoint: Amazon ECS task roles
/// (<c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c>, a path on <c>http://169.254.170.2</c>) and EKS Pod Identity or
/// other agents (<c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>), with the authorization token from
/// <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c> (read on every request, so a rotated token is seen) or
/// <c>AWS_CONTAINER_AUTHORIZATION_TOKEN</c>.
/// </summary>
/// <remarks>
/// A full URI must be https, or http to a loopback address (<c>127.0.0.0/8</c>, <c>::1</c>, <c>localhost</c>) or to
/// the ECS and EKS link-local addresses (<c>169.254.170.2</c>, <c>169.254.170.23</c>, <c>fd00:ec2::23</c>); any
/// other http host is refused, since the token and the credentials would cross the network in clear text.
/// </remarks>
public sealed class ContainerCredentialsSource : IAwsCredentialsSource, IDisposable
{
    /// <summary>The variable holding a path on the ECS endpoint.</summary>
    public const string RelativeUriVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

    /// <summary>The variable holding a full URL.</summary>
    public const string FullUriVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

    /// <summary>The variable holding the authorization token.</summary>
    public const string TokenVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

    /// <summary>The variable naming a file holding the authorization token (wins over <see cref="TokenVariable"/>).</summary>
    public const string TokenFileVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

    /// <summary>The ECS credentials endpoint that a relative URI is a path on.</summary>
    public static readonly Uri EcsEndpoint = new("http://169.254.170.2/");

    private readonly Uri uri;
    private readonly string? token;
    private readonly string? tokenFile;
    private readonly TimeSpan timeout;
    private readonly TimeProvider timeProvider;
    private readonly MetadataHttp http;

    /// <summary>Asks <paramref name="uri"/>, sending <paramref name="authorizationToken"/> or the content of <paramref name="authorizationTokenFile"/>.</summary>
    /// <param name="uri">The endpoint: https, or http to an allowed host (see the remarks).</param>
    /// <param name="authorizationToken">The <c>Authorization</c> header value, or <see langword="null"/>.</param>
    /// <param name="authorizationTokenFile">A file holding it (read on each request; wins over <paramref name="authorizationToken"/>), or <see langword="null"/>.</param>
    /// <param name="timeout">The time one request may take; default 2 seconds.</param>
    /// <param name="timeProvider">The clock of the timeout; <see langword="null"/> is <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="AwsCredentialsException">The URI is not allowed.</exception>
    public ContainerCredentialsSource(Uri uri, string? authorizationToken = null, string? authorizationTokenFile = null, TimeSpan? timeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        CheckAllowed(uri);
        this.uri = uri;
        token = string.IsNullOrWhiteSpace(authorizationToken) ? null : authorizationToken.Trim();
        tokenFile = string.IsNullOrWhiteSpace(authorizationTokenFile) ? null : authorizationTokenFile;
        this.timeout = timeout ?? TimeSpan.FromSeconds(2);
        this.timeProvider = timeProvider ?? TimeProvider.System;
        http = new MetadataHttp(this.timeout);
    }

    /// <summary>The endpoint asked.</summary>
    public Uri Uri => uri;

    /// <summary>
    /// The chain's link: the source the variables describe, or <see langword="null"/> when neither URI variable is
    /// set. <paramref name="ecsEndpoint"/> replaces <see cref="EcsEndpoint"/> (tests).
    /// </summary>
    /// <exception cref="AwsCredentialsException">A URI is malformed or not allowed.</exception>
    internal static ContainerCredentialsSource? FromEnvironment(AwsEnvironment environment, Uri? ecsEndpoint = null)
    {
        Uri? target = null;
        if (environment.GetVariable(RelativeUriVariable) is { } relative)
        {
            if (!relative.StartsWith('/') || !Uri.TryCreate(ecsEndpoint ?? EcsEndpoint, relative, out target))
            {
                throw new AwsCredentialsException(RelativeUriVariable + " must be a path starting with '/'.");
            }
        }
        else if (environment.GetVariable(FullUriVariable) is { } full)
        {
            if (!Uri.TryCreate(full, UriKind.Absolute, out target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                throw new AwsCredentialsException(FullUriVariable + " must be an absolute http or https URL.");
            }
        }

        if (target is null)
        {
            return null;
        }

        var tokenFile = environment.GetVariable(TokenFileVariable);
        return new ContainerCredentialsSource(
            target,
            environment.GetVariable(TokenVariable),
            tokenFile is null ? null : environment.ExpandPath(tokenFile),
            timeProvider: environment.TimeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="AwsCredentialsException">The endpoint cannot be reached, is slow, refuses, or answers with something unusable.</exception>
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var description = "The container credentials endpoint " + uri.GetLeftPart(UriPartial.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (ReadToken() is { } authorization)
        {
            if (authorization.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new AwsCredentialsException("The container authorization token holds a line break; it cannot be sent as a header.");
            }

            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        MetadataResponse response;
        try
        {
            response = await http.SendAsync(request, timeout, timeProvider, synchronous: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new AwsCredentialsException(
                description + (e is TimeoutException ? " did not answer within " + timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms." : " could not be reached (" + e.Message + ")."), e);
        }

        if (!response.IsSuccess)
        {
            throw new AwsCredentialsException(description + " answered HTTP " + response.Status.ToString(CultureInfo.InvariantCulture)
                + (response.Status is 401 or 403 ? " (the authorization token was refused)." : "."));
        }

        using var document = CredentialsJson.Parse(response.Body, description);
        return CredentialsJson.Read(document.RootElement, "Token", description);
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => http.Dispose();

    /// <summary>Names the endpoint, never the token.</summary>
    public override string ToString() => "ContainerCredentialsSource(" + Http.UrlText.Safe(uri) + ")";

    /// <summary>Refuses http to a host that is neither loopback nor the ECS/EKS link-local endpoints.</summary>
    internal static void CheckAllowed(Uri uri)
    {
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new AwsCredentialsException("The container credentials endpoint must be http or https, not " + uri.Scheme + ".");
        }

        if (uri.IsLoopback)
        {
            return; // localhost, 127.0.0.0/8, ::1
        }

        if (IPAddress.TryParse(uri.DnsSafeHost, out var address)
            && (address.Equals(IPAddress.Parse("169.254.170.2")) || address.Equals(IPAddress.Parse("169.254.170.23")) || address.Equals(IPAddress.Parse("fd00:ec2::23"))))
        {
            return;
        }

        throw new AwsCredentialsException(
            "The container credentials endpoint host '" + uri.Host + "' is not allowed over http: use https, a loopback address, "
            + "or the ECS or EKS endpoints 169.254.170.2, 169.254.170.23 and fd00:ec2::23.");
    }

    private string? ReadToken()
    {
        if (tokenFile is null)
        {
            return token;
        }

        try
        {
            return File.ReadAllText(tokenFile).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsCredentialsException("The container authorization token file named by " + TokenFileVariable + " cannot be read (" + e.GetType().Name + ").");
        }
    }
}

using System.Net.Http;
using System.Reflection;

namespace Codegen.Runtime.Client;

/// <summary>
/// Keeps signed requests from following redirects. A .NET handler that follows one sends the same request to the
/// host the <c>Location</c> header names: it drops <c>Authorization</c>, but keeps <c>X-Amz-Security-Token</c>,
/// <c>X-Amz-Date</c>, the target and the body. The client's own HttpClient never follows redirects; a supplied one
/// that would is refused when the client is created, and a redirect followed by a handler this cannot inspect fails
/// the call (it cannot take back what was sent, so such a handler is the caller's to configure).
/// </summary>
internal static class RedirectGuard
{
    // HttpClient keeps its handler in HttpMessageInvoker's private field; there is no public way to reach it. When a
    // future .NET renames it, the check says "cannot tell" and the response check still applies.
    private static readonly FieldInfo? HandlerField =
        typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>
    /// Whether <paramref name="client"/>'s handler chain ends in a handler that follows redirects: <see langword="true"/>
    /// or <see langword="false"/> when it ends in <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>,
    /// <see langword="null"/> when it cannot be told (another handler type).
    /// </summary>
    public static bool? FollowsRedirects(HttpMessageInvoker client)
    {
        var handler = HandlerField?.GetValue(client) as HttpMessageHandler;
        for (var depth = 0; handler is not null && depth < 32; depth++)
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    return sockets.AllowAutoRedirect;
                case HttpClientHandler classic:
                    return classic.AllowAutoRedirect;
                case DelegatingHandler delegating:
                    handler = delegating.InnerHandler;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }
}

using System;

namespace Codegen.Runtime.Http;

/// <summary>URLs as messages and <c>ToString</c> show them: never the parts that may hold secrets.</summary>
internal static class UrlText
{
    /// <summary>
    /// The scheme, host, port and path of <paramref name="url"/>: not its user-info (<c>https://user:password@host</c>),
    /// query or fragment.
    /// </summary>
    public static string Safe(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(a relative URL)";

    /// <summary>A request path without its query string (whose values may be sensitive members): <c>/things/1?…</c>.</summary>
    public static string PathOnly(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery.Substring(0, query) + "?…";
    }
}

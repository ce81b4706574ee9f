using System;
using System.Collections.Generic;
using System.Text;

namespace Codegen.Runtime.Serialization;

/// <summary>
/// Builds the HTTP parts of a request for the protocols that bind members to the URI, the query string and headers
/// (restJson1, restXml): generated serializers append the URI template's literal parts and labels, query parameters
/// and headers in model order, then take <see cref="BuildPath"/> and <see cref="Headers"/>.
/// </summary>
/// <remarks>
/// Labels and query parameters are percent-encoded as RFC 3986 says (everything but <c>A-Z a-z 0-9 - . _ ~</c>, as
/// UTF-8), the form SigV4 signs; a greedy label (<c>{Key+}</c>) keeps its <c>/</c>. Header values are sent as given.
/// The path is built in a <see cref="StringBuilder"/> kept per thread (as the JSON writer's buffer is), so a request
/// allocates its path string and not the builder's growth: <see cref="BuildPath"/> finishes it.
/// </remarks>
public sealed class HttpRequestBinder
{
    private const int MaxRetainedCapacity = 4096;

    [ThreadStatic]
    private static StringBuilder? t_cachedPath;

    private readonly List<KeyValuePair<string, string>> headers;
    private StringBuilder? path;
    private bool hasQuery;

    /// <summary>Starts a request whose path begins with <paramref name="pathPrefix"/> (literal, already encoded).</summary>
    /// <param name="pathPrefix">The URI template's text before its first label, e.g. <c>/2015-03-31/functions/</c>.</param>
    /// <param name="headers">Headers every request of the operation has, e.g. its <c>Content-Type</c>; copied.</param>
    public HttpRequestBinder(string pathPrefix, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        path = t_cachedPath ?? new StringBuilder(256);
        t_cachedPath = null;
        Builder.Append(pathPrefix);
        this.headers = headers is null ? new List<KeyValuePair<string, string>>(4) : new List<KeyValuePair<string, string>>(headers);
    }

    /// <summary>The path and query; the binder takes no more path or query parts after this.</summary>
    /// <exception cref="InvalidOperationException">The path was already built.</exception>
    public string BuildPath()
    {
        var builder = Builder;
        var result = builder.ToString();
        builder.Clear();
        if (builder.Capacity <= MaxRetainedCapacity)
        {
            t_cachedPath = builder;
        }

        path = null;
        return result;
    }

    /// <summary>The headers so far, in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => headers;

    /// <summary>Appends literal text of the URI template (already in its wire form).</summary>
    public void AppendPath(string literal) => Builder.Append(literal);

    /// <summary>Appends the value of a label, percent-encoded (a <c>/</c> too).</summary>
    /// <param name="value">The member's value in its text form.</param>
    /// <param name="member">The member's name, for the error when the value is missing.</param>
    /// <exception cref="ArgumentException">The value is null or empty: a URI label must have one.</exception>
    public void AppendLabel(string? value, string member) => Builder.Append(Uri.EscapeDataString(Required(value, member)));

    /// <summary>Appends the value of a greedy label (<c>{Key+}</c>): each <c>/</c>-separated segment percent-encoded, the <c>/</c>s kept.</summary>
    /// <exception cref="ArgumentException">The value is null or empty.</exception>
    public void AppendGreedyLabel(string? value, string member)
    {
        var text = Required(value, member);
        var start = 0;
        while (true)
        {
            var slash = text.IndexOf('/', start);
            var end = slash < 0 ? text.Length : slash;
            Builder.Append(Uri.EscapeDataString(text.Substring(start, end - start)));
            if (slash < 0)
            {
                break;
            }

            Builder.Append('/');
            start = slash + 1;
        }
    }

    /// <summary>Appends a literal query parameter of the URI template (<c>?list-type=2</c>, already encoded), e.g. <c>list-type=2</c> or <c>uploads</c>.</summary>
    public void AppendQueryLiteral(string literal)
    {
        if (literal.Length == 0)
        {
            return;
        }

        Builder.Append(hasQuery ? '&' : '?');
        Builder.Append(literal);
        hasQuery = true;
    }

    /// <summary>Appends the query parameter <paramref name="name"/>=<paramref name="value"/>, both percent-encoded.</summary>
    public void AddQuery(string name, string value)
    {
        Builder.Append(hasQuery ? '&' : '?');
        Builder.Append(Uri.EscapeDataString(name));
        Builder.Append('=');
        Builder.Append(Uri.EscapeDataString(value));
        hasQuery = true;
    }

    /// <summary>Adds a header.</summary>
    public void AddHeader(string name, string value) => headers.Add(new KeyValuePair<string, string>(name, value));

    /// <summary>
    /// Adds a header holding a list (e.g. <c>X-List: a, "b,c"</c>): items joined with <c>", "</c>, each string item
    /// that holds a comma or a double quote quoted (<see cref="HttpValues.QuoteListItem"/>). An empty list is an empty
    /// header, as Smithy's HTTP binding rules say (an unset list is no header at all).
    /// </summary>
    public void AddHeaderList(string name, IReadOnlyList<string> items, bool quoteItems)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(quoteItems ? HttpValues.QuoteListItem(items[i]) : items[i]);
        }

        AddHeader(name, builder.ToString());
    }

    /// <summary>Whether a header of this name was added (case-insensitive).</summary>
    public bool HasHeader(string name)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private StringBuilder Builder => path ?? throw new InvalidOperationException("The path of this request was already built.");

    private static string Required(string? value, string member)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("The member " + member + " goes into the request URI and must be set to a non-empty value.", "request");
        }

        return value!;
    }
}

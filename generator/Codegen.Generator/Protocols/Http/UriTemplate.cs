using System.Collections.Generic;
using System.Text;

namespace Codegen.Generator.Protocols.Http;

/// <summary>
/// An operation's request URI template, e.g. <c>/{Bucket}/{Key+}?uploads&amp;x-id=Upload</c>: the path as literal
/// text and labels (<c>{Key+}</c> is greedy: it may hold <c>/</c>), and the literal query parameters after <c>?</c>.
/// </summary>
internal sealed class UriTemplate
{
    private UriTemplate(List<UriPart> pathParts, List<string> queryLiterals)
    {
        PathParts = pathParts;
        QueryLiterals = queryLiterals;
    }

    /// <summary>The path, in order: literal text (<see cref="UriPart.Label"/> null) and labels.</summary>
    public IReadOnlyList<UriPart> PathParts { get; }

    /// <summary>The literal query parameters (<c>name=value</c> or <c>name</c>), in order.</summary>
    public IReadOnlyList<string> QueryLiterals { get; }

    public static UriTemplate Parse(string uri)
    {
        var question = uri.IndexOf('?');
        var path = question < 0 ? uri : uri.Substring(0, question);
        var parts = new List<UriPart>();
        var literal = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            var close = path[i] == '{' ? path.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                literal.Append(path[i]);
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new UriPart(literal.ToString(), null, false));
                literal.Clear();
            }

            var name = path.Substring(i + 1, close - i - 1);
            var greedy = name.EndsWith("+", System.StringComparison.Ordinal);
            parts.Add(new UriPart("", greedy ? name.Substring(0, name.Length - 1) : name, greedy));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(new UriPart(literal.ToString(), null, false));
        }

        var query = new List<string>();
        if (question >= 0)
        {
            foreach (var parameter in uri.Substring(question + 1).Split('&'))
            {
                if (parameter.Length > 0)
                {
                    query.Add(parameter);
                }
            }
        }

        return new UriTemplate(parts, query);
    }
}

/// <summary>Literal text of a URI path, or a label (<see cref="Label"/> set).</summary>
internal sealed record UriPart(string Text, string? Label, bool Greedy);

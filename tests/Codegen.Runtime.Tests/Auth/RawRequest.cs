using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Codegen.Runtime.Tests.Auth;

/// <summary>
/// A request in the AWS SigV4 suite's text format: request line (the target may contain spaces), header lines
/// (a line starting with whitespace continues the previous header's value), a blank line, then the body.
/// </summary>
internal sealed class RawRequest
{
    private RawRequest(string requestLine, string method, string target, List<RawHeader> rawHeaders, string body)
    {
        RequestLine = requestLine;
        Method = method;
        Target = target;
        RawHeaders = rawHeaders;
        Body = Encoding.UTF8.GetBytes(body);
        BodyText = body;
        Headers = rawHeaders.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();
    }

    public string RequestLine { get; }

    public string Method { get; }

    /// <summary>The path and query as written on the request line.</summary>
    public string Target { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    private string BodyText { get; }

    private List<RawHeader> RawHeaders { get; }

    public static RawRequest Parse(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text.Substring(0, split);
        var body = split < 0 ? string.Empty : text.Substring(split + 2);
        var lines = head.Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var requestLine = lines[0];
        var firstSpace = requestLine.IndexOf(' ', StringComparison.Ordinal);
        var lastSpace = requestLine.LastIndexOf(' ');
        if (firstSpace < 0 || lastSpace <= firstSpace)
        {
            throw new FormatException("bad request line: " + requestLine);
        }

        var method = requestLine.Substring(0, firstSpace);
        var target = requestLine.Substring(firstSpace + 1, lastSpace - firstSpace - 1);
        var headers = new List<RawHeader>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (headers.Count == 0)
                {
                    throw new FormatException("continuation line without a header: " + line);
                }

                var previous = headers[^1];
                headers[^1] = previous with { Value = previous.Value + "\n" + line, Lines = previous.Lines.Append(line).ToList() };
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException("bad header line: " + line);
            }

            headers.Add(new RawHeader(line.Substring(0, colon), line.Substring(colon + 1), new List<string> { line }));
        }

        return new RawRequest(requestLine, method, target, headers, body);
    }

    /// <summary>
    /// The request with the signer's headers applied, in the suite's .sreq layout: a header already present is
    /// replaced in place (as <c>Name:value</c>), new ones are appended (<c>Name:value</c>, except
    /// <c>Authorization: value</c>, which the suite writes with a space), then the body after a blank line.
    /// </summary>
    public string ToSignedText(IReadOnlyList<KeyValuePair<string, string>> headersToAdd)
    {
        var pending = headersToAdd.ToList();
        var lines = new List<string> { RequestLine };
        var replaced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in RawHeaders)
        {
            var index = pending.FindIndex(h => h.Key.Equals(header.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                lines.Add(header.Name + ":" + pending[index].Value);
                replaced.Add(header.Name);
                pending.RemoveAt(index);
            }
            else if (!replaced.Contains(header.Name))
            {
                lines.AddRange(header.Lines);
            }
        }

        foreach (var header in pending)
        {
            lines.Add(header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                ? header.Key + ": " + header.Value
                : header.Key + ":" + header.Value);
        }

        var text = string.Join("\n", lines);
        return BodyText.Length == 0 ? text : text + "\n\n" + BodyText;
    }

    private sealed record RawHeader(string Name, string Value, List<string> Lines);
}

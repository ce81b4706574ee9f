using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Tests.Client;

/// <summary>An in-memory transport that reads each request's body as it is sent (as a server would), records it, and answers through a delegate.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<int, HttpResponseMessage> respond;

    public RecordingHandler(Func<int, HttpResponseMessage> respond) => this.respond = respond;

    public List<Upload> Uploads { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        if (request.Content is { } content)
        {
            await content.CopyToAsync(body, cancellationToken);
        }

        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Uploads.Add(new Upload(body.ToArray(), request.Content?.Headers.ContentLength, headers));
        return respond(Uploads.Count);
    }

    public sealed record Upload(byte[] Body, long? ContentLength, Dictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}

using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Reliability.Tests.Infrastructure;

/// <summary>The misbehaviours a <see cref="FaultServer"/> connection can show, and well-formed replies to mix with them.</summary>
internal static class Faults
{
    public const string OkBody = """{"Status":"SUCCESS","Session":"s"}""";

    /// <summary>A head with the given status and headers (each a full <c>Name: value</c> line).</summary>
    public static byte[] Head(int status, params string[] headers)
    {
        var text = new StringBuilder("HTTP/1.1 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(" Fault\r\n")
            .Append("Content-Type: application/x-amz-json-1.1\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }

    /// <summary>A complete reply with a Content-Length body.</summary>
    public static async Task ReplyAsync(NetworkStream stream, int status, string body, CancellationToken cancellationToken, params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Head(status, [.. headers, "Content-Length: " + bytes.Length.ToString(CultureInfo.InvariantCulture)]), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers nothing until the server stops (the client gives up first).</summary>
    public static Task StallAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    /// <summary>
    /// Sends <paramref name="count"/> of the <paramref name="declared"/> bytes of a body, then closes the connection
    /// (an orderly close, so the client sees a body that ended early).
    /// </summary>
    public static async Task DropMidBodyAsync(NetworkStream stream, int declared, int count, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Head(200, "Content-Length: " + declared.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(OkBody.PadRight(count)[..count]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A chunked body whose first chunk arrives and whose last chunk (<c>0\r\n\r\n</c>) never does.</summary>
    public static async Task TruncatedChunkedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Head(200, "Transfer-Encoding: chunked"), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("10\r\n{\"Status\":\"SUCCE\r\n"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A chunked body that never ends: 64 KiB chunks until the client stops reading.</summary>
    public static async Task EndlessAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Head(200, "Transfer-Encoding: chunked"), cancellationToken).ConfigureAwait(false);
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        var prefix = Encoding.ASCII.GetBytes((chunk.Length).ToString("x", CultureInfo.InvariantCulture) + "\r\n");
        var suffix = "\r\n"u8.ToArray();
        while (true)
        {
            await stream.WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(suffix, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A body of one byte every <paramref name="interval"/> (real time: the server's pace, never asserted on),
    /// calling <paramref name="sent"/> after each.
    /// </summary>
    public static async Task TrickleAsync(NetworkStream stream, TimeSpan interval, Action<int> sent, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Head(200, "Content-Length: 100000"), cancellationToken).ConfigureAwait(false);
        for (var i = 1; ; i++)
        {
            await stream.WriteAsync(" "u8.ToArray(), cancellationToken).ConfigureAwait(false);
            sent(i);
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>gzip of <paramref name="size"/> spaces: about a thousandth of the size on the wire.</summary>
    public static byte[] GzipBomb(long size)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            block.AsSpan().Fill((byte)' ');
            for (long written = 0; written < size; written += block.Length)
            {
                gzip.Write(block, 0, (int)Math.Min(block.Length, size - written));
            }
        }

        return compressed.ToArray();
    }
}

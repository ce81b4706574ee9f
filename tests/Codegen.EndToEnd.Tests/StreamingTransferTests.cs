#if CODEGEN_SHARED_MODELS
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Client;
using Codegen.Testing;
using Generated.MediaStoreData;
using Xunit;
using Xunit.Abstractions;

namespace Codegen.EndToEnd.Tests;

/// <summary>Tests that measure the process's allocations: run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone
{
}

/// <summary>
/// A 64 MiB upload from a non-seekable stream and a 64 MiB download, through the client generated from the full
/// MediaStore Data model (restJson1, streaming payloads both ways, PutObject unsigned as the model allows), against
/// an in-process object store that checks every byte as it arrives and produces the download as it is read. The
/// bytes allocated by the whole process while both run are measured: a client that buffered either body would
/// allocate at least 64 MiB.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class StreamingTransferTests
{
    private const long Size = 64L * 1024 * 1024;
    private const long Budget = 16L * 1024 * 1024;

    private readonly ITestOutputHelper output;

    public StreamingTransferTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task A64MiBUploadAndDownload_StreamThroughTheGeneratedClient_InBoundedMemory()
    {
        var store = new PatternObjectStore();
        using var client = new MediaStoreDataClient(
            new AwsClientOptions
            {
                Region = "us-east-1",
                ServiceUrl = new Uri("http://mediastore.test"),
                Credentials = new StaticCredentialsSource(new AwsCredentials("AKIDSTREAMINGTEST123", "streaming/test/secret/key/not/a/real/one")),
            },
            new HttpClient(store));

        // Warm up (JIT, connection setup, static caches) with a small transfer, so that the measurement is the bodies'.
        await TransferAsync(client, store, 1024 * 1024);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        await TransferAsync(client, store, Size);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;

        output.WriteLine($"64 MiB up and 64 MiB down: {allocated:N0} bytes allocated, heap growth {heapGrowth:N0} bytes");
        Assert.True(allocated < Budget, $"{allocated:N0} bytes allocated moving 2 x 64 MiB (budget {Budget:N0})");
        Assert.True(heapGrowth < Budget, $"the heap grew by {heapGrowth:N0} bytes (budget {Budget:N0})");
    }

    private static async Task TransferAsync(MediaStoreDataClient client, PatternObjectStore store, long size)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a hang fails instead of stalling the run
        var put = await client.PutObjectAsync(new PutObject(new PatternStream(size, step: 16 * 1024), "videos/clip.bin"), cancel.Token);
        Assert.Equal("\"pattern\"", put.ETag);
        Assert.Equal(size, store.Received);
        Assert.Null(store.ReceivedContentLength); // unknown length: sent chunked
        Assert.Equal(SigV4Signer.UnsignedPayload, store.ReceivedPayloadHash);

        store.Serve = size;
        await using var got = await client.GetObjectAsync(new GetObject("videos/clip.bin"), cancel.Token);
        Assert.Equal(size, got.ContentLength);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await got.Body!.ReadAsync(buffer, cancel.Token)) > 0)
        {
            Assert.True(PatternStream.Matches(buffer.AsSpan(0, read), total), $"the download differs near byte {total}");
            total += read;
        }

        Assert.Equal(size, total);
    }

    /// <summary>
    /// PutObject consumes the body as a server would, checking each byte against the pattern and keeping none;
    /// GetObject answers with <see cref="Serve"/> bytes of the pattern, produced as they are read.
    /// </summary>
    private sealed class PatternObjectStore : HttpMessageHandler
    {
        public long Received { get; private set; }

        public long? ReceivedContentLength { get; private set; }

        public string? ReceivedPayloadHash { get; private set; }

        public long Serve { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put)
            {
                var sink = new PatternCheckingSink();
                await request.Content!.CopyToAsync(sink, cancellationToken);
                Received = sink.Position;
                ReceivedContentLength = request.Content.Headers.ContentLength;
                ReceivedPayloadHash = request.Headers.TryGetValues("X-Amz-Content-Sha256", out var hash) ? string.Join(",", hash) : null;
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("{\"ETag\":\"\\\"pattern\\\"\",\"StorageClass\":\"TEMPORAL\"}", Encoding.UTF8, "application/json"),
                };
            }

            var body = new StreamContent(new PatternStream(Serve, step: 64 * 1024), 64 * 1024);
            body.Headers.ContentLength = Serve;
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = body };
        }
    }

    /// <summary>A write-only stream that checks what it is given against the pattern and keeps nothing.</summary>
    private sealed class PatternCheckingSink : Stream
    {
        private long position;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => position;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (!PatternStream.Matches(buffer, position))
            {
                throw new IOException("the upload differs from the pattern near byte " + position);
            }

            position += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return default;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
#endif

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Checksums;
using Codegen.Runtime.Streaming;
using Codegen.Runtime.Tests.Checksums;
using Codegen.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Streaming;

/// <summary>
/// aws-chunked encoding: the AWS S3 API reference examples of signed chunked uploads (with and without a
/// trailing checksum; their seed, chunk, final and trailer signatures are the published values), then framing at
/// chunk boundaries, lengths, failures and cancellation.
/// </summary>
public sealed class AwsChunkedStreamTests
{
    private const int ExampleLength = 66560; // 64 KiB + 1 KiB of 'a', in chunks of 64 KiB
    private static readonly AwsCredentials ExampleCredentials = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset ExampleTime = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly byte[] ExampleBody = Enumerable.Repeat((byte)'a', ExampleLength).ToArray();

    [Fact]
    public async Task AwsExample_SignedChunks()
    {
        var seed = SignExampleHeaders(SigV4Signer.StreamingPayload, withTrailerHeader: false);
        Assert.Equal("content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class", seed.SignedHeaders);
        Assert.Equal("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9", seed.Signature);

        using var signer = SigV4Signer.CreateChunkSigner(seed, ExampleCredentials);
        var options = new AwsChunkedOptions { Signer = signer, DecodedLength = ExampleLength };
        await using var stream = new AwsChunkedStream(new PatternStream(ExampleBody, step: 5000), options);
        Assert.Equal(SigV4Signer.StreamingPayload, stream.PayloadHash);
        var encoded = await ChecksumTests.ReadAll(stream, 8192, asynchronous: true);

        var expected = Concat(
            "10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n", new string('a', 65536), "\r\n",
            "400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n", new string('a', 1024), "\r\n",
            "0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n", "\r\n");
        Assert.Equal(expected, encoded);
        Assert.Equal(66824, encoded.Length); // the example's Content-Length
        Assert.Equal(66824, AwsChunkedStream.EncodedLength(ExampleLength, AwsChunkedOptions.DefaultChunkSize, signed: true, trailerChecksum: null));
    }

    [Fact]
    public void AwsExample_SignedChunksWithATrailingChecksum()
    {
        var seed = SignExampleHeaders(SigV4Signer.StreamingPayloadTrailer, withTrailerHeader: true);
        Assert.Equal("content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer", seed.SignedHeaders);
        Assert.Equal("106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e", seed.Signature);

        using var signer = SigV4Signer.CreateChunkSigner(seed, ExampleCredentials);
        var options = new AwsChunkedOptions { Signer = signer, TrailerChecksum = ChecksumAlgorithm.Crc32C };
        using var stream = new AwsChunkedStream(new MemoryStream(ExampleBody), options);
        Assert.Equal(SigV4Signer.StreamingPayloadTrailer, stream.PayloadHash);
        var encoded = new MemoryStream();
        stream.CopyTo(encoded);

        var expected = Concat(
            "10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n", new string('a', 65536), "\r\n",
            "400;chunk-signature=1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7\r\n", new string('a', 1024), "\r\n",
            "0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n",
            "x-amz-checksum-crc32c:sOO8/Q==\r\n",
            "x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n",
            "\r\n");
        Assert.Equal(expected, encoded.ToArray());
        Assert.Equal("sOO8/Q==", stream.TrailerChecksumValue);
        Assert.Equal(encoded.Length, AwsChunkedStream.EncodedLength(ExampleLength, AwsChunkedOptions.DefaultChunkSize, signed: true, ChecksumAlgorithm.Crc32C));
    }

    [Fact]
    public void UnsignedChunksWithATrailer_AreFramedWithoutSignatures()
    {
        var body = PatternStream.Pattern(8193);
        var options = new AwsChunkedOptions { TrailerChecksum = ChecksumAlgorithm.Crc32, ChunkSize = 8192 };
        using var stream = new AwsChunkedStream(new MemoryStream(body), options);
        Assert.Equal(SigV4Signer.StreamingUnsignedPayloadTrailer, stream.PayloadHash);
        var encoded = new MemoryStream();
        stream.CopyTo(encoded);

        var expected = new MemoryStream();
        expected.Write(Encoding.ASCII.GetBytes("2000\r\n"));
        expected.Write(body, 0, 8192);
        expected.Write(Encoding.ASCII.GetBytes("\r\n1\r\n"));
        expected.Write(body, 8192, 1);
        expected.Write(Encoding.ASCII.GetBytes("\r\n0\r\nx-amz-checksum-crc32:" + ChecksumCalculator.ComputeBase64(ChecksumAlgorithm.Crc32, body) + "\r\n\r\n"));
        Assert.Equal(expected.ToArray(), encoded.ToArray());
    }

    public static IEnumerable<object[]> Boundaries()
    {
        const int chunk = AwsChunkedOptions.MinimumChunkSize;
        foreach (var length in new[] { 0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, (3 * chunk) + 5 })
        {
            foreach (var variant in new[] { "signed", "signed+trailer", "unsigned+trailer" })
            {
                yield return new object[] { length, variant };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task ChunkBoundaries_DecodeToTheSource_WithTheAnnouncedLength(int length, string variant)
    {
        const int chunkSize = AwsChunkedOptions.MinimumChunkSize;
        var body = PatternStream.Pattern(length);
        var signed = variant.StartsWith("signed", StringComparison.Ordinal);
        ChecksumAlgorithm? trailer = variant.EndsWith("trailer", StringComparison.Ordinal) ? ChecksumAlgorithm.Sha256 : null;

        // Byte-at-a-time and 1000-byte sources, 1-byte and large reads, sync and async: one encoding.
        byte[]? first = null;
        foreach (var (step, readSize, asynchronous) in new[] { (1, 1, false), (1000, 65536, true), (int.MaxValue, 7, true) })
        {
            using var signer = signed ? ExampleSigner(AwsChunkedStream.PayloadHashFor(true, trailer is not null)) : null;
            var options = new AwsChunkedOptions { Signer = signer, TrailerChecksum = trailer, ChunkSize = chunkSize, DecodedLength = length };
            using var stream = new AwsChunkedStream(new PatternStream(body, step), options);
            var encoded = await ChecksumTests.ReadAll(stream, readSize, asynchronous);
            first ??= encoded;
            Assert.Equal(first, encoded);
        }

        Assert.Equal(AwsChunkedStream.EncodedLength(length, chunkSize, signed, trailer), first!.Length);
        var decoded = Decode(first);
        Assert.Equal(body, decoded.Data);

        // Every chunk but the last data chunk is full, and the body ends with exactly one empty chunk.
        var sizes = decoded.Chunks.Select(c => c.Size).ToList();
        Assert.Equal(0, sizes[^1]);
        Assert.All(sizes.Take(Math.Max(0, sizes.Count - 2)), size => Assert.Equal(chunkSize, size));
        Assert.Equal((length + chunkSize - 1) / chunkSize, sizes.Count - 1);
        Assert.All(decoded.Chunks, c => Assert.Equal(signed, c.Signature is not null));

        if (trailer is not null)
        {
            Assert.Equal(ChecksumCalculator.ComputeBase64(ChecksumAlgorithm.Sha256, body), decoded.Trailers["x-amz-checksum-sha256"]);
            Assert.Equal(signed, decoded.Trailers.ContainsKey("x-amz-trailer-signature"));
        }
        else
        {
            Assert.Empty(decoded.Trailers);
        }

        if (signed)
        {
            // The chain: an independent signer from the same seed signs the decoded chunks to the same values.
            using var verifier = ExampleSigner(AwsChunkedStream.PayloadHashFor(true, trailer is not null));
            var offset = 0;
            foreach (var c in decoded.Chunks)
            {
                Assert.Equal(verifier.SignChunk(body.AsSpan(offset, c.Size)), c.Signature);
                offset += c.Size;
            }
        }
    }

    [Theory]
    [InlineData(9999)]
    [InlineData(10001)]
    public async Task ASourceThatDisagreesWithItsDeclaredLength_FailsTheRead(int declared)
    {
        var options = new AwsChunkedOptions { TrailerChecksum = ChecksumAlgorithm.Crc32, ChunkSize = 8192, DecodedLength = declared };
        using var stream = new AwsChunkedStream(new PatternStream(10_000), options);
        var error = await Assert.ThrowsAsync<IOException>(() => stream.CopyToAsync(Stream.Null));
        Assert.Contains(declared.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task ASourceThatFails_FailsTheRead_WithItsOwnError()
    {
        var options = new AwsChunkedOptions { TrailerChecksum = ChecksumAlgorithm.Crc32 };
        using var stream = new AwsChunkedStream(new PatternStream(200_000, step: 4096, failAfter: 100_000), options);
        var error = await Assert.ThrowsAsync<IOException>(() => stream.CopyToAsync(Stream.Null));
        Assert.Equal("The source failed at byte 100000.", error.Message);
    }

    [Fact]
    public async Task Cancellation_StopsTheRead()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var options = new AwsChunkedOptions { TrailerChecksum = ChecksumAlgorithm.Crc32 };
        using var stream = new AwsChunkedStream(new PatternStream(200_000), options);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadExactlyAsync(new byte[100], cancelled.Token));
    }

    [Fact]
    public void Options_AreChecked()
    {
        Assert.Throws<ArgumentException>(() => new AwsChunkedStream(Stream.Null, new AwsChunkedOptions()));
        Assert.Throws<ArgumentException>(() => new AwsChunkedStream(Stream.Null, new AwsChunkedOptions { TrailerChecksum = ChecksumAlgorithm.Crc32, ChunkSize = 100 }));
        Assert.Throws<ArgumentException>(() => AwsChunkedStream.PayloadHashFor(signed: false, trailer: false));
        Assert.Throws<ArgumentException>(() => SigV4Signer.CreateChunkSigner(
            SigV4Signer.Sign("PUT", "/", new[] { KeyValuePair.Create("Host", "h") }, default, ExampleCredentials, "us-east-1", "s3", ExampleTime),
            ExampleCredentials));
    }

    [Fact]
    public void Disposing_DisposesTheSourceUnlessLeftOpen()
    {
        var source = new PatternStream(10);
        new AwsChunkedStream(source, new AwsChunkedOptions { TrailerChecksum = ChecksumAlgorithm.Crc32 }).Dispose();
        Assert.True(source.Disposed);

        var kept = new PatternStream(10);
        new AwsChunkedStream(kept, new AwsChunkedOptions { TrailerChecksum = ChecksumAlgorithm.Crc32, LeaveOpen = true }).Dispose();
        Assert.False(kept.Disposed);
    }

    [Fact]
    public void TheSignerPrintsNoSecret()
    {
        using var signer = ExampleSigner(SigV4Signer.StreamingPayload);
        Assert.Equal("SigV4 chunk signer 20130524/us-east-1/s3/aws4_request", signer.ToString());
    }

    // The example request's headers (S3 API reference, "Example: PUT Object" of both chunked-upload pages). The
    // trailer example signs x-amz-trailer and, unlike the other, not Content-Length.
    private static SigV4SigningResult SignExampleHeaders(string payloadHash, bool withTrailerHeader)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", "s3.amazonaws.com"),
            new("x-amz-date", "20130524T000000Z"),
            new("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            new("x-amz-content-sha256", payloadHash),
            new("Content-Encoding", "aws-chunked"),
            new("x-amz-decoded-content-length", "66560"),
        };
        headers.Add(withTrailerHeader ? new("x-amz-trailer", "x-amz-checksum-crc32c") : new("Content-Length", "66824"));
        return SigV4Signer.Sign(
            "PUT", "/examplebucket/chunkObject.txt", headers, default, ExampleCredentials, "us-east-1", "s3", ExampleTime,
            SigV4Options.S3 with { PayloadHash = payloadHash });
    }

    private static SigV4ChunkSigner ExampleSigner(string payloadHash) =>
        SigV4Signer.CreateChunkSigner(SignExampleHeaders(payloadHash, withTrailerHeader: false), ExampleCredentials);

    private static byte[] Concat(params string[] parts) => Encoding.ASCII.GetBytes(string.Concat(parts));

    private sealed record Chunk(int Size, string? Signature);

    private sealed record Decoded(byte[] Data, List<Chunk> Chunks, Dictionary<string, string> Trailers);

    // A strict reader of the aws-chunked framing, written from the format's description.
    private static Decoded Decode(byte[] encoded)
    {
        var position = 0;
        var data = new MemoryStream();
        var chunks = new List<Chunk>();
        while (true)
        {
            var line = ReadLine(encoded, ref position);
            var semicolon = line.IndexOf(';');
            var size = Convert.ToInt32(semicolon < 0 ? line : line.Substring(0, semicolon), 16);
            string? signature = null;
            if (semicolon >= 0)
            {
                Assert.StartsWith(";chunk-signature=", line.Substring(semicolon), StringComparison.Ordinal);
                signature = line.Substring(semicolon + ";chunk-signature=".Length);
                Assert.Equal(64, signature.Length);
            }

            chunks.Add(new Chunk(size, signature));
            if (size == 0)
            {
                break;
            }

            data.Write(encoded, position, size);
            position += size;
            Assert.Equal(string.Empty, ReadLine(encoded, ref position));
        }

        var trailers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var line = ReadLine(encoded, ref position); line.Length > 0; line = ReadLine(encoded, ref position))
        {
            var colon = line.IndexOf(':');
            trailers.Add(line.Substring(0, colon), line.Substring(colon + 1));
        }

        Assert.Equal(encoded.Length, position);
        return new Decoded(data.ToArray(), chunks, trailers);
    }

    private static string ReadLine(byte[] encoded, ref int position)
    {
        var end = Array.IndexOf(encoded, (byte)'\r', position);
        Assert.True(end >= 0 && end + 1 < encoded.Length && encoded[end + 1] == '\n', "a CRLF-terminated line at " + position);
        var line = Encoding.ASCII.GetString(encoded, position, end - position);
        position = end + 2;
        return line;
    }
}

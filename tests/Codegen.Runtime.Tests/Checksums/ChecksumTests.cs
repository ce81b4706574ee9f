using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Checksums;
using Codegen.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Checksums;

/// <summary>Checksums against published check values, and the streams that compute and validate them.</summary>
public sealed class ChecksumTests
{
    private static readonly byte[] CheckInput = Encoding.ASCII.GetBytes("123456789");

    // The CRC catalogue's check values (CRC-32/ISO-HDLC 0xCBF43926, CRC-32/ISCSI 0xE3069283) as big-endian base64;
    // the digests as Python's hashlib gives them for "123456789".
    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32, "y/Q5Jg==")]
    [InlineData(ChecksumAlgorithm.Crc32C, "4waSgw==")]
    [InlineData(ChecksumAlgorithm.Sha1, "98O8HYCOBHMq32eZZczDTKeuNEE=")]
    [InlineData(ChecksumAlgorithm.Sha256, "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=")]
    [InlineData(ChecksumAlgorithm.Md5, "JfnnlDI7RTiF9RgfG2JNCw==")]
    public void CheckValues(ChecksumAlgorithm algorithm, string expected) =>
        Assert.Equal(expected, ChecksumCalculator.ComputeBase64(algorithm, CheckInput));

    [Fact]
    public void Crc32_OfHelloWorld_IsTheValueTheS3DocumentationShows() =>
        Assert.Equal("i9aeUg==", ChecksumCalculator.ComputeBase64(ChecksumAlgorithm.Crc32, Encoding.ASCII.GetBytes("Hello world")));

    [Fact]
    public void Crc32C_OfTheAwsTrailerExample_66560BytesOfA() =>
        Assert.Equal("sOO8/Q==", ChecksumCalculator.ComputeBase64(ChecksumAlgorithm.Crc32C, Enumerable.Repeat((byte)'a', 66560).ToArray()));

    [Fact]
    public void Crc32C_MatchesABitwiseReference_ForEveryLengthAndSplit()
    {
        // Lengths 0..40 cover every tail after the 8-byte steps; every split point covers piecewise appends.
        var data = PatternStream.Pattern(40);
        for (var length = 0; length <= data.Length; length++)
        {
            var expected = BitwiseCrc32C(data.AsSpan(0, length));
            for (var split = 0; split <= length; split++)
            {
                using var calculator = new ChecksumCalculator(ChecksumAlgorithm.Crc32C);
                calculator.Append(data.AsSpan(0, split));
                calculator.Append(data.AsSpan(split, length - split));
                Assert.Equal(expected, Convert.ToHexString(calculator.GetDigestAndReset()));
            }
        }
    }

    [Theory]
    [InlineData(ChecksumAlgorithm.Crc32)]
    [InlineData(ChecksumAlgorithm.Crc32C)]
    [InlineData(ChecksumAlgorithm.Sha1)]
    [InlineData(ChecksumAlgorithm.Sha256)]
    [InlineData(ChecksumAlgorithm.Md5)]
    public void GetDigestAndReset_StartsOver(ChecksumAlgorithm algorithm)
    {
        using var calculator = new ChecksumCalculator(algorithm);
        calculator.Append(Encoding.ASCII.GetBytes("something else"));
        calculator.GetDigestAndReset();
        calculator.Append(CheckInput);
        Assert.Equal(ChecksumCalculator.ComputeBase64(algorithm, CheckInput), calculator.GetBase64AndReset());
    }

    [Fact]
    public void Crc64Nvme_IsNamedButNotComputed()
    {
        Assert.False(ChecksumCalculator.IsSupported(ChecksumAlgorithm.Crc64Nvme));
        var error = Assert.Throws<NotSupportedException>(() => new ChecksumCalculator(ChecksumAlgorithm.Crc64Nvme));
        Assert.Contains("CRC64NVME", error.Message);
    }

    [Theory]
    [InlineData("CRC32", ChecksumAlgorithm.Crc32, "x-amz-checksum-crc32")]
    [InlineData("crc32c", ChecksumAlgorithm.Crc32C, "x-amz-checksum-crc32c")]
    [InlineData("CRC64NVME", ChecksumAlgorithm.Crc64Nvme, "x-amz-checksum-crc64nvme")]
    [InlineData("SHA1", ChecksumAlgorithm.Sha1, "x-amz-checksum-sha1")]
    [InlineData("SHA256", ChecksumAlgorithm.Sha256, "x-amz-checksum-sha256")]
    [InlineData("MD5", ChecksumAlgorithm.Md5, "Content-MD5")]
    public void WireNames(string wireName, ChecksumAlgorithm algorithm, string header)
    {
        Assert.True(ChecksumAlgorithms.TryParse(wireName, out var parsed));
        Assert.Equal(algorithm, parsed);
        Assert.Equal(wireName.ToUpperInvariant(), ChecksumAlgorithms.WireName(algorithm));
        Assert.Equal(header, ChecksumAlgorithms.HeaderName(algorithm));
        Assert.True(ChecksumAlgorithms.TryFromHeaderName(header.ToUpperInvariant(), out var fromHeader));
        Assert.Equal(algorithm, fromHeader);
    }

    [Fact]
    public void UnknownWireName_IsNotAnError()
    {
        Assert.False(ChecksumAlgorithms.TryParse("XXHASH128", out _));
        Assert.False(ChecksumAlgorithms.TryParse(null, out _));
        Assert.False(ChecksumAlgorithms.TryFromHeaderName("x-amz-checksum-xxhash128", out _));
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(1, 1)]
    [InlineData(100_000, 4096)]
    [InlineData(100_000, 1)]
    public async Task ComputingStream_PassesBytesThrough_AndKnowsTheChecksumAtTheEnd(int length, int readSize)
    {
        var source = PatternStream.Pattern(length);
        foreach (var asynchronous in new[] { false, true })
        {
            using var stream = new ChecksumComputingStream(new PatternStream(source, step: 1000), ChecksumAlgorithm.Crc32C);
            if (length > 0)
            {
                Assert.Throws<InvalidOperationException>(() => stream.Checksum);
            }

            var copy = await ReadAll(stream, readSize, asynchronous);
            Assert.Equal(source, copy);
            Assert.True(stream.IsComplete);
            Assert.Equal(ChecksumCalculator.ComputeBase64(ChecksumAlgorithm.Crc32C, source), stream.Checksum);
        }
    }

    [Fact]
    public async Task ValidatingStream_AcceptsTheRightChecksum()
    {
        var body = PatternStream.Pattern(70_000);
        var expected = ChecksumCalculator.ComputeBase64(ChecksumAlgorithm.Sha256, body);
        await using var stream = new ChecksumValidatingStream(new PatternStream(body, step: 8000), ChecksumAlgorithm.Sha256, expected);
        Assert.Equal(body, await ReadAll(stream, 4096, asynchronous: true));
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ValidatingStream_ThrowsAtTheEnd_NamingAlgorithmExpectedAndActual(bool asynchronous)
    {
        var body = PatternStream.Pattern(10_000);
        var actual = ChecksumCalculator.ComputeBase64(ChecksumAlgorithm.Crc32, body);
        using var stream = new ChecksumValidatingStream(new PatternStream(body, step: 3000), ChecksumAlgorithm.Crc32, "AAAAAA==");

        // Every byte is delivered before the verdict: the mismatch is found only at the end.
        var delivered = new byte[body.Length];
        var total = 0;
        while (total < body.Length)
        {
            total += asynchronous ? await stream.ReadAsync(delivered.AsMemory(total)) : stream.Read(delivered, total, body.Length - total);
        }

        Assert.Equal(body, delivered);
        var error = asynchronous
            ? await Assert.ThrowsAsync<ChecksumMismatchException>(async () => await stream.ReadExactlyAsync(new byte[1]))
            : Assert.Throws<ChecksumMismatchException>(() => stream.Read(new byte[1], 0, 1));
        Assert.Equal(ChecksumAlgorithm.Crc32, error.Algorithm);
        Assert.Equal("AAAAAA==", error.Expected);
        Assert.Equal(actual, error.Actual);
        Assert.Contains("CRC32", error.Message);
        Assert.Contains("AAAAAA==", error.Message);
        Assert.Contains(actual, error.Message);
        Assert.IsAssignableFrom<IOException>(error);

        // Reading on does not turn a damaged body into an empty success.
        Assert.Throws<ChecksumMismatchException>(() => stream.Read(new byte[1], 0, 1));
    }

    [Fact]
    public async Task ValidatingStream_ThroughCopyTo_SurfacesTheMismatch()
    {
        using var stream = new ChecksumValidatingStream(new PatternStream(5000), ChecksumAlgorithm.Crc32C, "AAAAAA==");
        await Assert.ThrowsAsync<ChecksumMismatchException>(() => stream.CopyToAsync(Stream.Null));
    }

    [Fact]
    public void ValidatingStream_ReadPartly_GivesNoVerdict_AndDisposesTheInnerStream()
    {
        var inner = new PatternStream(5000);
        var stream = new ChecksumValidatingStream(inner, ChecksumAlgorithm.Crc32C, "AAAAAA==");
        Assert.Equal(100, stream.Read(new byte[100], 0, 100));
        stream.Dispose();
        Assert.True(inner.Disposed);
    }

    [Fact]
    public void LeaveOpen_KeepsTheInnerStream()
    {
        var inner = new PatternStream(10);
        new ChecksumComputingStream(inner, ChecksumAlgorithm.Crc32, leaveOpen: true).Dispose();
        Assert.False(inner.Disposed);
    }

    [Fact]
    public async Task ASourceThatFails_FailsTheRead_WithItsOwnError()
    {
        using var stream = new ChecksumValidatingStream(new PatternStream(10_000, step: 1000, failAfter: 4000), ChecksumAlgorithm.Crc32, "AAAAAA==");
        var error = await Assert.ThrowsAsync<IOException>(() => stream.CopyToAsync(Stream.Null));
        Assert.IsNotType<ChecksumMismatchException>(error);
        Assert.False(stream.IsComplete);
    }

    [Fact]
    public async Task Cancellation_IsPassedToTheSource()
    {
        using var stream = new ChecksumComputingStream(new PatternStream(10_000), ChecksumAlgorithm.Crc32);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadExactlyAsync(new byte[10], cancelled.Token));
    }

    [Fact]
    public void TheStreamsAreForwardOnly()
    {
        using var stream = new ChecksumComputingStream(new PatternStream(10), ChecksumAlgorithm.Crc32);
        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
    }

    internal static async Task<byte[]> ReadAll(Stream stream, int readSize, bool asynchronous)
    {
        var output = new MemoryStream();
        var buffer = new byte[readSize];
        while (true)
        {
            var read = asynchronous ? await stream.ReadAsync(buffer.AsMemory()) : stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                return output.ToArray();
            }

            output.Write(buffer, 0, read);
        }
    }

    // The textbook bit-at-a-time CRC-32C (reflected polynomial 0x82F63B78): an oracle independent of the runtime's.
    private static string BitwiseCrc32C(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
            }
        }

        crc = ~crc;
        return Convert.ToHexString(new[] { (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc });
    }
}

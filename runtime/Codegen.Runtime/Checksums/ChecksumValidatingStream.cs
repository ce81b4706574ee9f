using System;
using System.IO;

namespace Codegen.Runtime.Checksums;

/// <summary>
/// Hands a response body to its reader unchanged while checksumming it; reading the end of the body compares the
/// checksum with the one the service sent and throws <see cref="ChecksumMismatchException"/> when they differ.
/// </summary>
/// <remarks>
/// Validation happens only when the body is read to its end: a reader that stops early (a ranged read, an early
/// dispose) gets no verdict, as with the AWS SDKs. Every read after a mismatch throws again.
/// </remarks>
public sealed class ChecksumValidatingStream : ChecksumReadStream
{
    /// <summary>Wraps <paramref name="inner"/>, expecting the base64 checksum <paramref name="expected"/>.</summary>
    public ChecksumValidatingStream(Stream inner, ChecksumAlgorithm algorithm, string expected, bool leaveOpen = false)
        : base(inner, algorithm, leaveOpen)
    {
        Expected = expected ?? throw new ArgumentNullException(nameof(expected));
    }

    /// <summary>The checksum the service sent (base64).</summary>
    public string Expected { get; }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        ThrowIfMismatched();
        return base.Read(buffer);
    }

    /// <inheritdoc />
    public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
    {
        ThrowIfMismatched();
        return base.ReadAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    protected override void OnEnd(string checksum) => ThrowIfMismatched(checksum);

    private void ThrowIfMismatched()
    {
        if (IsComplete)
        {
            ThrowIfMismatched(Checksum);
        }
    }

    private void ThrowIfMismatched(string actual)
    {
        // Base64 of a fixed-length digest has one spelling; ordinal comparison is exact.
        if (!string.Equals(actual, Expected, StringComparison.Ordinal))
        {
            throw new ChecksumMismatchException(Algorithm, Expected, actual);
        }
    }
}

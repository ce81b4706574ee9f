using System.IO;

namespace Codegen.Runtime.Checksums;

/// <summary>
/// Passes another stream's bytes through unchanged and computes their checksum on the way, for a request body
/// whose checksum goes after it (an <c>aws-chunked</c> trailer) or is read once the body has been sent. The
/// checksum is <see cref="ChecksumReadStream.Checksum"/> once the end has been read.
/// </summary>
public sealed class ChecksumComputingStream : ChecksumReadStream
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ChecksumComputingStream(Stream inner, ChecksumAlgorithm algorithm, bool leaveOpen = false)
        : base(inner, algorithm, leaveOpen)
    {
    }

    /// <inheritdoc />
    protected override void OnEnd(string checksum)
    {
    }
}

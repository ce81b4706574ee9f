using Codegen.Runtime.Auth;
using Codegen.Runtime.Checksums;

namespace Codegen.Runtime.Streaming;

/// <summary>How an <see cref="AwsChunkedStream"/> encodes its source.</summary>
public sealed record AwsChunkedOptions
{
    /// <summary>The chunk size the AWS SDKs use, 64 KiB.</summary>
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>The smallest chunk size S3 accepts for every chunk but the last, 8 KiB.</summary>
    public const int MinimumChunkSize = 8 * 1024;

    /// <summary>The largest chunk size this runtime buffers, 16 MiB.</summary>
    public const int MaximumChunkSize = 16 * 1024 * 1024;

    /// <summary>
    /// Signs each chunk (and the trailer) in the chain that starts at the request's seed signature;
    /// <see langword="null"/> sends unsigned chunks, which needs a <see cref="TrailerChecksum"/>.
    /// The stream uses the signer but does not dispose it.
    /// </summary>
    public SigV4ChunkSigner? Signer { get; init; }

    /// <summary>The checksum of the whole body to send in the trailer; <see langword="null"/> for no trailer.</summary>
    public ChecksumAlgorithm? TrailerChecksum { get; init; }

    /// <summary>The size of every chunk but the last. Default <see cref="DefaultChunkSize"/>.</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>
    /// The length the request declared for the source (<c>x-amz-decoded-content-length</c>): a source that turns
    /// out longer or shorter fails the read with an <see cref="System.IO.IOException"/> instead of sending a body
    /// the service rejects. <see langword="null"/> when the length is not known.
    /// </summary>
    public long? DecodedLength { get; init; }

    /// <summary>Whether disposing the stream leaves the source open. Default <see langword="false"/>.</summary>
    public bool LeaveOpen { get; init; }
}

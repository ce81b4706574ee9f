using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Runtime.Streaming;

/// <summary>
/// The part every forward-only, read-only stream of this runtime shares: no seeking, no writing, no length, and
/// the array overloads routed to the span ones. Derived streams implement <see cref="Read(Span{byte})"/> and
/// <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.
/// </summary>
public abstract class ReadOnlyStream : Stream
{
    /// <inheritdoc />
    public sealed override bool CanRead => true;

    /// <inheritdoc />
    public sealed override bool CanSeek => false;

    /// <inheritdoc />
    public sealed override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("This stream is read forward only and has no length.");

    /// <inheritdoc />
    public sealed override long Position
    {
        get => throw new NotSupportedException("This stream is read forward only.");
        set => throw new NotSupportedException("This stream is read forward only.");
    }

    /// <inheritdoc />
    public abstract override int Read(Span<byte> buffer);

    /// <inheritdoc />
    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public sealed override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc />
    public sealed override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <inheritdoc />
    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public sealed override void Flush()
    {
    }

    /// <inheritdoc />
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("This stream is read forward only.");

    /// <inheritdoc />
    public sealed override void SetLength(long value) => throw new NotSupportedException("This stream is read only.");

    /// <inheritdoc />
    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This stream is read only.");
}

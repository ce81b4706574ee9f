using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Codegen.Testing;

/// <summary>
/// A non-seekable source of <c>length</c> bytes (a repeating pattern that needs no memory, or the given bytes)
/// that hands out at most <c>step</c> bytes per read, like a network stream, and can fail after a number of bytes.
/// </summary>
public sealed class PatternStream : Stream
{
    private readonly byte[]? _bytes;
    private readonly long _length;
    private readonly int _step;
    private readonly long _failAfter;
    private long _position;

    public PatternStream(long length, int step = int.MaxValue, long failAfter = long.MaxValue)
    {
        _length = length;
        _step = step;
        _failAfter = failAfter;
    }

    public PatternStream(byte[] bytes, int step = int.MaxValue)
        : this(bytes.Length, step)
    {
        _bytes = bytes;
    }

    public bool Disposed { get; private set; }

    /// <summary>The byte at <paramref name="position"/> of the pattern a length-only stream produces.</summary>
    public static byte PatternAt(long position) => (byte)(position * 31 % 251);

    public static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = PatternAt(i);
        }

        return bytes;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Whether the pattern is what <paramref name="data"/> holds from <paramref name="position"/> on.</summary>
    public static bool Matches(ReadOnlySpan<byte> data, long position)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != PatternAt(position + i))
            {
                return false;
            }
        }

        return true;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(Span<byte> buffer)
    {
        if (_position >= _failAfter)
        {
            throw new IOException("The source failed at byte " + _position + ".");
        }

        var count = (int)Math.Min(Math.Min(buffer.Length, _step), Math.Min(_length, _failAfter) - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = _bytes is null ? PatternAt(_position + i) : _bytes[_position + i];
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

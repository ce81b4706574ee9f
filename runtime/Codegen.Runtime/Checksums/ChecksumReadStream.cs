using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Runtime.Streaming;

namespace Codegen.Runtime.Checksums;

/// <summary>
/// A read-through stream that checksums the bytes of another stream as they are read, and acts once at the end
/// of the stream (<see cref="OnEnd"/>). The base of <see cref="ChecksumComputingStream"/> and
/// <see cref="ChecksumValidatingStream"/>.
/// </summary>
public abstract class ChecksumReadStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly ChecksumCalculator _calculator;
    private string? _checksum;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The stream to read from.</param>
    /// <param name="algorithm">The checksum to compute.</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="inner"/> open.</param>
    protected ChecksumReadStream(Stream inner, ChecksumAlgorithm algorithm, bool leaveOpen)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _calculator = new ChecksumCalculator(algorithm);
        _leaveOpen = leaveOpen;
    }

    /// <summary>The algorithm.</summary>
    public ChecksumAlgorithm Algorithm => _calculator.Algorithm;

    /// <summary>Whether the end of the inner stream has been read (and the checksum is known).</summary>
    public bool IsComplete => _checksum is not null;

    /// <summary>The base64 checksum of every byte read; only once <see cref="IsComplete"/>.</summary>
    /// <exception cref="InvalidOperationException">The end of the stream has not been read yet.</exception>
    public string Checksum => _checksum ?? throw new InvalidOperationException(
        "The checksum is known only once the stream has been read to its end.");

    /// <summary>The inner stream's length, when it has one (a response's <c>Content-Length</c>).</summary>
    public override long Length => _inner.Length;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _checksum is not null)
        {
            return _checksum is not null ? 0 : _inner.Read(buffer);
        }

        var read = _inner.Read(buffer);
        return Account(buffer.Slice(0, read));
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || _checksum is not null)
        {
            return _checksum is not null ? 0 : await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span.Slice(0, read));
    }

    /// <summary>Called once, when the end of the inner stream is read, with the checksum of all its bytes.</summary>
    protected abstract void OnEnd(string checksum);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _calculator.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        _calculator.Dispose();
        if (!_leaveOpen)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private int Account(ReadOnlySpan<byte> read)
    {
        if (read.Length > 0)
        {
            _calculator.Append(read);
            return read.Length;
        }

        _checksum = _calculator.GetBase64AndReset();
        OnEnd(_checksum);
        return 0;
    }
}

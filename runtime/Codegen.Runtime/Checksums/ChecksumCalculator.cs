using System;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Security.Cryptography;

namespace Codegen.Runtime.Checksums;

/// <summary>
/// An incremental checksum of one <see cref="ChecksumAlgorithm"/>: append the payload in pieces, then read the
/// digest. CRC-32 comes from System.IO.Hashing, CRC-32C from <see cref="BitOperations.Crc32C(uint, ulong)"/> (the
/// CPU's CRC-32C instruction where there is one), the digests from System.Security.Cryptography.
/// </summary>
/// <remarks>
/// <para>
/// System.IO.Hashing has CRC-32C and CRC-64/NVME only from version 11, which supports net10.0 and later; this
/// runtime targets net8.0, so it uses version 10's CRC-32 and the BCL's CRC-32C step, and does not offer
/// CRC-64/NVME yet (<see cref="IsSupported"/>).
/// </para>
/// <para>
/// The digest is in the byte order the <c>x-amz-checksum-*</c> headers use: big-endian for the CRCs (so CRC-32
/// of <c>123456789</c>, 0xCBF43926, is <c>y/Q5Jg==</c>), as produced for the SHA and MD5 digests.
/// </para>
/// </remarks>
public sealed class ChecksumCalculator : IDisposable
{
    private readonly Crc32? _crc32;
    private readonly IncrementalHash? _digest;
    private uint _crc32C = uint.MaxValue;

    /// <summary>Starts a checksum of <paramref name="algorithm"/> over no bytes.</summary>
    public ChecksumCalculator(ChecksumAlgorithm algorithm)
    {
        Algorithm = algorithm;
        switch (algorithm)
        {
            case ChecksumAlgorithm.Crc32: _crc32 = new Crc32(); break;
            case ChecksumAlgorithm.Crc32C: break;
            case ChecksumAlgorithm.Sha1: _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA1); break;
            case ChecksumAlgorithm.Sha256: _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256); break;
            case ChecksumAlgorithm.Md5: _digest = IncrementalHash.CreateHash(HashAlgorithmName.MD5); break;
            case ChecksumAlgorithm.Crc64Nvme:
                throw new NotSupportedException("CRC64NVME checksums are not supported by this runtime yet (see docs/streaming.md); use CRC32, CRC32C, SHA1 or SHA256.");
            default: throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown checksum algorithm.");
        }
    }

    /// <summary>Whether this runtime can compute <paramref name="algorithm"/> (every one but CRC-64/NVME).</summary>
    public static bool IsSupported(ChecksumAlgorithm algorithm) =>
        algorithm is ChecksumAlgorithm.Crc32 or ChecksumAlgorithm.Crc32C or ChecksumAlgorithm.Sha1
            or ChecksumAlgorithm.Sha256 or ChecksumAlgorithm.Md5;

    /// <summary>The algorithm.</summary>
    public ChecksumAlgorithm Algorithm { get; }

    /// <summary>The length of the digest in bytes (4 for CRC-32, 8 for CRC-64, 20 for SHA-1, 32 for SHA-256, 16 for MD5).</summary>
    public int DigestLength => Algorithm switch
    {
        ChecksumAlgorithm.Crc32 or ChecksumAlgorithm.Crc32C => 4,
        ChecksumAlgorithm.Crc64Nvme => 8,
        ChecksumAlgorithm.Sha1 => 20,
        ChecksumAlgorithm.Sha256 => 32,
        _ => 16,
    };

    /// <summary>The checksum of <paramref name="data"/>, base64 as the <c>x-amz-checksum-*</c> and <c>Content-MD5</c> headers carry it.</summary>
    public static string ComputeBase64(ChecksumAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        using var calculator = new ChecksumCalculator(algorithm);
        calculator.Append(data);
        return calculator.GetBase64AndReset();
    }

    /// <summary>Adds <paramref name="data"/> to the checksum.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_crc32 is not null)
        {
            _crc32.Append(data);
        }
        else if (_digest is not null)
        {
            _digest.AppendData(data);
        }
        else
        {
            _crc32C = Crc32CStep(_crc32C, data);
        }
    }

    /// <summary>The digest of everything appended since the start or the last reset, then starts over.</summary>
    public byte[] GetDigestAndReset()
    {
        var digest = new byte[DigestLength];
        if (_crc32 is not null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest, _crc32.GetCurrentHashAsUInt32());
            _crc32.Reset();
        }
        else if (_digest is not null)
        {
            _digest.GetHashAndReset(digest);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest, ~_crc32C);
            _crc32C = uint.MaxValue;
        }

        return digest;
    }

    /// <summary>The base64 digest (see <see cref="GetDigestAndReset"/>), then starts over.</summary>
    public string GetBase64AndReset() => Convert.ToBase64String(GetDigestAndReset());

    /// <inheritdoc />
    public void Dispose() => _digest?.Dispose();

    /// <summary>CRC-32C (reflected, polynomial 0x82F63B78) of <paramref name="data"/> continuing from <paramref name="crc"/>, 8 bytes a step.</summary>
    private static uint Crc32CStep(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data.Slice(sizeof(ulong));
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}

using System;
using System.Security.Cryptography;
using System.Text;

namespace Codegen.Runtime.Auth;

/// <summary>
/// Signs the chunks (and the trailer) of an <c>aws-chunked</c> body after its headers were signed with
/// <see cref="SigV4Signer.Sign"/> and a streaming payload hash (<see cref="SigV4Signer.StreamingPayload"/> or
/// <see cref="SigV4Signer.StreamingPayloadTrailer"/>): each chunk's signature chains the previous one, starting
/// from the seed (the header signature), so chunks cannot be reordered, dropped or replaced.
/// </summary>
/// <remarks>
/// Create one with <see cref="SigV4Signer.CreateChunkSigner"/>, sign the chunks in order (the last one empty),
/// then the trailer if there is one. Holds the derived signing key until disposed; <see cref="ToString"/>
/// prints only the scope.
/// </remarks>
public sealed class SigV4ChunkSigner : IDisposable
{
    /// <summary>The algorithm line of a chunk's string to sign.</summary>
    public const string ChunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";

    /// <summary>The algorithm line of the trailer's string to sign.</summary>
    public const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";

    // Hex SHA-256 of no bytes: the second hash line of every chunk's string to sign.
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly byte[] _key;
    private readonly string _amzDate;
    private readonly string _scope;
    private bool _disposed;

    internal SigV4ChunkSigner(byte[] key, string amzDate, string scope, string seedSignature)
    {
        _key = key;
        _amzDate = amzDate;
        _scope = scope;
        PreviousSignature = seedSignature;
    }

    /// <summary>The last signature made (the seed signature before the first chunk), lowercase hex.</summary>
    public string PreviousSignature { get; private set; }

    /// <summary>Signs the next chunk (an empty span for the final, zero-length chunk) and returns its signature.</summary>
    public string SignChunk(ReadOnlySpan<byte> chunk)
    {
        var stringToSign = ChunkAlgorithm + "\n" + _amzDate + "\n" + _scope + "\n" + PreviousSignature + "\n"
            + EmptySha256 + "\n" + SigV4Signer.HexSha256(chunk);
        return Next(stringToSign);
    }

    /// <summary>
    /// Signs the trailer after the final chunk: <paramref name="canonicalTrailer"/> is each trailing header as
    /// <c>name:value\n</c> (lowercase name, trimmed value), in the order sent.
    /// </summary>
    public string SignTrailer(string canonicalTrailer)
    {
        ArgumentNullException.ThrowIfNull(canonicalTrailer);
        var stringToSign = TrailerAlgorithm + "\n" + _amzDate + "\n" + _scope + "\n" + PreviousSignature + "\n"
            + SigV4Signer.HexSha256(Encoding.UTF8.GetBytes(canonicalTrailer));
        return Next(stringToSign);
    }

    /// <summary>Zeroes the signing key.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
    }

    /// <summary>The scope only.</summary>
    public override string ToString() => "SigV4 chunk signer " + _scope;

    private string Next(string stringToSign)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var signature = Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
        PreviousSignature = signature;
        return signature;
    }
}

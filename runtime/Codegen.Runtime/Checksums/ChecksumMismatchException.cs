using System.IO;

namespace Codegen.Runtime.Checksums;

/// <summary>
/// A payload did not match the checksum sent with it: the bytes were damaged on the way (or the service
/// computed the checksum over something else). Thrown when the end of a validated response body is read.
/// </summary>
/// <remarks>
/// An <see cref="IOException"/>, like any other failure to read a stream, so code that copies the body
/// (<see cref="Stream.CopyToAsync(Stream)"/>) sees it where it expects read errors. Checksums are not secrets:
/// the message names both values.
/// </remarks>
public sealed class ChecksumMismatchException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ChecksumMismatchException(ChecksumAlgorithm algorithm, string expected, string actual)
        : base("The payload failed its " + ChecksumAlgorithms.WireName(algorithm) + " checksum: the service sent '"
            + expected + "', the bytes received have '" + actual + "'.")
    {
        Algorithm = algorithm;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The algorithm that was checked.</summary>
    public ChecksumAlgorithm Algorithm { get; }

    /// <summary>The checksum the service sent (base64).</summary>
    public string Expected { get; }

    /// <summary>The checksum of the bytes received (base64).</summary>
    public string Actual { get; }
}

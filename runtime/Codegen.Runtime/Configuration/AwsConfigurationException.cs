using System;

namespace Codegen.Runtime.Configuration;

/// <summary>
/// A setting in the environment or the shared config files is malformed or contradicts another. The message names
/// the variable, or the file and line, and never a secret value.
/// </summary>
public class AwsConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AwsConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public AwsConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="filePath">The file.</param>
    /// <param name="line">The 1-based line, or 0 for the whole file.</param>
    public AwsConfigurationException(string message, string filePath, int line)
        : base(filePath + (line > 0 ? "(" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty) + ": " + message)
    {
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file at fault, when a file is.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line at fault, or 0.</summary>
    public int Line { get; }
}

using System;

namespace Codegen.Runtime.Auth;

/// <summary>No usable AWS credentials could be found. The message names where they were looked for, never a value.</summary>
public class AwsCredentialsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AwsCredentialsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public AwsCredentialsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

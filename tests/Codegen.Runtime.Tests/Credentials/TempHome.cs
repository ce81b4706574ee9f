using System;
using System.Collections.Generic;
using System.IO;
using Codegen.Runtime.Configuration;

namespace Codegen.Runtime.Tests.Credentials;

/// <summary>
/// A temporary home directory with a <c>.aws</c> folder, and environment variables held in a dictionary: what the
/// credential and region chains read in tests, so nothing of the machine's own ~/.aws or environment is seen.
/// Instance metadata is off unless a test turns it on (pointed at a loopback server).
/// </summary>
internal sealed class TempHome : IDisposable
{
    public const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";

    public TempHome()
    {
        Root = Path.Combine(Path.GetTempPath(), "codegen-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, ".aws"));
        Variables["AWS_EC2_METADATA_DISABLED"] = "true";
    }

    public string Root { get; }

    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    public string ConfigPath => Path.Combine(Root, ".aws", "config");

    public string CredentialsPath => Path.Combine(Root, ".aws", "credentials");

    public AwsEnvironment Environment(TimeProvider? timeProvider = null) =>
        new(name => Variables.GetValueOrDefault(name), Root, timeProvider);

    public TempHome Config(string text)
    {
        File.WriteAllText(ConfigPath, text);
        return this;
    }

    public TempHome Credentials(string text)
    {
        File.WriteAllText(CredentialsPath, text);
        return this;
    }

    /// <summary>Writes a file under the home and returns its path.</summary>
    public string WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

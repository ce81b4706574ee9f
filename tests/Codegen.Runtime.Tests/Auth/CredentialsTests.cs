using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Xunit;

namespace Codegen.Runtime.Tests.Auth;

public sealed class CredentialsTests
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

    [Fact]
    public void ToString_ShowsAMaskedKeyId_NeverTheSecretOrToken()
    {
        var text = new AwsCredentials(KeyId, Secret, Token).ToString();

        Assert.Contains("AKIA****MPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalr", text, StringComparison.Ordinal);
        Assert.Contains("(none)", new AwsCredentials(KeyId, Secret).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, new StaticCredentialsSource(KeyId, Secret, Token).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_RequireAKeyIdAndASecret()
    {
        Assert.Throws<ArgumentException>(() => new AwsCredentials("", Secret));
        Assert.Throws<ArgumentException>(() => new AwsCredentials(KeyId, ""));
        Assert.Null(new AwsCredentials(KeyId, Secret, "").SessionToken);
    }

    [Fact]
    public async Task EnvironmentSource_ReadsTheThreeVariables()
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = KeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Secret,
            ["AWS_SESSION_TOKEN"] = Token,
        };
        var source = new EnvironmentCredentialsSource(name => variables.GetValueOrDefault(name));

        var credentials = await source.GetCredentialsAsync();
        Assert.Equal(KeyId, credentials.AccessKeyId);
        Assert.Equal(Secret, credentials.SecretAccessKey);
        Assert.Equal(Token, credentials.SessionToken);

        variables["AWS_SESSION_TOKEN"] = "";
        Assert.Null((await source.GetCredentialsAsync()).SessionToken); // read again on every call
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    public async Task EnvironmentSource_NamesTheMissingVariable_WithoutShowingValues(string missing)
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = KeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Secret,
            [missing] = null,
        };
        var source = new EnvironmentCredentialsSource(name => variables.GetValueOrDefault(name));

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => source.GetCredentialsAsync().AsTask());

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }
}

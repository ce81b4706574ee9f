using System;
using System.Threading.Tasks;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Configuration;
using Codegen.Runtime.Credentials;
using Xunit;

namespace Codegen.Runtime.Tests.Credentials;

public sealed class SharedConfigTests
{
    [Fact]
    public void ProfilesOfBothFiles_AreMerged_TheCredentialsFileWinning()
    {
        var config = AwsSharedConfig.Parse(
            "# comment\n[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-2 ; a comment\noutput=json\n"
            + "s3 =\n  max_concurrent_requests = 10\n  addressing_style = path\n[sso-session corp]\nsso_region = eu-central-1\n[services local]\ndynamodb =\n  endpoint_url = http://localhost:8000\n",
            "config",
            "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = a=b;c\nregion = ap-south-1\n",
            "credentials");

        var dev = config.GetProfile("dev")!;
        Assert.Equal("ap-south-1", dev["region"]); // credentials file wins
        Assert.Equal("credentials(4)", dev.TryGet("region")!.ToString());
        Assert.Equal("json", dev["output"]);
        Assert.Equal("a=b;c", dev["aws_secret_access_key"]); // '=' and ';' inside a value are kept
        Assert.Equal("10", dev.SubProperties("s3")["max_concurrent_requests"].Value);
        Assert.Equal("path", dev.SubProperties("s3")["addressing_style"].Value);
        Assert.Equal("eu-west-1", config.GetProfile("default")!["region"]);
        Assert.Equal("eu-central-1", config.GetSsoSession("corp")!["sso_region"]);
        Assert.Equal("http://localhost:8000", config.GetServices("local")!.SubProperties("dynamodb")["endpoint_url"].Value);
        Assert.Null(config.GetProfile("corp"));
    }

    [Fact]
    public void PrefixedDefault_WinsOverPlainDefault_InTheConfigFile()
    {
        var config = AwsSharedConfig.Parse("[default]\nregion = a-1\n[profile default]\nregion = b-2\n", "config", null, null);

        Assert.Equal("b-2", config.GetProfile("default")!["region"]);
    }

    [Fact]
    public void SectionsTheFileDoesNotDefine_AreSkippedWithTheirProperties()
    {
        var config = AwsSharedConfig.Parse("[dev]\nregion = x-1\n  continued\n[profile ok]\nregion = y-2\n", "config", null, null);

        Assert.Null(config.GetProfile("dev")); // [dev] is not a profile in the config file
        Assert.Equal("y-2", config.GetProfile("ok")!["region"]);
    }

    [Theory]
    [InlineData("region = x\n[default]\n", 1, "section header")]
    [InlineData("[default]\nregion = x\nthis line has no equals sign\n", 3, "'=' sign")]
    [InlineData("[default]\n[profile broken\n", 2, "must end with ']'")]
    [InlineData("[default]\n= value\n", 2, "no name")]
    [InlineData("[default]\n  indented = before any property\n", 2, "continuation line")]
    [InlineData("[default]\nregion = x\n[profile a] trailing\n", 3, "after the section header")]
    public void MalformedFiles_AreErrorsNamingTheFileAndLine(string text, int line, string what)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsSharedConfig.Parse(text, "profiles/config", null, null));

        Assert.Equal("profiles/config", error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.StartsWith("profiles/config(" + line + "): ", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedCredentialsFile_StopsTheChain_WithFileAndLine_AndNoSecret()
    {
        using var home = new TempHome().Credentials("[default]\naws_access_key_id = " + TempHome.KeyId + "\naws_secret_access_key " + TempHome.Secret + "\n");
        var chain = new DefaultCredentialsChain(environment: home.Environment());

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => chain.GetCredentialsAsync().AsTask());

        Assert.Contains(home.CredentialsPath + "(3)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TempHome.Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TempHome.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_ComeFromTheVariables_OrTheHome()
    {
        using var home = new TempHome();
        var other = home.WriteFile("elsewhere/conf", "[profile x]\nregion = r-1\n");
        home.Variables["AWS_CONFIG_FILE"] = other;
        home.Variables["AWS_SHARED_CREDENTIALS_FILE"] = "~/elsewhere/creds";

        var config = AwsSharedConfig.Load(home.Environment());

        Assert.Equal(other, config.ConfigFilePath);
        Assert.Equal(System.IO.Path.Combine(home.Root, "elsewhere/creds"), config.CredentialsFilePath); // '~' is the home; a missing file is empty
        Assert.Equal("r-1", config.GetProfile("x")!["region"]);
    }

    [Fact]
    public void BooleanSettings_RefuseOtherValues()
    {
        var config = AwsSharedConfig.Parse("[default]\nflag = yes\n", "config", null, null);

        var error = Assert.Throws<AwsConfigurationException>(() => config.GetProfile("default")!.GetBoolean("flag"));
        Assert.Equal(2, error.Line);
    }
}

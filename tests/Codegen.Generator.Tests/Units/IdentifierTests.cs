using Codegen.Generator.Naming;
using Xunit;

namespace Codegen.Generator.Tests.Units;

public class IdentifierTests
{
    [Theory]
    [InlineData("VerifySoftwareToken", "VerifySoftwareToken")]
    [InlineData("message", "Message")]
    [InlineData("reasonCode", "ReasonCode")]
    [InlineData("Cognito Identity Provider", "CognitoIdentityProvider")]
    [InlineData("aws.protocols-test", "AwsProtocolsTest")]
    [InlineData("__type", "Type")]
    [InlineData("2fa", "_2fa")]
    [InlineData("", "Value")]
    [InlineData("café", "Café")]
    [InlineData("event", "Event")]
    public void TypeAndMemberNames(string model, string expected) => Assert.Equal(expected, Identifiers.ToPascalCase(model));

    [Theory]
    [InlineData("SUCCESS", "Success")]
    [InlineData("SOFTWARE_TOKEN_MFA", "SoftwareTokenMfa")]
    [InlineData("t2.micro", "T2Micro")]
    [InlineData("us-east-1", "UsEast1")]
    [InlineData("application/json", "ApplicationJson")]
    [InlineData("1.0", "_10")]
    [InlineData("camelCase", "CamelCase")]
    public void EnumMemberNames(string value, string expected) => Assert.Equal(expected, Identifiers.ToEnumMemberName(value));

    [Theory]
    [InlineData("UserCode", "userCode")]
    [InlineData("Event", "@event")]
    [InlineData("Namespace", "@namespace")]
    [InlineData("String", "@string")]
    [InlineData("Record", "@record")]
    [InlineData("Value", "@value")]
    [InlineData("KMSKeyId", "kmsKeyId")]
    [InlineData("ARN", "arn")]
    [InlineData("_10", "value_10")]
    public void ParameterNames(string property, string expected) => Assert.Equal(expected, Identifiers.ToParameterName(property));
}

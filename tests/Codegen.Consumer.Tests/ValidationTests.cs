using Aws.CognitoIdentityProvider;
using Codegen.Consumer.Tests.Library;
using Codegen.Runtime.Operations;
using Codegen.Runtime.Validation;
using Xunit;

// The model checks (analyzers CG1xxx) are right to flag these constants: these tests build requests that break the model on purpose, to test the runtime validation.
#pragma warning disable CG1001, CG1002, CG1003

namespace Codegen.Consumer.Tests;

/// <summary>Checks before sending, as botocore's ParamValidator does them.</summary>
public class ValidationTests
{
    private static void Validate<TResponse>(IAwsRequest<TResponse> request, ValidationOptions? options = null)
        where TResponse : IAwsResponse => request.Operation.ValidateRequest(request, options);

    [Fact]
    public void AValidRequestPasses() => Validate(new VerifySoftwareToken("123456").WithAccessToken("tok"));

    [Fact]
    public void EveryProblemIsReportedAtOnceWithItsPath()
    {
        var request = new VerifySoftwareToken("12345").WithSession("too-short-secret");

        var exception = Assert.Throws<RequestValidationException>(() => Validate(request));

        Assert.Equal(new[] { "Session: length 16, minimum 20", "UserCode: length 5, minimum 6" }, exception.Problems);
        Assert.DoesNotContain("12345", exception.Message);
        Assert.DoesNotContain("too-short-secret", exception.Message);
    }

    [Fact]
    public void MissingRequiredMembersAreReported()
    {
        var request = new VerifySoftwareToken("123456") { UserCode = null! };

        var exception = Assert.Throws<RequestValidationException>(() => Validate(request));

        Assert.Equal(new[] { "UserCode: required member is missing" }, exception.Problems);
    }

    [Fact]
    public void MaximumsAndPatternsAreCheckedOnlyWhenAsked()
    {
        // Model patterns are not anchored (Smithy's rule): "[0-9]+" matches any value that contains a digit.
        var request = new VerifySoftwareToken("abcdef").WithFriendlyDeviceName(new string('a', 131073)).WithAccessToken("!!!");

        Validate(request);
        Validate(request.WithAccessToken("has a token-like part").WithUserCode("a1b2c3"), new ValidationOptions { CheckPatterns = true });
        var exception = Assert.Throws<RequestValidationException>(() => Validate(request, new ValidationOptions { CheckMaximums = true, CheckPatterns = true }));

        Assert.Equal(
            new[]
            {
                "AccessToken: does not match the pattern [A-Za-z0-9-_=.]+",
                "UserCode: does not match the pattern [0-9]+",
                "FriendlyDeviceName: length 131073, maximum 131072",
            },
            exception.Problems);
    }

    [Fact]
    public void CheckingCanBeSwitchedOff() => Validate(new VerifySoftwareToken(""), ValidationOptions.None);

    [Fact]
    public void NestedValuesAreCheckedWithTheirPaths()
    {
        var book = new Book("Top").WithRelated(new[] { new Book("ok"), new Book("bad") { Title = null! } }).WithAuthor(new Person("x") { Name = null! });

        var exception = Assert.Throws<RequestValidationException>(() => Validate(new PutBook(book)));

        Assert.Equal(new[] { "Book.Author.Name: required member is missing", "Book.Related[1].Title: required member is missing" }, exception.Problems);
    }
}

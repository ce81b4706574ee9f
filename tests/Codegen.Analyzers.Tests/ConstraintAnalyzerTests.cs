using System.Threading.Tasks;
using Codegen.Analyzers.Tests.Infrastructure;
using Codegen.Generator.Analyzers;
using Xunit;

namespace Codegen.Analyzers.Tests;

public sealed class ConstraintAnalyzerTests
{
    [Fact]
    public Task AShortUserCodeIsReportedAtTheLiteralWithTheRuntimeWording() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.CognitoIdentityProvider;

            class C
            {
                VerifySoftwareToken Build() => new VerifySoftwareToken({|#0:"12345"|});
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(0).WithArguments("UserCode: length 5, minimum 6"));

    [Fact]
    public Task ValidConstantsAndNonConstantsAreNotReported() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.CognitoIdentityProvider;
            using Aws.Gadgets;

            class C
            {
                const string Code = "123456";

                object[] Build(string fromUser, int count) => new object[]
                {
                    new VerifySoftwareToken(Code).WithFriendlyDeviceName("Alice's phone"),
                    new VerifySoftwareToken(fromUser),
                    new PutGadget("lamp-2", 100).WithTags(new[] { "a", "ten-chars!" }).WithWeight(0.0),
                    new PutGadget(fromUser, count) { Secret = null, Color = null },
                    new ListGadgets().WithLimit(null),
                };
            }
            """);

    [Fact]
    public Task LengthsAreCountedInCodePoints() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.CognitoIdentityProvider;

            class C
            {
                // Six code points, seven UTF-16 units: the first is a surrogate pair.
                object Ok() => new VerifySoftwareToken("\U0001F600" + "12345");
                object Short() => new VerifySoftwareToken({|#0:"\U0001F600" + "1234"|});
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(0).WithArguments("UserCode: length 5, minimum 6"));

    [Fact]
    public Task MaximumsRangesAndPatternsAreCheckedInConstructorsWithMethodsAndInitializers() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.Gadgets;

            class C
            {
                object[] Build(PutGadget existing) => new object[]
                {
                    new PutGadget({|#0:"this-name-is-far-too-long"|}, {|#1:0|}),
                    existing.WithName({|#2:"Lamp"|}).WithCount({|#3:101|}),
                    new PutGadget("lamp", 1) { Weight = {|#4:-0.5|} },
                    new PutGadget("lamp", 1) { Name = {|#5:"ab"|} },
                };
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(0).WithArguments("Name: length 25, maximum 20"),
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(1).WithArguments("Count: value below the minimum 1"),
            Verify.Diagnostic(AnalyzerDescriptors.PatternViolated).WithLocation(2).WithArguments("Name: does not match the pattern ^[a-z][a-z0-9-]*$"),
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(3).WithArguments("Count: value above the maximum 100"),
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(4).WithArguments("Weight: value below the minimum 0"),
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(5).WithArguments("Name: length 2, minimum 3"));

    [Fact]
    public Task ListLengthsAndElementsOfArrayInitializersAreChecked() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.Gadgets;

            class C
            {
                object[] Build(PutGadget existing) => new object[]
                {
                    existing.WithTags({|#0:new string[0]|}),
                    existing.WithTags({|#1:new[] { "a", "b", "c", "d" }|}),
                    existing.WithTags(new[] { "ok", {|#2:""|} }),
                };
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(0).WithArguments("Tags: length 0, minimum 1"),
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(1).WithArguments("Tags: length 4, maximum 3"),
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(2).WithArguments("Tags[1]: length 0, minimum 1"));

    [Fact]
    public Task NullForARequiredMemberIsReported() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.CognitoIdentityProvider;
            using Aws.Gadgets;

            class C
            {
                object[] Build(VerifySoftwareToken request) => new object[]
                {
                    new VerifySoftwareToken({|#0:null|}!),
                    request.WithUserCode({|#1:null|}!),
                    new VerifySoftwareToken("123456") { UserCode = {|#2:null|}! },
                    new Outline.Label({|#3:null|}!),
                    request.WithSession(null),
                };
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.RequiredMemberNull).WithLocation(0).WithArguments("UserCode: required member is missing"),
            Verify.Diagnostic(AnalyzerDescriptors.RequiredMemberNull).WithLocation(1).WithArguments("UserCode: required member is missing"),
            Verify.Diagnostic(AnalyzerDescriptors.RequiredMemberNull).WithLocation(2).WithArguments("UserCode: required member is missing"),
            Verify.Diagnostic(AnalyzerDescriptors.RequiredMemberNull).WithLocation(3).WithArguments("Label: required member is missing"));

    [Fact]
    public Task UnionCasesAreCheckedAgainstTheirMember() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.Gadgets;

            class C
            {
                object[] Build() => new object[] { new Outline.Radius({|#0:0|}), new Outline.Label("ok-label"), new Outline.Radius(5) };
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(0).WithArguments("Radius: value below the minimum 1"));

    [Fact]
    public Task EnumStringsTheModelDoesNotListAreReportedWithASuggestion() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            using Aws.CognitoIdentityProvider;
            using Aws.Gadgets;

            class C
            {
                object[] Build() => new object[]
                {
                    new VerifySoftwareTokenResponseType({|#0:"SUCESS"|}),
                    (Color){|#1:"dark-blue"|},
                    new Color({|#2:"PURPLE"|}),
                    new Color({|#3:"RED"|}),
                    (VerifySoftwareTokenResponseType){|#4:"ERROR"|},
                };
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.UnknownEnumValue).WithLocation(0).WithArguments("\"SUCESS\" is not a value of VerifySoftwareTokenResponseType in the model; did you mean SUCCESS?"),
            Verify.Diagnostic(AnalyzerDescriptors.UnknownEnumValue).WithLocation(1).WithArguments("\"dark-blue\" is not a value of Color in the model; did you mean DARK_BLUE?"),
            Verify.Diagnostic(AnalyzerDescriptors.UnknownEnumValue).WithLocation(2).WithArguments("\"PURPLE\" is not a value of Color in the model; it lists RED, GREEN, DARK_BLUE"),
            Verify.Diagnostic(AnalyzerDescriptors.EnumValueAsString).WithLocation(3).WithArguments("use Color.Red instead of \"RED\""),
            Verify.Diagnostic(AnalyzerDescriptors.EnumValueAsString).WithLocation(4).WithArguments("use VerifySoftwareTokenResponseType.Error instead of \"ERROR\""));

    [Fact]
    public Task TypesOutsideTheModelsAreIgnored() =>
        Verify.Analyzer<ConstraintAnalyzer>(
            """
            namespace Aws.Gadgets.Mine
            {
                class PutGadget
                {
                    public PutGadget(string name, int count) { }
                    public PutGadget WithName(string name) => this;
                }

                class C
                {
                    object Build() => new PutGadget("x", 0).WithName("");
                }
            }
            """);
}

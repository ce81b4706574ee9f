using System.Threading.Tasks;
using Codegen.Analyzers.Tests.Infrastructure;
using Codegen.CodeFixes;
using Codegen.Generator.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Codegen.Analyzers.Tests;

public sealed class CodeFixTests
{
    [Fact]
    public Task AKnownEnumStringBecomesTheEnumProperty() =>
        Verify.CodeFix<ConstraintAnalyzer, EnumLiteralCodeFix>(
            """
            using Aws.Gadgets;

            class C
            {
                Color A() => new Color({|#0:"DARK_BLUE"|});
                Color B() => (Color){|#1:"RED"|};
                Color C2() => new({|#2:"GREEN"|});
            }
            """,
            """
            using Aws.Gadgets;

            class C
            {
                Color A() => Color.DarkBlue;
                Color B() => Color.Red;
                Color C2() => Color.Green;
            }
            """,
            new[]
            {
                Verify.Diagnostic(AnalyzerDescriptors.EnumValueAsString).WithLocation(0).WithArguments("use Color.DarkBlue instead of \"DARK_BLUE\""),
                Verify.Diagnostic(AnalyzerDescriptors.EnumValueAsString).WithLocation(1).WithArguments("use Color.Red instead of \"RED\""),
                Verify.Diagnostic(AnalyzerDescriptors.EnumValueAsString).WithLocation(2).WithArguments("use Color.Green instead of \"GREEN\""),
            });

    [Fact]
    public Task AMistypedEnumStringBecomesTheSuggestedProperty() =>
        Verify.CodeFix<ConstraintAnalyzer, EnumLiteralCodeFix>(
            """
            using Aws.CognitoIdentityProvider;

            class C
            {
                bool Ok(VerifySoftwareTokenResponse response) => response.Status == new VerifySoftwareTokenResponseType({|#0:"SUCESS"|});
            }
            """,
            """
            using Aws.CognitoIdentityProvider;

            class C
            {
                bool Ok(VerifySoftwareTokenResponse response) => response.Status == VerifySoftwareTokenResponseType.Success;
            }
            """,
            new[]
            {
                Verify.Diagnostic(AnalyzerDescriptors.UnknownEnumValue).WithLocation(0)
                    .WithArguments("\"SUCESS\" is not a value of VerifySoftwareTokenResponseType in the model; did you mean SUCCESS?"),
            });

    [Fact]
    public Task AnEnumStringWithoutASuggestionHasNoFix() =>
        Verify.CodeFix<ConstraintAnalyzer, EnumLiteralCodeFix>(
            """
            using Aws.Gadgets;

            class C
            {
                Color A() => new Color({|#0:"PURPLE"|});
            }
            """,
            """
            using Aws.Gadgets;

            class C
            {
                Color A() => new Color({|#0:"PURPLE"|});
            }
            """,
            new[] { Verify.Diagnostic(AnalyzerDescriptors.UnknownEnumValue).WithLocation(0).WithArguments("\"PURPLE\" is not a value of Color in the model; it lists RED, GREEN, DARK_BLUE") },
            new[] { Verify.Diagnostic(AnalyzerDescriptors.UnknownEnumValue).WithLocation(0).WithArguments("\"PURPLE\" is not a value of Color in the model; it lists RED, GREEN, DARK_BLUE") });

    [Fact]
    public Task AMissingRequiredArgumentIsAddedAndThePlaceholderIsThenChecked() =>
        Verify.CodeFix<ConstraintAnalyzer, RequiredArgumentCodeFix>(
            """
            using Aws.CognitoIdentityProvider;

            class C
            {
                VerifySoftwareToken Build() => new {|#0:VerifySoftwareToken|}().WithSession("session-from-the-challenge");
            }
            """,
            """
            using Aws.CognitoIdentityProvider;

            class C
            {
                VerifySoftwareToken Build() => new VerifySoftwareToken(userCode: {|#1:""|}).WithSession("session-from-the-challenge");
            }
            """,
            new[] { DiagnosticResult.CompilerError("CS7036").WithLocation(0).WithArguments("userCode", "Aws.CognitoIdentityProvider.VerifySoftwareToken.VerifySoftwareToken(string)") },
            new[]
            {
                Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(1).WithArguments("UserCode: length 0, minimum 6"),
                Verify.Diagnostic(AnalyzerDescriptors.PatternViolated).WithLocation(1).WithArguments("UserCode: does not match the pattern [0-9]+"),
            });

    [Fact]
    public Task ValuesSetInTheInitializerMoveIntoTheConstructorAndOthersGetPlaceholders() =>
        Verify.CodeFix<ConstraintAnalyzer, RequiredArgumentCodeFix>(
            """
            using Aws.Gadgets;

            class C
            {
                PutGadget Build(string name) => new {|#0:PutGadget|} { Name = name, Secret = "s" };
                Gadget Other(int count) => new {|#1:Gadget|} { Name = "lamp" };
            }
            """,
            """
            using Aws.Gadgets;

            class C
            {
                PutGadget Build(string name) => new PutGadget(name: name, count: {|#2:0|}) { Secret = "s" };
                Gadget Other(int count) => new Gadget(name: "lamp");
            }
            """,
            new[]
            {
                DiagnosticResult.CompilerError("CS7036").WithLocation(0).WithArguments("name", "Aws.Gadgets.PutGadget.PutGadget(string, int)"),
                DiagnosticResult.CompilerError("CS7036").WithLocation(1).WithArguments("name", "Aws.Gadgets.Gadget.Gadget(string)"),
            },
            new[] { Verify.Diagnostic(AnalyzerDescriptors.ConstraintViolated).WithLocation(2).WithArguments("Count: value below the minimum 1") });
}

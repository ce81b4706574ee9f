using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Codegen.Analyzers.Tests.Infrastructure;
using Codegen.Generator;
using Codegen.Generator.Analyzers;
using Codegen.Generator.Naming;
using Codegen.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Codegen.Analyzers.Tests;

public sealed class IamPolicyAnalyzerTests
{
    private static readonly Dictionary<string, string> Output = new() { ["AwsIamPolicyOutput"] = "iam-policy.json" };

    private static DiagnosticResult Actions(string message) =>
        Verify.Diagnostic(AnalyzerDescriptors.IamActions).WithNoLocation().WithArguments(message);

    [Fact]
    public Task ClientMethodsAndSendAsyncWithAGeneratedRequestAreListed() =>
        Verify.Analyzer<IamPolicyAnalyzer>(
            """
            using System.Threading.Tasks;
            using Aws.CognitoIdentityProvider;
            using Aws.Gadgets;

            class C
            {
                async Task Run(CognitoIdentityProviderClient cognito, GadgetsClient gadgets)
                {
                    await cognito.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456"));
                    await gadgets.SendAsync(new GetGadget("lamp"));
                    await gadgets.GetGadgetAsync(new GetGadget("lamp"));
                }
            }
            """,
            new[] { TestModel.Seed, TestModel.Gadgets },
            Output,
            Actions("this code calls 2 AWS actions, written as an IAM policy to iam-policy.json: cognito-idp:VerifySoftwareToken, gadgets:GetGadget"));

    [Fact]
    public Task CallsThroughTheClientInterfaceAreListed() =>
        Verify.Analyzer<IamPolicyAnalyzer>(
            """
            using System.Threading.Tasks;
            using Aws.CognitoIdentityProvider;
            using Aws.Gadgets;

            class C
            {
                async Task Run(ICognitoIdentityProviderClient cognito, IGadgetsClient gadgets)
                {
                    await cognito.VerifySoftwareTokenAsync(new VerifySoftwareToken("123456"));
                    await gadgets.SendAsync(new GetGadget("lamp"));
                }
            }
            """,
            new[] { TestModel.Seed, TestModel.Gadgets },
            Output,
            Actions("this code calls 2 AWS actions, written as an IAM policy to iam-policy.json: cognito-idp:VerifySoftwareToken, gadgets:GetGadget"));

    [Fact]
    public Task NothingIsReportedWithoutTheProperty() =>
        Verify.Analyzer<IamPolicyAnalyzer>(
            """
            using System.Threading.Tasks;
            using Aws.CognitoIdentityProvider;
            using Codegen.Runtime.Operations;

            class C
            {
                Task Run<T>(CognitoIdentityProviderClient cognito, IAwsRequest<T> request) where T : IAwsResponse => cognito.SendAsync(request);
            }
            """);

    [Fact]
    public Task ACallWhoseOperationIsUnknownIsReported() =>
        Verify.Analyzer<IamPolicyAnalyzer>(
            """
            using System.Threading.Tasks;
            using Aws.CognitoIdentityProvider;
            using Codegen.Runtime.Operations;

            class C
            {
                Task Run<T>(CognitoIdentityProviderClient cognito, IAwsRequest<T> request) where T : IAwsResponse => {|#0:cognito.SendAsync(request)|};
            }
            """,
            new[] { TestModel.Seed },
            Output,
            Verify.Diagnostic(AnalyzerDescriptors.IamUnknownOperation).WithLocation(0).WithArguments(
                "the operation this call sends is not known at compile time, so the IAM policy written to AwsIamPolicyOutput does not include it; call the generated client method or pass the generated request type"),
            Actions("this code calls no AWS operation; the IAM policy written to iam-policy.json allows nothing"));

    [Fact]
    public async Task SmithyIamTraitsRenameActionsAddRequiredActionsAndNameResources()
    {
        const string Source = """
            using System.Threading.Tasks;
            using Aws.Widgets;

            class C
            {
                async Task Run(WidgetsClient client)
                {
                    await client.CreateWidgetAsync(new CreateWidget());
                    await client.GetWidgetAsync(new GetWidget("w-1"));
                    await client.BatchGetWidgetsAsync(new BatchGetWidgets());
                }
            }
            """;
        await Verify.Analyzer<IamPolicyAnalyzer>(Source, new[] { TestModel.Widgets }, Output,
            Actions("this code calls 4 AWS actions, written as an IAM policy to iam-policy.json: iam:PassRole, kms:Encrypt, widgets:CreateWidget, widgets:GetWidget"));

        Assert.Equal(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": [
                    "iam:PassRole",
                    "kms:Encrypt",
                    "widgets:CreateWidget"
                  ],
                  "Resource": "*"
                },
                {
                  "Effect": "Allow",
                  "Action": [
                    "widgets:GetWidget"
                  ],
                  "Resource": [
                    "arn:aws:widgets:*:*:widget/*"
                  ]
                }
              ]
            }

            """.Replace("\r\n", "\n"),
            await Policies.Of(Source, TestModel.Widgets));
    }

    [SkippableTheory]
    [InlineData("scheduler.json", "UpdateSchedule", "scheduler", null, "scheduler:TagResource scheduler:UntagResource", "")]
    [InlineData("cleanrooms.json", "GetAnalysisTemplate", "cleanrooms", null, "", "arn:aws:cleanrooms:*:*:membership/*/analysistemplate/*")]
    [InlineData("verifiedpermissions.json", "BatchGetPolicy", "verifiedpermissions", "GetPolicy", "", "")]
    public void RealSmithyModelsGiveTheirIamTraits(string file, string operation, string arnNamespace, string? actionName, string requiredActions, string resourceArns)
    {
        var path = SharedData.RequirePath("models", "smithy", file);
        var parsed = SpecPipeline.Parse(new SpecInput(path, File.ReadAllText(path), SpecOptions.Default), default);

        Assert.NotNull(parsed.Model);
        Assert.Equal(arnNamespace, parsed.Model!.Metadata.ArnNamespace);
        var iam = parsed.Model.Operations.Single(o => o.Name == operation).Iam;
        Assert.NotNull(iam);
        Assert.Equal(actionName, iam!.ActionName);
        Assert.Equal(requiredActions, string.Join(" ", iam.RequiredActions));
        Assert.Equal(resourceArns, string.Join(" ", iam.ResourceArns));
    }
}

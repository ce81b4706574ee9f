using System.Threading.Tasks;
using Codegen.Analyzers.Tests.Infrastructure;
using Codegen.Generator.Analyzers;
using Xunit;

namespace Codegen.Analyzers.Tests;

public sealed class SensitiveDataAnalyzerTests
{
    [Fact]
    public Task SensitiveMembersReachingTheConsoleAreReported() =>
        Verify.Analyzer<SensitiveDataAnalyzer>(
            """
            using System;
            using Aws.CognitoIdentityProvider;

            class C
            {
                void Print(VerifySoftwareToken request)
                {
                    Console.WriteLine({|#0:request.AccessToken|});
                    Console.Error.Write({|#1:"code: " + request.UserCode|});
                    Console.Out.WriteLine("{0}", {|#2:request.Session|});
                    Console.WriteLine(request.FriendlyDeviceName);
                    Console.WriteLine(request);
                    Console.WriteLine(request.UserCode.Length);
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(0).WithArguments("VerifySoftwareToken.AccessToken is sensitive in the model and reaches Console.WriteLine"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(1).WithArguments("VerifySoftwareToken.UserCode is sensitive in the model and reaches Console.Error.Write"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(2).WithArguments("VerifySoftwareToken.Session is sensitive in the model and reaches Console.Out.WriteLine"));

    [Fact]
    public Task ValuesReadIntoLocalsAreFollowedWithinTheMethod() =>
        Verify.Analyzer<SensitiveDataAnalyzer>(
            """
            using System;
            using Aws.Gadgets;

            class C
            {
                void Print(GetGadgetResponse response, PutGadget request)
                {
                    var secret = response.Gadget?.Secret ?? throw new InvalidOperationException();
                    var upper = secret.Trim().ToUpperInvariant();
                    string copy;
                    copy = upper;
                    Console.WriteLine({|#0:copy|});
                    if (request.Secret is { } fromPattern)
                    {
                        Console.WriteLine({|#1:fromPattern|});
                    }

                    var pin = GetGadgetResponse.Lenses.Gadget.Get(response) is { } gadget ? Gadget.Lenses.Pin.Get(gadget) : null;
                    Console.WriteLine({|#2:pin|});
                    if (PutGadget.Optionals.Secret.TryGet(request, out var optionalSecret))
                    {
                        Console.WriteLine({|#3:optionalSecret|});
                    }

                    Console.WriteLine({|#4:PutGadget.Optionals.Secret.GetOrDefault(request, "none")|});
                    Console.WriteLine(secret.Length);
                    Console.WriteLine(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)));
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(0).WithArguments("Gadget.Secret is sensitive in the model and reaches Console.WriteLine"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(1).WithArguments("PutGadget.Secret is sensitive in the model and reaches Console.WriteLine"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(2).WithArguments("Gadget.Pin is sensitive in the model and reaches Console.WriteLine"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(3).WithArguments("PutGadget.Secret is sensitive in the model and reaches Console.WriteLine"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(4).WithArguments("PutGadget.Secret is sensitive in the model and reaches Console.WriteLine"));

    [Fact]
    public Task LoggerCallsAreSinks() =>
        Verify.Analyzer<SensitiveDataAnalyzer>(
            """
            using Aws.Gadgets;
            using Microsoft.Extensions.Logging;

            class C
            {
                void Log(ILogger<C> logger, ILogger plain, PutGadgetResponse response)
                {
                    logger.LogInformation("created {Id} with key {Key}", response.Id, {|#0:response.ApiKey|});
                    plain.Log(LogLevel.Warning, {|#1:response.ApiKey|});
                    logger.LogDebug("created {Id}", response.Id);
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(0).WithArguments("PutGadgetResponse.ApiKey is sensitive in the model and reaches a logger (LogInformation)"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(1).WithArguments("PutGadgetResponse.ApiKey is sensitive in the model and reaches a logger (Log)"));

    [Fact]
    public Task InterpolationIsReportedOnceAtTheHole() =>
        Verify.Analyzer<SensitiveDataAnalyzer>(
            """
            using System;
            using Aws.Gadgets;

            class C
            {
                string Header(PutGadget request)
                {
                    Console.WriteLine($"secret: {{|#0:request.Secret|}}, name: {request.Name}");
                    var key = request.Secret;
                    return $"Bearer {{|#1:key|}}";
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(0).WithArguments("PutGadget.Secret is sensitive in the model and is written into an interpolated string"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(1).WithArguments("PutGadget.Secret is sensitive in the model and is written into an interpolated string"));

    [Fact]
    public Task ToStringOfATypeThatDoesNotRedactIsReported() =>
        Verify.Analyzer<SensitiveDataAnalyzer>(
            """
            using Aws.Gadgets;

            record Credentials(string Name, string Key);

            class C
            {
                string[] Describe(PutGadget request)
                {
                    var holder = new Credentials(request.Name, request.Secret!);
                    return new[]
                    {
                        {|#0:holder|}.ToString(),
                        {|#1:new { request.Secret }|}.ToString(),
                        request.ToString(),
                        new PutGadget("lamp", 1).WithSecret(request.Secret).ToString(),
                    };
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(0).WithArguments("PutGadget.Secret is sensitive in the model and is turned into text by Credentials.ToString(), which does not redact it"),
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(1).WithArguments("PutGadget.Secret is sensitive in the model and is turned into text by .ToString(), which does not redact it"));

    [Fact]
    public Task UnionCasesAndLambdasAreCovered() =>
        Verify.Analyzer<SensitiveDataAnalyzer>(
            """
            using System;
            using System.Collections.Generic;
            using Aws.Gadgets;

            class C
            {
                void Each(IEnumerable<PutGadget> requests)
                {
                    foreach (var request in requests)
                    {
                        Action print = () => Console.WriteLine({|#0:request.Secret|});
                        print();
                    }
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.SensitiveDataFlow).WithLocation(0).WithArguments("PutGadget.Secret is sensitive in the model and reaches Console.WriteLine"));
}

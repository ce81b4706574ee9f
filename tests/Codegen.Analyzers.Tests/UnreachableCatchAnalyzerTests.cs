using System.Threading.Tasks;
using Codegen.Analyzers.Tests.Infrastructure;
using Codegen.Generator.Analyzers;
using Xunit;

namespace Codegen.Analyzers.Tests;

public sealed class UnreachableCatchAnalyzerTests
{
    [Fact]
    public Task AnErrorTheCalledOperationDoesNotListIsReported() =>
        Verify.Analyzer<UnreachableCatchAnalyzer>(
            """
            using System.Threading.Tasks;
            using Aws.Gadgets;

            class C
            {
                async Task Run(GadgetsClient client)
                {
                    try
                    {
                        await client.GetGadgetAsync(new GetGadget("lamp"));
                    }
                    catch (GadgetNotFoundException)
                    {
                    }
                    catch ({|#0:GadgetExistsException|} e)
                    {
                    }
                    catch (GadgetsException)
                    {
                    }
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.UnreachableCatch).WithLocation(0)
                .WithArguments("GadgetExistsException cannot be thrown here: the operations called in the try block do not list it in the model"));

    [Fact]
    public Task SendAsyncAndCallsIntoOtherMethodsAreFollowed() =>
        Verify.Analyzer<UnreachableCatchAnalyzer>(
            """
            using System.Threading.Tasks;
            using Aws.Gadgets;

            class C
            {
                async Task Run(GadgetsClient client)
                {
                    try
                    {
                        await client.SendAsync(new ListGadgets());
                        await Helper(client);
                        Log("done");
                    }
                    catch ({|#0:GadgetNotFoundException|})
                    {
                    }
                    catch (GadgetExistsException)
                    {
                    }
                    catch (ThrottledException)
                    {
                    }

                    try
                    {
                        Log("nothing");
                    }
                    catch ({|#1:ThrottledException|})
                    {
                    }
                }

                Task Helper(GadgetsClient client) => Put(client);

                async Task Put(GadgetsClient client) => await client.PutGadgetAsync(new PutGadget("lamp", 1));

                static void Log(string text) => System.Console.WriteLine(text);
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.UnreachableCatch).WithLocation(0)
                .WithArguments("GadgetNotFoundException cannot be thrown here: the operations called in the try block do not list it in the model"),
            Verify.Diagnostic(AnalyzerDescriptors.UnreachableCatch).WithLocation(1)
                .WithArguments("ThrottledException cannot be thrown here: no operation in the try block lists any error in the model"));

    [Fact]
    public Task WhatTheAnalysisCannotSeeThroughKeepsItSilent() =>
        Verify.Analyzer<UnreachableCatchAnalyzer>(
            """
            using System;
            using System.Threading.Tasks;
            using Aws.Gadgets;
            using Codegen.Runtime.Operations;
            using Codegen.Runtime.Errors;

            interface IStore { Task Save(); }

            class C
            {
                async Task Run<TResponse>(GadgetsClient client, Func<Task> callback, Task started, IStore store, IAwsRequest<TResponse> request, AwsServiceException error)
                    where TResponse : IAwsResponse
                {
                    try { await callback(); } catch (GadgetExistsException) { }
                    try { await started; } catch (GadgetExistsException) { }
                    try { await store.Save(); } catch (GadgetExistsException) { }
                    try { await client.SendAsync(request); } catch (GadgetNotFoundException) { }
                    try { throw error; } catch (GadgetExistsException) { }
                    try { throw new GadgetExistsException("m", 400, null); } catch (GadgetExistsException) { }
                    try { await Task.Run(() => client.PutGadgetAsync(new PutGadget("lamp", 1))); } catch (GadgetExistsException) { }
                    try { Local(); } catch (GadgetNotFoundException) { }

                    void Local() => client.GetGadgetAsync(new GetGadget("lamp")).GetAwaiter().GetResult();
                }
            }
            """);

    [Fact]
    public Task ARequestTypedByItsGeneratedResponseNamesItsOperation() =>
        Verify.Analyzer<UnreachableCatchAnalyzer>(
            """
            using System.Threading.Tasks;
            using Aws.Gadgets;
            using Codegen.Runtime.Operations;

            class C
            {
                async Task Run(GadgetsClient client, IAwsRequest<PutGadgetResponse> request)
                {
                    try { await client.SendAsync(request); } catch ({|#0:GadgetNotFoundException|}) { } catch (GadgetExistsException) { }
                }
            }
            """,
            Verify.Diagnostic(AnalyzerDescriptors.UnreachableCatch).WithLocation(0)
                .WithArguments("GadgetNotFoundException cannot be thrown here: the operations called in the try block do not list it in the model"));
}

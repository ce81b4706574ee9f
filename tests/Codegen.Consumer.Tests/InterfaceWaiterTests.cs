using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Codegen.Consumer.Tests.Library;
using Codegen.Runtime.Waiters;
using Xunit;

namespace Codegen.Consumer.Tests;

/// <summary>
/// Waiters on the generated interface (specs/library.waiters-2.json): code that waits through
/// <see cref="ILibraryClient"/> is tested with a plain hand-written fake that implements only GetBook.
/// </summary>
public class InterfaceWaiterTests
{
    // The model's delay is 1 s; a test has no reason to wait that long.
    private static readonly WaiterOptions Quick = new(TimeSpan.FromMinutes(1)) { MinDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) };

    [Fact]
    public async Task A_fake_of_the_interface_is_polled_until_the_success_acceptor_matches()
    {
        var library = new ScriptedLibrary(
            new Book("Dune").WithFormat(Format.Paperback),
            new Book("Dune").WithFormat(Format.Paperback),
            new Book("Dune").WithFormat(Format.EBook));
        ILibraryClient client = library;

        var response = await client.WaitUntilEBookReadyAsync(new GetBook("b-1"), Quick);

        Assert.Equal(Format.EBook, response!.Book!.Format);
        Assert.Equal(3, library.Calls.Count);
        Assert.All(library.Calls, call => Assert.Equal("b-1", call.Id));
    }

    [Fact]
    public async Task A_failure_acceptor_ends_the_wait_and_is_named()
    {
        ILibraryClient client = new ScriptedLibrary(new Book("Dune").WithFormat(Format.Hardcover).WithTags(new[] { "classic", "withdrawn" }));

        var failure = await Assert.ThrowsAsync<WaiterFailureException>(() => client.WaitUntilEBookReadyAsync(new GetBook("b-1"), Quick));

        Assert.Equal(2, failure.Acceptor!.Index);
        Assert.Equal(1, failure.Attempts);
    }

    [Fact]
    public async Task An_acceptor_whose_expression_fails_on_the_response_does_not_match_and_the_wait_goes_on()
    {
        // No tags: length(Book.Tags[?...]) is length(null), a JMESPath type error; the failure acceptor does not match,
        // no other does, and the waiter runs out of the model's 5 attempts instead of throwing JmesPathException.
        var library = new ScriptedLibrary(new Book("Dune").WithFormat(Format.Hardcover));
        ILibraryClient client = library;

        var timeout = await Assert.ThrowsAsync<WaiterTimeoutException>(() => client.WaitUntilEBookReadyAsync(new GetBook("b-1"), Quick));

        Assert.True(timeout.AttemptsExhausted);
        Assert.Equal(5, library.Calls.Count);
        Assert.Equal("Dune", timeout.LastResponseAs<GetBookResponse>()!.Book!.Title);
    }

    /// <summary>Answers GetBook with the given books in turn (the last one again when they run out).</summary>
    private sealed class ScriptedLibrary(params Book[] books) : ILibraryClient
    {
        public List<GetBook> Calls { get; } = new();

        public Task<GetBookResponse> GetBookAsync(GetBook request, CancellationToken cancellationToken = default)
        {
            Calls.Add(request);
            var book = books[Math.Min(Calls.Count, books.Length) - 1];
            return Task.FromResult(new GetBookResponse(200).WithBook(book));
        }
    }
}

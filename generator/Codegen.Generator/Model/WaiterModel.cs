using Codegen.Generator.Diagnostics;

namespace Codegen.Generator.Model;

/// <summary>What a waiter does when an acceptor matches: stop waiting with success, stop with failure, or poll again.</summary>
internal enum WaiterState
{
    Success,
    Failure,
    Retry,
}

/// <summary>
/// How an acceptor looks at an attempt. botocore's <c>path</c>, <c>pathAll</c>, <c>pathAny</c>, <c>status</c> and
/// <c>error</c>; Smithy's <c>output</c> (with the comparators <c>stringEquals</c>/<c>booleanEquals</c>,
/// <c>allStringEquals</c>, <c>anyStringEquals</c>), <c>success</c> and <c>errorType</c>.
/// </summary>
internal enum WaiterMatcher
{
    /// <summary>The expression's value over the response equals the expected value.</summary>
    Path,

    /// <summary>The expression's value is a non-empty list and every element equals the expected value.</summary>
    PathAll,

    /// <summary>The expression's value is a list and some element equals the expected value.</summary>
    PathAny,

    /// <summary>The HTTP status code (of a response or an error) equals the expected number.</summary>
    Status,

    /// <summary>The attempt failed with the error code given as the expected string.</summary>
    Error,

    /// <summary>The attempt failed with any service error (botocore <c>error: true</c>, Smithy <c>success: false</c>).</summary>
    AnyError,

    /// <summary>The attempt succeeded (botocore <c>error: false</c>, Smithy <c>success: true</c>).</summary>
    NoError,
}

/// <summary>The expected value of an acceptor as JSON: a string, a boolean or a number (<see cref="Json"/> is its JSON text).</summary>
internal sealed record WaiterExpected(string Json, string Display);

/// <summary>One acceptor of a waiter, at its place in the file.</summary>
internal sealed record WaiterAcceptor(WaiterState State, WaiterMatcher Matcher, WaiterExpected? Expected, SourceSpan Position)
{
    /// <summary>The JMESPath expression over the response, for <see cref="WaiterMatcher.Path"/>, <see cref="WaiterMatcher.PathAll"/>, <see cref="WaiterMatcher.PathAny"/>.</summary>
    public ModelExpression? Argument { get; init; }
}

/// <summary>
/// A waiter (botocore <c>waiters-2.json</c>, Smithy <c>smithy.waiters#waitable</c>): the operation it polls, its
/// acceptors in order, and its delays. botocore's waiters poll every <c>delay</c> seconds at most
/// <c>maxAttempts</c> times (<see cref="MinDelay"/> = <see cref="MaxDelay"/> = delay); Smithy's back off
/// exponentially with jitter from <c>minDelay</c> (default 2) to <c>maxDelay</c> (default 120) and have no attempt limit.
/// </summary>
internal sealed record WaiterModel(string Name, string Operation, SourceSpan Position)
{
    public EquatableArray<WaiterAcceptor> Acceptors { get; init; } = EquatableArray<WaiterAcceptor>.Empty;

    /// <summary>The shortest delay between attempts, in seconds.</summary>
    public int MinDelay { get; init; } = 2;

    /// <summary>The longest delay between attempts, in seconds.</summary>
    public int MaxDelay { get; init; } = 120;

    /// <summary>botocore's limit on attempts; none for Smithy waiters (the caller's maximum wait bounds them).</summary>
    public int? MaxAttempts { get; init; }

    public string? Documentation { get; init; }

    public bool Deprecated { get; init; }
}

namespace Codegen.Runtime.Waiters;

/// <summary>What a waiter does when one of its acceptors matches an attempt.</summary>
public enum WaiterState
{
    /// <summary>Stop waiting: the resource is in the state waited for.</summary>
    Success,

    /// <summary>Stop waiting: the resource can no longer reach that state (<see cref="WaiterFailureException"/>).</summary>
    Failure,

    /// <summary>Poll again after a delay.</summary>
    Retry,
}

namespace Codegen.Runtime.Waiters;

/// <summary>
/// One acceptor of a waiter as the model states it: the state it leads to and what it matches, e.g.
/// <c>path Table.TableStatus == "ACTIVE"</c> or <c>error ResourceNotFoundException</c>. The match itself is generated code.
/// </summary>
/// <param name="Index">The acceptor's 1-based position in the waiter's list.</param>
/// <param name="State">The state it leads to.</param>
/// <param name="Description">What it matches, as the model says it (for messages).</param>
public sealed record WaiterAcceptor(int Index, WaiterState State, string Description)
{
    /// <inheritdoc/>
    public override string ToString() => $"acceptor {Index} ({State.ToString().ToLowerInvariant()}: {Description})";
}

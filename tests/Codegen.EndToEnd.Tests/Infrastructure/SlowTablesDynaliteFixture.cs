namespace Codegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// dynalite with its create-table and delete-table delays set (<c>--createTableMs</c>, <c>--deleteTableMs</c>): a new
/// table stays <c>CREATING</c>, a deleted one <c>DELETING</c>, for <see cref="TableStateMs"/>, so that a waiter
/// really waits.
/// </summary>
public sealed class SlowTablesDynaliteFixture : DynaliteFixture
{
    /// <inheritdoc/>
    public override int TableStateMs => 2500;
}

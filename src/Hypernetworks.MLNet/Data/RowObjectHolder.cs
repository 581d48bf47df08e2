namespace Hypernetworks.MLNet.Data;

/// <summary>The object a typed source row currently reads from, shared by its column getters.</summary>
/// <typeparam name="TRow">The user class.</typeparam>
internal sealed class RowObjectHolder<TRow>
    where TRow : class
{
    /// <summary>The current object.</summary>
    public TRow? Current { get; set; }

    /// <summary>The position of the current object, for messages.</summary>
    public long Position { get; set; } = -1;

    /// <summary>The current object, or an exception when there is none.</summary>
    public TRow Row => Current ?? throw new InvalidOperationException(Position < 0
        ? "There is no current row: call MoveNext first."
        : $"Row {Position} of the source is null.");
}

namespace Hypernetworks.MLNet.Data;

/// <summary>The number of categories of a key column loaded from text.</summary>
public sealed class KeyCount
{
    /// <summary>A key with <paramref name="count"/> categories.</summary>
    /// <param name="count">The number of categories, at least 1.</param>
    public KeyCount(ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        Count = count;
    }

    /// <summary>The number of categories.</summary>
    public ulong Count { get; }
}

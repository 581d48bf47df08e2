namespace Hypernetworks.MLNet.Data;

/// <summary>Marks an unsigned integer member (or array of them) as a key column with <see cref="Count"/> categories.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class KeyTypeAttribute : Attribute
{
    /// <summary>A key with <paramref name="count"/> categories: values 1..count, 0 for missing.</summary>
    /// <param name="count">The number of categories, at least 1.</param>
    public KeyTypeAttribute(ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        Count = count;
    }

    /// <summary>The number of categories.</summary>
    public ulong Count { get; }
}

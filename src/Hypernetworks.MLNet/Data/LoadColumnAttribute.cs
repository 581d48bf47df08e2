namespace Hypernetworks.MLNet.Data;

/// <summary>Which field (or range of fields, for a vector) of a text file a member is loaded from; indices are 0-based.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class LoadColumnAttribute : Attribute
{
    /// <summary>Loads the member from field <paramref name="columnIndex"/>.</summary>
    /// <param name="columnIndex">The 0-based field index.</param>
    public LoadColumnAttribute(int columnIndex)
        : this(columnIndex, columnIndex)
    {
    }

    /// <summary>Loads the member, a vector, from fields <paramref name="start"/> to <paramref name="end"/> inclusive.</summary>
    /// <param name="start">The first 0-based field index.</param>
    /// <param name="end">The last 0-based field index.</param>
    public LoadColumnAttribute(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
        IsRange = end != start;
    }

    /// <summary>The first field index.</summary>
    public int Start { get; }

    /// <summary>The last field index.</summary>
    public int End { get; }

    /// <summary>Whether the attribute names a range (then the member is a vector).</summary>
    public bool IsRange { get; }
}

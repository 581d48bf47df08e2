namespace Hypernetworks.MLNet;

/// <summary>One row of values: typed getters for its active columns.</summary>
public abstract class DataViewRow : IDisposable
{
    /// <summary>The index of the current row, -1 before the first.</summary>
    public abstract long Position { get; }

    /// <summary>Which of a set of cursors produced the row (always 0 in this library).</summary>
    public abstract long Batch { get; }

    /// <summary>The columns.</summary>
    public abstract DataViewSchema Schema { get; }

    /// <summary>Whether <paramref name="column"/> can be read.</summary>
    /// <param name="column">A column of <see cref="Schema"/>.</param>
    public abstract bool IsColumnActive(DataViewSchema.Column column);

    /// <summary>A getter for <paramref name="column"/>, which must be active and of raw type <typeparamref name="TValue"/>.</summary>
    /// <typeparam name="TValue">The raw type of the column.</typeparam>
    /// <param name="column">A column of <see cref="Schema"/>.</param>
    public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the row holds (files, input cursors).</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}

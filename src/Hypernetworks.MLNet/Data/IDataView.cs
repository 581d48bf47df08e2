namespace Hypernetworks.MLNet;

/// <summary>
/// A lazy table: a schema and cursors over its rows. Nothing is read or computed until a cursor moves; each cursor
/// reads the source again (unless the view is cached).
/// </summary>
public interface IDataView
{
    /// <summary>Whether <see cref="GetRowCursor"/> honours a <see cref="Random"/> by visiting rows in a shuffled order.</summary>
    bool CanShuffle { get; }

    /// <summary>The columns.</summary>
    DataViewSchema Schema { get; }

    /// <summary>The number of rows when it is known without reading them, else null.</summary>
    long? GetRowCount();

    /// <summary>A cursor over the rows that can read <paramref name="columnsNeeded"/> (other columns may be inactive).</summary>
    /// <param name="columnsNeeded">The columns the caller will read.</param>
    /// <param name="rand">When not null and <see cref="CanShuffle"/>, rows are visited in an order drawn from it.</param>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null);

    /// <summary>Cursors that together visit every row once, for parallel reading; this library returns one cursor.</summary>
    /// <param name="columnsNeeded">The columns the caller will read.</param>
    /// <param name="n">The suggested number of cursors.</param>
    /// <param name="rand">As for <see cref="GetRowCursor"/>.</param>
    DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null);
}

namespace Hypernetworks.MLNet;

/// <summary>A row that moves forward through the rows of an <see cref="IDataView"/>.</summary>
public abstract class DataViewRowCursor : DataViewRow
{
    /// <summary>Moves to the next row; false when there is none.</summary>
    public abstract bool MoveNext();
}

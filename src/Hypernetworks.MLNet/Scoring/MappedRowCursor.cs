using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>A cursor over the input that maps each row through the row mapper (used when no score column is read, so nothing is scored).</summary>
internal sealed class MappedRowCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly DataViewRow _row;

    public MappedRowCursor(DataViewRowCursor input, DataViewRow row)
    {
        _input = input;
        _row = row;
    }

    /// <inheritdoc />
    public override DataViewSchema Schema => _row.Schema;

    /// <inheritdoc />
    public override long Position => _input.Position;

    /// <inheritdoc />
    public override long Batch => _input.Batch;

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

    /// <inheritdoc />
    public override bool MoveNext() => _input.MoveNext();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}

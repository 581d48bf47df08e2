namespace Hypernetworks.MLNet.Data;

/// <summary>A row that reads the members of whichever object its holder currently points at; every column is active.</summary>
/// <typeparam name="TRow">The user class.</typeparam>
internal sealed class TypedSourceRow<TRow> : DataViewRow
    where TRow : class
{
    private readonly RowObjectHolder<TRow> _holder;
    private readonly Delegate[] _getters;

    public TypedSourceRow(TypedRowMapping<TRow> mapping, RowObjectHolder<TRow> holder)
    {
        _holder = holder;
        Schema = mapping.MakeSchema();
        _getters = [.. Enumerable.Range(0, mapping.Members.Count).Select(i => mapping.MakeReader(i, holder))];
    }

    public override long Position => _holder.Position;

    public override long Batch => 0;

    public override DataViewSchema Schema { get; }

    public override bool IsColumnActive(DataViewSchema.Column column)
    {
        RowChecks.CheckColumn(Schema, column);
        return true;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        RowChecks.CheckColumn(Schema, column);
        return RowChecks.Cast<TValue>(_getters[column.Index], column);
    }
}

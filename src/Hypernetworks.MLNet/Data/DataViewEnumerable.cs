using System.Collections;

namespace Hypernetworks.MLNet.Data;

/// <summary>The rows of a view as user objects; each enumeration opens a new cursor.</summary>
/// <typeparam name="TRow">The user class.</typeparam>
internal sealed class DataViewEnumerable<TRow> : IEnumerable<TRow>
    where TRow : class, new()
{
    private readonly IDataView _data;
    private readonly bool _reuseRowObject;
    private readonly TypedRowMapping<TRow> _mapping;
    private readonly int[] _columnIndices;

    public DataViewEnumerable(IDataView data, bool reuseRowObject, bool ignoreMissingColumns, SchemaDefinition? schemaDefinition)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _reuseRowObject = reuseRowObject;
        _mapping = new TypedRowMapping<TRow>(schemaDefinition, SchemaDefinition.Direction.Write);
        var indices = new List<int>();
        for (int i = 0; i < _mapping.Members.Count; i++)
        {
            DataViewSchema.Column? column = data.Schema.GetColumnOrNull(_mapping.Members[i].ColumnName);
            if (column is null && !ignoreMissingColumns)
            {
                throw new ArgumentOutOfRangeException(nameof(data), $"Could not find column '{_mapping.Members[i].ColumnName}' for member '{typeof(TRow).Name}.{_mapping.Members[i].Member.Name}'.");
            }

            indices.Add(column?.Index ?? -1);
        }

        _columnIndices = [.. indices];
    }

    public IEnumerator<TRow> GetEnumerator()
    {
        DataViewSchema schema = _data.Schema;
        var needed = _columnIndices.Where(i => i >= 0).Select(i => schema[i]).ToList();
        using DataViewRowCursor cursor = _data.GetRowCursor(needed);
        var writers = new List<Action<TRow>>();
        for (int i = 0; i < _columnIndices.Length; i++)
        {
            if (_columnIndices[i] >= 0)
            {
                writers.Add(_mapping.MakeWriter(i, cursor, schema[_columnIndices[i]]));
            }
        }

        TRow? reused = null;
        while (cursor.MoveNext())
        {
            TRow row = _reuseRowObject ? reused ??= new TRow() : new TRow();
            foreach (Action<TRow> write in writers)
            {
                write(row);
            }

            yield return row;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

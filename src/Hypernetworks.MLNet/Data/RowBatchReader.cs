namespace Hypernetworks.MLNet.Data;

/// <summary>
/// Reads numeric columns of a view in batches of rows, as row-major float spans: what a trainer feeds its engine.
/// Accepted columns: Single, Double, Int32 and Boolean scalars (one float per row), keys (the key value as a
/// float: 1..count, 0 for missing), and known-size vectors of Single or Double (one float per item). Buffers are
/// allocated once; reading a batch allocates nothing.
/// </summary>
public sealed class RowBatchReader : IDisposable
{
    private readonly DataViewRowCursor _cursor;
    private readonly ColumnReader[] _columns;
    private bool _done;

    /// <summary>Opens a cursor over <paramref name="data"/> reading <paramref name="columnNames"/>.</summary>
    /// <param name="data">The view.</param>
    /// <param name="columnNames">The columns read, in order.</param>
    /// <param name="batchSize">The largest number of rows per batch.</param>
    /// <param name="rand">When not null and the view can shuffle, rows come in an order drawn from it.</param>
    public RowBatchReader(IDataView data, IReadOnlyList<string> columnNames, int batchSize, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (columnNames.Count == 0)
        {
            throw new ArgumentException("At least one column is needed.", nameof(columnNames));
        }

        DataViewSchema.Column[] columns = [.. columnNames.Select(name => SchemaErrors.Find(data.Schema, name, "input", nameof(columnNames)))];
        int[] widths = [.. columns.Select(GetWidth)];
        BatchSize = batchSize;
        _cursor = data.GetRowCursor(columns.DistinctBy(c => c.Index), rand);
        _columns = [.. columns.Select((c, i) => ColumnReader.Create(_cursor, c, widths[i], batchSize))];
    }

    /// <summary>The largest number of rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>The number of columns read.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>The number of rows in the current batch (0 before the first and after the last).</summary>
    public int RowCount { get; private set; }

    /// <summary>The cursor position of the first row of the current batch (for messages naming a row).</summary>
    public long FirstRowPosition { get; private set; }

    /// <summary>
    /// The number of floats per row of <paramref name="column"/>, or an exception naming the column when it is not
    /// a readable numeric column.
    /// </summary>
    /// <param name="column">The column.</param>
    public static int GetWidth(DataViewSchema.Column column)
    {
        DataViewType type = column.Type;
        if (type is KeyDataViewType || type.Equals(NumberDataViewType.Single) || type.Equals(NumberDataViewType.Double)
            || type.Equals(NumberDataViewType.Int32) || type is BooleanDataViewType)
        {
            return 1;
        }

        if (type is VectorDataViewType { IsKnownSize: true } vector
            && (vector.ItemType.Equals(NumberDataViewType.Single) || vector.ItemType.Equals(NumberDataViewType.Double)))
        {
            return vector.Size;
        }

        throw SchemaErrors.Mismatch(nameof(column), "input", column.Name,
            "Single, Double, Int32, Boolean, a key, or a known-size vector of Single or Double", SchemaErrors.Describe(type));
    }

    /// <summary>The number of floats per row of column <paramref name="columnIndex"/>.</summary>
    /// <param name="columnIndex">The index in the column names given.</param>
    public int GetWidth(int columnIndex) => _columns[columnIndex].Width;

    /// <summary>The current batch of column <paramref name="columnIndex"/>: <see cref="RowCount"/> rows of <see cref="GetWidth(int)"/> floats.</summary>
    /// <param name="columnIndex">The index in the column names given.</param>
    public ReadOnlySpan<float> GetColumn(int columnIndex) => _columns[columnIndex].Values.AsSpan(0, RowCount * _columns[columnIndex].Width);

    /// <summary>Reads the next batch; false when no rows remain.</summary>
    public bool ReadBatch()
    {
        FirstRowPosition += RowCount;
        RowCount = 0;
        while (!_done && RowCount < BatchSize)
        {
            if (!_cursor.MoveNext())
            {
                _done = true;
                break;
            }

            foreach (ColumnReader column in _columns)
            {
                column.Read(RowCount);
            }

            RowCount++;
        }

        return RowCount > 0;
    }

    /// <inheritdoc />
    public void Dispose() => _cursor.Dispose();

    /// <summary>Copies one column of the current row into its batch buffer.</summary>
    private abstract class ColumnReader
    {
        protected ColumnReader(int width, int batchSize)
        {
            Width = width;
            Values = new float[checked(width * batchSize)];
        }

        public int Width { get; }

        public float[] Values { get; }

        public static ColumnReader Create(DataViewRow row, DataViewSchema.Column column, int width, int batchSize) => column.Type switch
        {
            VectorDataViewType { ItemType: NumberDataViewType item } when item.Equals(NumberDataViewType.Single) => new VectorReader<float>(row, column, width, batchSize, v => v),
            VectorDataViewType => new VectorReader<double>(row, column, width, batchSize, v => (float)v),
            KeyDataViewType { RawType: var raw } when raw == typeof(byte) => new ScalarReader<byte>(row, column, batchSize, v => v),
            KeyDataViewType { RawType: var raw } when raw == typeof(ushort) => new ScalarReader<ushort>(row, column, batchSize, v => v),
            KeyDataViewType { RawType: var raw } when raw == typeof(uint) => new ScalarReader<uint>(row, column, batchSize, v => v),
            KeyDataViewType => new ScalarReader<ulong>(row, column, batchSize, v => v),
            BooleanDataViewType => new ScalarReader<bool>(row, column, batchSize, v => v ? 1 : 0),
            _ when column.Type.Equals(NumberDataViewType.Single) => new ScalarReader<float>(row, column, batchSize, v => v),
            _ when column.Type.Equals(NumberDataViewType.Double) => new ScalarReader<double>(row, column, batchSize, v => (float)v),
            _ => new ScalarReader<int>(row, column, batchSize, v => v),
        };

        public abstract void Read(int rowInBatch);
    }

    private sealed class ScalarReader<T> : ColumnReader
    {
        private readonly ValueGetter<T> _getter;
        private readonly Func<T, float> _convert;
        private T _value = default!;

        public ScalarReader(DataViewRow row, DataViewSchema.Column column, int batchSize, Func<T, float> convert)
            : base(1, batchSize)
        {
            _getter = row.GetGetter<T>(column);
            _convert = convert;
        }

        public override void Read(int rowInBatch)
        {
            _getter(ref _value);
            Values[rowInBatch] = _convert(_value);
        }
    }

    private sealed class VectorReader<T> : ColumnReader
        where T : struct
    {
        private readonly ValueGetter<VBuffer<T>> _getter;
        private readonly Func<T, float> _convert;
        private readonly DataViewRow _row;
        private readonly DataViewSchema.Column _column;
        private readonly T[] _dense;
        private VBuffer<T> _value;

        public VectorReader(DataViewRow row, DataViewSchema.Column column, int width, int batchSize, Func<T, float> convert)
            : base(width, batchSize)
        {
            _getter = row.GetGetter<VBuffer<T>>(column);
            _convert = convert;
            _row = row;
            _column = column;
            _dense = new T[width];
        }

        public override void Read(int rowInBatch)
        {
            _getter(ref _value);
            if (_value.Length != Width)
            {
                throw new InvalidOperationException($"Column '{_column.Name}' has type {_column.Type} but row {_row.Position} has {_value.Length} items.");
            }

            Span<float> target = Values.AsSpan(rowInBatch * Width, Width);
            if (typeof(T) == typeof(float))
            {
                _value.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<float, T>(target));
                return;
            }

            _value.CopyTo(_dense);
            for (int i = 0; i < Width; i++)
            {
                target[i] = _convert(_dense[i]);
            }
        }
    }
}

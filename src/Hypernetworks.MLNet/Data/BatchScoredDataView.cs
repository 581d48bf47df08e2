namespace Hypernetworks.MLNet.Data;

/// <summary>
/// The input columns plus output columns computed a batch at a time by an <see cref="IBatchScorer"/>. Each cursor
/// reads the input twice in step: a read-ahead <see cref="RowBatchReader"/> over the scorer's input columns, scored
/// a batch at a time, and a pass-through cursor for the input columns the caller reads. Input views must therefore
/// give the same rows in the same order to every cursor (all views of this library do when not shuffled).
/// Output columns may be Single, Boolean, Key&lt;UInt32&gt; or known-size vectors of Single.
/// </summary>
public sealed class BatchScoredDataView : IDataView
{
    private readonly IDataView _input;
    private readonly string[] _inputColumnNames;
    private readonly int[] _widths;
    private readonly int _batchSize;
    private readonly Func<IBatchScorer> _createScorer;

    /// <summary>Adds <paramref name="outputColumns"/> to <paramref name="input"/>.</summary>
    /// <param name="input">The input view.</param>
    /// <param name="inputColumnNames">The columns the scorer reads (as <see cref="RowBatchReader"/> reads them).</param>
    /// <param name="outputColumns">The columns added, hiding input columns of the same names.</param>
    /// <param name="batchSize">The number of rows scored at once.</param>
    /// <param name="createScorer">Makes the scorer of one cursor.</param>
    public BatchScoredDataView(IDataView input, IReadOnlyList<string> inputColumnNames, IReadOnlyList<DataViewSchema.DetachedColumn> outputColumns, int batchSize, Func<IBatchScorer> createScorer)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(inputColumnNames);
        ArgumentNullException.ThrowIfNull(outputColumns);
        ArgumentNullException.ThrowIfNull(createScorer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        foreach (string name in inputColumnNames)
        {
            RowBatchReader.GetWidth(SchemaErrors.Find(input.Schema, name, "input", nameof(inputColumnNames)));
        }

        _widths = [.. outputColumns.Select(WidthOf)];
        _input = input;
        _inputColumnNames = [.. inputColumnNames];
        _batchSize = batchSize;
        _createScorer = createScorer;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input.Schema);
        builder.AddColumns(outputColumns);
        Schema = builder.ToSchema();
    }

    /// <inheritdoc />
    public bool CanShuffle => false;

    /// <inheritdoc />
    public DataViewSchema Schema { get; }

    /// <inheritdoc />
    public long? GetRowCount() => _input.GetRowCount();

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        bool[] active = RowChecks.ActiveFlags(Schema, columnsNeeded);
        int inputCount = _input.Schema.Count;
        DataViewRowCursor passThrough = _input.GetRowCursor(Enumerable.Range(0, inputCount).Where(i => active[i]).Select(i => _input.Schema[i]).ToList());
        bool scoring = Enumerable.Range(inputCount, _widths.Length).Any(i => active[i]);
        return new Cursor(this, passThrough, active, scoring ? new RowBatchReader(_input, _inputColumnNames, _batchSize) : null);
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private static int WidthOf(DataViewSchema.DetachedColumn column) => column.Type switch
    {
        VectorDataViewType { IsKnownSize: true, ItemType: var item } vector when item.Equals(NumberDataViewType.Single) => vector.Size,
        KeyDataViewType { RawType: var raw } when raw == typeof(uint) => 1,
        BooleanDataViewType => 1,
        var type when type.Equals(NumberDataViewType.Single) => 1,
        _ => throw new ArgumentException(
            $"Output column '{column.Name}' has type {column.Type}; a batch scorer writes Single, Boolean, Key<UInt32> or known-size Vector<Single>.", nameof(column)),
    };

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly BatchScoredDataView _view;
        private readonly DataViewRowCursor _passThrough;
        private readonly RowBatchReader? _reader;
        private readonly IBatchScorer? _scorer;
        private readonly float[][] _outputs;
        private readonly Delegate?[] _getters;
        private int _indexInBatch = -1;

        public Cursor(BatchScoredDataView view, DataViewRowCursor passThrough, bool[] active, RowBatchReader? reader)
        {
            _view = view;
            _passThrough = passThrough;
            _reader = reader;
            _scorer = reader is null ? null : view._createScorer();
            _outputs = [.. view._widths.Select(w => reader is null ? [] : new float[checked(w * view._batchSize)])];
            int inputCount = view._input.Schema.Count;
            _getters = new Delegate?[active.Length];
            for (int j = 0; j < view._widths.Length; j++)
            {
                if (active[inputCount + j])
                {
                    _getters[inputCount + j] = MakeGetter(view.Schema[inputCount + j].Type, _outputs[j], view._widths[j]);
                }
            }
        }

        public override long Position => _passThrough.Position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return column.Index < _view._input.Schema.Count ? _passThrough.IsColumnActive(_view._input.Schema[column.Index]) : _getters[column.Index] is not null;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return column.Index < _view._input.Schema.Count
                ? _passThrough.GetGetter<TValue>(_view._input.Schema[column.Index])
                : RowChecks.Cast<TValue>(_getters[column.Index], column);
        }

        public override bool MoveNext()
        {
            if (!_passThrough.MoveNext())
            {
                return false;
            }

            if (_reader is not null)
            {
                _indexInBatch++;
                if (_indexInBatch >= _reader.RowCount)
                {
                    if (!_reader.ReadBatch())
                    {
                        throw new InvalidOperationException($"The input gave fewer rows to the scoring read-ahead than to the pass-through cursor (at row {_passThrough.Position}); its row order must be repeatable.");
                    }

                    _scorer!.Score(_reader, _outputs);
                    _indexInBatch = 0;
                }
            }

            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _passThrough.Dispose();
                _reader?.Dispose();
                (_scorer as IDisposable)?.Dispose();
            }

            base.Dispose(disposing);
        }

        private Delegate MakeGetter(DataViewType type, float[] buffer, int width) => type switch
        {
            VectorDataViewType => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                VBufferEditor<float> editor = VBufferEditor.Create(ref value, width);
                buffer.AsSpan(CurrentIndex() * width, width).CopyTo(editor.Values);
                value = editor.Commit();
            }),
            KeyDataViewType => (ValueGetter<uint>)((ref uint value) => value = (uint)buffer[CurrentIndex()]),
            BooleanDataViewType => (ValueGetter<bool>)((ref bool value) => value = buffer[CurrentIndex()] != 0),
            _ => (ValueGetter<float>)((ref float value) => value = buffer[CurrentIndex()]),
        };

        private int CurrentIndex() => _indexInBatch >= 0
            ? _indexInBatch
            : throw new InvalidOperationException("The cursor is not on a row: call MoveNext and check that it returned true.");
    }
}

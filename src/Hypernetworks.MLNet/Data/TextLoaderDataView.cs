namespace Hypernetworks.MLNet.Data;

/// <summary>The lazy view of one text file: each cursor opens the file and parses line by line.</summary>
internal sealed class TextLoaderDataView : IDataView
{
    private readonly TextLoader _loader;
    private readonly string _path;

    public TextLoaderDataView(TextLoader loader, string path)
    {
        _loader = loader;
        _path = path;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _loader.Schema;

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, RowChecks.ActiveFlags(Schema, columnsNeeded));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TextLoaderDataView _view;
        private readonly StreamReader _reader;
        private readonly TextFieldSplitter _splitter;
        private readonly List<ReadOnlyMemory<char>> _fields = [];
        private readonly TextColumnReader?[] _columns;
        private readonly Delegate?[] _getters;
        private long _line;
        private long _position = -1;
        private bool _done;

        public Cursor(TextLoaderDataView view, bool[] active)
        {
            _view = view;
            TextLoader.Options options = view._loader.Settings;
            _splitter = new TextFieldSplitter(options.Separators, options.AllowQuoting, options.TrimWhitespace);
            _columns = new TextColumnReader?[active.Length];
            _getters = new Delegate?[active.Length];
            for (int i = 0; i < active.Length; i++)
            {
                if (active[i])
                {
                    _columns[i] = TextColumnReader.Create(options.Columns[i], view.Schema[i].Type);
                    _getters[i] = _columns[i]!.MakeGetter();
                }
            }

            _reader = new StreamReader(view._path, detectEncodingFromByteOrderMarks: true);
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return _getters[column.Index] is not null;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return RowChecks.Cast<TValue>(_getters[column.Index], column);
        }

        public override bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            while (_reader.ReadLine() is { } line)
            {
                _line++;
                if ((_line == 1 && _view._loader.Settings.HasHeader) || string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                string? error = _splitter.Split(line, _fields);
                for (int i = 0; i < _columns.Length && error is null; i++)
                {
                    error = _columns[i]?.Parse(_fields);
                }

                if (error is not null)
                {
                    _done = true;
                    throw new FormatException($"Line {_line} of '{_view._path}': {error}.");
                }

                _position++;
                return true;
            }

            _done = true;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _reader.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

namespace Hypernetworks.MLNet.Data;

/// <summary>Parses the fields of one column of the current line and hands the value to a getter.</summary>
internal abstract class TextColumnReader
{
    /// <summary>A reader for <paramref name="column"/>.</summary>
    public static TextColumnReader Create(TextLoader.Column column, DataViewType type)
    {
        PrimitiveDataViewType item = type as PrimitiveDataViewType ?? ((VectorDataViewType)type).ItemType;
        Type readerType = (column.IsVector ? typeof(VectorReader<>) : typeof(ScalarReader<>)).MakeGenericType(item.RawType);
        return (TextColumnReader)Activator.CreateInstance(readerType, column, TextValueParsers.For(item))!;
    }

    /// <summary>Parses the column's fields; returns an error message, or null.</summary>
    public abstract string? Parse(List<ReadOnlyMemory<char>> fields);

    /// <summary>A getter of the last parsed value.</summary>
    public abstract Delegate MakeGetter();

    /// <summary>The message for a line too short for the column.</summary>
    protected static string MissingField(TextLoader.Column column, int index, int count) =>
        $"column '{column.Name}' needs field {index} but the line has only {count} field{(count == 1 ? "" : "s")}";

    /// <summary>The message for a field that does not parse.</summary>
    protected static string BadValue(TextLoader.Column column, int index, ReadOnlyMemory<char> text)
    {
        string kind = column.KeyCount is null ? column.DataKind.ToString() : $"a key index in [0, {column.KeyCount.Count})";
        return $"could not parse value '{text}' in field {index} as {kind} for column '{column.Name}'";
    }

    private sealed class ScalarReader<T> : TextColumnReader
    {
        private readonly TextLoader.Column _column;
        private readonly TextValueParser<T> _parser;
        private readonly int _index;
        private T _value = default!;

        public ScalarReader(TextLoader.Column column, Delegate parser)
        {
            _column = column;
            _parser = (TextValueParser<T>)parser;
            _index = column.Source[0].Min;
        }

        public override string? Parse(List<ReadOnlyMemory<char>> fields)
        {
            if (_index >= fields.Count)
            {
                return MissingField(_column, _index, fields.Count);
            }

            return _parser(fields[_index], out _value) ? null : BadValue(_column, _index, fields[_index]);
        }

        public override Delegate MakeGetter() => (ValueGetter<T>)((ref T value) => value = _value);
    }

    private sealed class VectorReader<T> : TextColumnReader
    {
        private readonly TextLoader.Column _column;
        private readonly TextValueParser<T> _parser;
        private readonly T[] _values;

        public VectorReader(TextLoader.Column column, Delegate parser)
        {
            _column = column;
            _parser = (TextValueParser<T>)parser;
            _values = new T[column.FieldCount];
        }

        public override string? Parse(List<ReadOnlyMemory<char>> fields)
        {
            int slot = 0;
            foreach (TextLoader.Range range in _column.Source)
            {
                for (int index = range.Min; index <= range.Max; index++)
                {
                    if (index >= fields.Count)
                    {
                        return MissingField(_column, index, fields.Count);
                    }

                    if (!_parser(fields[index], out _values[slot++]))
                    {
                        return BadValue(_column, index, fields[index]);
                    }
                }
            }

            return null;
        }

        public override Delegate MakeGetter() => (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            VBufferEditor<T> editor = VBufferEditor.Create(ref value, _values.Length);
            _values.CopyTo(editor.Values);
            value = editor.Commit();
        });
    }
}

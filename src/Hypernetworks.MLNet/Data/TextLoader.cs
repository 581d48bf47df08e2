namespace Hypernetworks.MLNet.Data;

/// <summary>
/// Loads delimited text files as a lazy view: every cursor streams the file from the start and parses only the
/// fields of its active columns, so the data never has to fit in memory. A value that does not parse stops the
/// cursor with a <see cref="FormatException"/> naming the file, the line, the field and the column.
/// </summary>
public sealed partial class TextLoader
{
    /// <summary>A loader with <paramref name="options"/>.</summary>
    /// <param name="options">The columns and the file format.</param>
    public TextLoader(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Columns);
        ArgumentNullException.ThrowIfNull(options.Separators);
        if (options.Columns.Length == 0)
        {
            throw new ArgumentException("A text loader needs at least one column.", nameof(options));
        }

        if (options.Separators.Length == 0 || (options.AllowQuoting && options.Separators.Contains('"')))
        {
            throw new ArgumentException("Give at least one separator, and not the quote character when quoting is allowed.", nameof(options));
        }

        var builder = new DataViewSchema.Builder();
        foreach (Column column in options.Columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(options));
            builder.AddColumn(column.Name, column.GetColumnType());
        }

        Settings = options;
        Schema = builder.ToSchema();
    }

    /// <summary>The options the loader was made with.</summary>
    public Options Settings { get; }

    /// <summary>The schema of the views it loads.</summary>
    public DataViewSchema Schema { get; }

    /// <summary>A lazy view of the file at <paramref name="path"/>; the file is checked to exist now and read only by cursors.</summary>
    /// <param name="path">The file path.</param>
    public IDataView Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The data file '{path}' does not exist.", path);
        }

        return new TextLoaderDataView(this, path);
    }

    /// <summary>The columns and the format of a text file.</summary>
    public sealed class Options
    {
        /// <summary>The characters that separate fields. Default: tab.</summary>
        public char[] Separators { get; set; } = ['\t'];

        /// <summary>Whether the first line is a header (skipped).</summary>
        public bool HasHeader { get; set; }

        /// <summary>Whether fields may be quoted with <c>"</c> (a quoted field can hold separators; <c>""</c> is a quote).</summary>
        public bool AllowQuoting { get; set; }

        /// <summary>Whether white space around fields is removed.</summary>
        public bool TrimWhitespace { get; set; }

        /// <summary>The columns loaded.</summary>
        public Column[] Columns { get; set; } = [];
    }

    /// <summary>An inclusive range of 0-based field indices.</summary>
    public sealed class Range
    {
        /// <summary>The single field <paramref name="index"/>.</summary>
        /// <param name="index">The 0-based field index.</param>
        public Range(int index)
            : this(index, index)
        {
        }

        /// <summary>Fields <paramref name="min"/> to <paramref name="max"/> inclusive.</summary>
        /// <param name="min">The first 0-based field index.</param>
        /// <param name="max">The last 0-based field index.</param>
        public Range(int min, int max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(min);
            ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
            Min = min;
            Max = max;
        }

        /// <summary>The first field index.</summary>
        public int Min { get; }

        /// <summary>The last field index.</summary>
        public int Max { get; }
    }

    /// <summary>A column loaded from one field (a scalar) or from ranges of fields (a vector).</summary>
    public sealed class Column
    {
        /// <summary>A scalar column from field <paramref name="index"/>.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="dataKind">The kind of the values.</param>
        /// <param name="index">The 0-based field index.</param>
        /// <param name="keyCount">For a key column (an unsigned kind), its number of categories.</param>
        public Column(string name, DataKind dataKind, int index, KeyCount? keyCount = null)
            : this(name, dataKind, [new Range(index)], keyCount, isVector: false)
        {
        }

        /// <summary>A vector column from fields <paramref name="minIndex"/> to <paramref name="maxIndex"/> inclusive.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="dataKind">The kind of the values.</param>
        /// <param name="minIndex">The first 0-based field index.</param>
        /// <param name="maxIndex">The last 0-based field index.</param>
        /// <param name="keyCount">For a key column (an unsigned kind), its number of categories.</param>
        public Column(string name, DataKind dataKind, int minIndex, int maxIndex, KeyCount? keyCount = null)
            : this(name, dataKind, [new Range(minIndex, maxIndex)], keyCount, isVector: true)
        {
        }

        /// <summary>A vector column from <paramref name="source"/> ranges, in order.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="dataKind">The kind of the values.</param>
        /// <param name="source">The ranges of fields.</param>
        /// <param name="keyCount">For a key column (an unsigned kind), its number of categories.</param>
        public Column(string name, DataKind dataKind, Range[] source, KeyCount? keyCount = null)
            : this(name, dataKind, source, keyCount, isVector: true)
        {
        }

        private Column(string name, DataKind dataKind, Range[] source, KeyCount? keyCount, bool isVector)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(source);
            if (source.Length == 0 || source.Any(r => r is null))
            {
                throw new ArgumentException($"Column '{name}' needs at least one range of fields.", nameof(source));
            }

            if (keyCount is not null && dataKind is not (DataKind.Byte or DataKind.UInt16 or DataKind.UInt32 or DataKind.UInt64))
            {
                throw new ArgumentException($"Key column '{name}' must have an unsigned integer kind (Byte, UInt16, UInt32, UInt64), not {dataKind}.", nameof(dataKind));
            }

            MemberTypes.FromKind(dataKind);
            Name = name;
            DataKind = dataKind;
            Source = source;
            KeyCount = keyCount;
            IsVector = isVector;
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The kind of the values.</summary>
        public DataKind DataKind { get; }

        /// <summary>The ranges of fields the values come from.</summary>
        public IReadOnlyList<Range> Source { get; }

        /// <summary>For a key column, its number of categories; else null.</summary>
        public KeyCount? KeyCount { get; }

        /// <summary>Whether the column is a vector.</summary>
        public bool IsVector { get; }

        /// <summary>The number of fields read.</summary>
        internal int FieldCount => Source.Sum(r => r.Max - r.Min + 1);

        /// <summary>The column type.</summary>
        internal DataViewType GetColumnType()
        {
            PrimitiveDataViewType item = KeyCount is null
                ? MemberTypes.FromKind(DataKind)
                : new KeyDataViewType(MemberTypes.FromKind(DataKind).RawType, KeyCount.Count);
            return IsVector ? new VectorDataViewType(item, FieldCount) : item;
        }
    }
}

using System.Collections;
using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// The columns of an <see cref="IDataView"/> or a <see cref="DataViewRow"/>. When several columns share a name, the
/// last one is the visible one and the earlier ones are hidden (a transform that writes a column of an existing
/// name hides, not removes, the input column).
/// </summary>
public sealed partial class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _visibleByName;

    private DataViewSchema(IReadOnlyList<DetachedColumn> columns)
    {
        _visibleByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            _visibleByName[columns[i].Name] = i;
        }

        _columns = new Column[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            DetachedColumn column = columns[i];
            _columns[i] = new Column(column.Name, i, _visibleByName[column.Name] != i, column.Type, column.Annotations);
        }
    }

    /// <summary>The number of columns, hidden ones included.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="columnIndex"/>.</summary>
    /// <param name="columnIndex">An index in [0, <see cref="Count"/>).</param>
    public Column this[int columnIndex]
    {
        get
        {
            if ((uint)columnIndex >= (uint)_columns.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(columnIndex), columnIndex, $"The schema has {_columns.Length} columns.");
            }

            return _columns[columnIndex];
        }
    }

    /// <summary>The visible column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <exception cref="ArgumentOutOfRangeException">No column has that name.</exception>
    public Column this[string name] =>
        GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(name), $"Could not find column '{name}'.");

    /// <summary>The visible column named <paramref name="name"/>, or null when there is none.</summary>
    /// <param name="name">The column name.</param>
    public Column? GetColumnOrNull(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _visibleByName.TryGetValue(name, out int index) ? _columns[index] : null;
    }

    /// <inheritdoc />
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", _columns.Where(c => !c.IsHidden).Select(c => $"{c.Name}: {c.Type}"));

    /// <summary>Makes a schema of <paramref name="columns"/>, in order.</summary>
    internal static DataViewSchema Create(IReadOnlyList<DetachedColumn> columns) => new(columns);

    /// <summary>One column: its name, position, type and annotations.</summary>
    public readonly struct Column
    {
        internal Column(string name, int index, bool isHidden, DataViewType type, Annotations annotations)
        {
            Name = name;
            Index = index;
            IsHidden = isHidden;
            Type = type;
            Annotations = annotations;
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The position of the column in its schema.</summary>
        public int Index { get; }

        /// <summary>Whether a later column of the same name hides this one.</summary>
        public bool IsHidden { get; }

        /// <summary>The column type.</summary>
        public DataViewType Type { get; }

        /// <summary>Extra information about the column (key values, slot names).</summary>
        public Annotations Annotations { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name} ({Index}): {Type}";
    }

    /// <summary>A column description without a schema: what a transform or builder adds.</summary>
    public sealed class DetachedColumn
    {
        /// <summary>Describes a column.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="type">The column type.</param>
        /// <param name="annotations">The annotations, none when null.</param>
        public DetachedColumn(string name, DataViewType type, Annotations? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(type);
            Name = name;
            Type = type;
            Annotations = annotations ?? Annotations.Empty;
        }

        /// <summary>Copies the description of a schema's column.</summary>
        /// <param name="column">The column copied.</param>
        public DetachedColumn(Column column)
            : this(column.Name, column.Type, column.Annotations)
        {
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>The column type.</summary>
        public DataViewType Type { get; }

        /// <summary>The annotations.</summary>
        public Annotations Annotations { get; }
    }

    /// <summary>Builds a <see cref="DataViewSchema"/> column by column.</summary>
    public sealed class Builder
    {
        private readonly List<DetachedColumn> _columns = [];

        /// <summary>Adds a column (hiding an earlier column of the same name).</summary>
        /// <param name="name">The column name.</param>
        /// <param name="type">The column type.</param>
        /// <param name="annotations">The annotations, none when null.</param>
        public void AddColumn(string name, DataViewType type, Annotations? annotations = null) =>
            _columns.Add(new DetachedColumn(name, type, annotations));

        /// <summary>Adds copies of <paramref name="columns"/>.</summary>
        /// <param name="columns">The columns added, in order.</param>
        public void AddColumns(IEnumerable<Column> columns)
        {
            ArgumentNullException.ThrowIfNull(columns);
            foreach (Column column in columns)
            {
                _columns.Add(new DetachedColumn(column));
            }
        }

        /// <summary>Adds <paramref name="columns"/>.</summary>
        /// <param name="columns">The columns added, in order.</param>
        public void AddColumns(IEnumerable<DetachedColumn> columns)
        {
            ArgumentNullException.ThrowIfNull(columns);
            _columns.AddRange(columns);
        }

        /// <summary>The schema of the columns added so far.</summary>
        public DataViewSchema ToSchema() => new([.. _columns]);
    }
}

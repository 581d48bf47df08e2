using System.Collections;
using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// What an estimator knows of a schema before it is fitted: column names, whether each is a scalar, a known-size
/// or a variable-size vector, the item type, whether it is a key, and which annotations it has (not vector sizes,
/// key counts or annotation values).
/// </summary>
public sealed class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private readonly Column[] _columns;

    /// <summary>Creates a shape of <paramref name="columns"/>.</summary>
    /// <param name="columns">The columns; names must be distinct.</param>
    public SchemaShape(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
    }

    /// <summary>The number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    /// <param name="index">An index in [0, <see cref="Count"/>).</param>
    public Column this[int index] => _columns[index];

    /// <summary>The shape of the visible columns of <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    public static SchemaShape Create(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = new List<Column>();
        foreach (DataViewSchema.Column column in schema)
        {
            if (!column.IsHidden)
            {
                var annotations = new SchemaShape(column.Annotations.Columns.Select(a => FromType(a.Name, a.Type, null)));
                columns.Add(FromType(column.Name, column.Type, annotations));
            }
        }

        return new SchemaShape(columns);
    }

    /// <summary>Finds the column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="column">The column found.</param>
    public bool TryFindColumn(string name, out Column column)
    {
        foreach (Column candidate in _columns)
        {
            if (candidate.Name == name)
            {
                column = candidate;
                return true;
            }
        }

        column = default;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Column FromType(string name, DataViewType type, SchemaShape? annotations)
    {
        Column.VectorKind kind = type is VectorDataViewType vector
            ? vector.IsKnownSize ? Column.VectorKind.Vector : Column.VectorKind.VariableVector
            : Column.VectorKind.Scalar;
        DataViewType itemType = type is VectorDataViewType v ? v.ItemType : type;
        bool isKey = itemType is KeyDataViewType;
        if (itemType is KeyDataViewType key)
        {
            itemType = NumberDataViewType.All.First(n => n.RawType == key.RawType);
        }

        return new Column(name, kind, itemType, isKey, annotations);
    }

    /// <summary>The shape of one column.</summary>
    public readonly struct Column
    {
        /// <summary>Describes a column.</summary>
        /// <param name="name">The column name.</param>
        /// <param name="vecKind">Scalar, known-size vector or variable-size vector.</param>
        /// <param name="itemType">The item type; for a key column, its raw unsigned type.</param>
        /// <param name="isKey">Whether the items are keys.</param>
        /// <param name="annotations">The annotation kinds present, none when null.</param>
        public Column(string name, VectorKind vecKind, DataViewType itemType, bool isKey, SchemaShape? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(itemType);
            if (itemType is KeyDataViewType or VectorDataViewType)
            {
                throw new ArgumentException($"The item type of column '{name}' must be primitive and not a key; use isKey for keys.", nameof(itemType));
            }

            Name = name;
            Kind = vecKind;
            ItemType = itemType;
            IsKey = isKey;
            Annotations = annotations ?? new SchemaShape([]);
        }

        /// <summary>Scalar, known-size vector or variable-size vector.</summary>
        public enum VectorKind
        {
            /// <summary>One value.</summary>
            Scalar,

            /// <summary>A vector of known size.</summary>
            Vector,

            /// <summary>A vector of any length.</summary>
            VariableVector,
        }

        /// <summary>The column name.</summary>
        public string Name { get; }

        /// <summary>Scalar, known-size vector or variable-size vector.</summary>
        public VectorKind Kind { get; }

        /// <summary>The item type; for a key column, its raw unsigned type.</summary>
        public DataViewType ItemType { get; }

        /// <summary>Whether the items are keys.</summary>
        public bool IsKey { get; }

        /// <summary>The annotation kinds present.</summary>
        public SchemaShape Annotations { get; }

        /// <summary>Whether this was built (a default instance is not).</summary>
        public bool IsValid => Name is not null;

        /// <summary>Whether a column of shape <paramref name="source"/> can be used where this shape is expected.</summary>
        /// <param name="source">The shape found.</param>
        public bool IsCompatibleWith(Column source) =>
            Kind == source.Kind && IsKey == source.IsKey && ItemType.Equals(source.ItemType) &&
            Annotations.All(a => source.Annotations.TryFindColumn(a.Name, out Column found) && a.IsCompatibleWith(found));

        /// <summary>The type as messages name it: "Single", "Vector&lt;Single&gt;", "Key&lt;UInt32&gt;".</summary>
        public string GetTypeString()
        {
            string item = IsKey ? $"Key<{ItemType}>" : ItemType.ToString()!;
            return Kind == VectorKind.Scalar ? item : $"Vector<{item}>";
        }

        /// <inheritdoc />
        public override string ToString() => $"{Name}: {GetTypeString()}";
    }
}

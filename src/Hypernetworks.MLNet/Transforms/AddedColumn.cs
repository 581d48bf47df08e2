namespace Hypernetworks.MLNet.Data;

/// <summary>
/// A column a transformer adds to its input: its description, the input columns it is computed from, and a
/// factory that makes its <see cref="ValueGetter{TValue}"/> over an input row.
/// </summary>
public sealed class AddedColumn
{
    /// <summary>Describes an added column.</summary>
    /// <param name="column">The name, type and annotations.</param>
    /// <param name="dependencies">The indices of the input columns it reads.</param>
    /// <param name="makeGetter">Makes a <see cref="ValueGetter{TValue}"/> of the column's raw type over an input row; called once per row object.</param>
    public AddedColumn(DataViewSchema.DetachedColumn column, IReadOnlyList<int> dependencies, Func<DataViewRow, Delegate> makeGetter)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(makeGetter);
        Column = column;
        Dependencies = dependencies;
        MakeGetter = makeGetter;
    }

    /// <summary>The name, type and annotations.</summary>
    public DataViewSchema.DetachedColumn Column { get; }

    /// <summary>The indices of the input columns it reads.</summary>
    public IReadOnlyList<int> Dependencies { get; }

    /// <summary>Makes the getter over an input row.</summary>
    public Func<DataViewRow, Delegate> MakeGetter { get; }
}

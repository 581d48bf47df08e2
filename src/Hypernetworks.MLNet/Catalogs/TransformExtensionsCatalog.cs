using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet;

/// <summary>The column operations of <see cref="TransformsCatalog"/>.</summary>
public static class TransformExtensionsCatalog
{
    /// <summary>Concatenates columns of one item type into a vector column.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The output column.</param>
    /// <param name="inputColumnNames">The input columns, in order.</param>
    public static ColumnConcatenatingEstimator Concatenate(this TransformsCatalog catalog, string outputColumnName, params string[] inputColumnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnConcatenatingEstimator(outputColumnName, inputColumnNames);
    }

    /// <summary>Copies a column under a new name.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The new column.</param>
    /// <param name="inputColumnName">The column copied.</param>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, string outputColumnName, string inputColumnName)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnCopyingEstimator(new InputOutputColumnPair(outputColumnName, inputColumnName));
    }

    /// <summary>Copies columns under new names.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, params InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnCopyingEstimator(columns);
    }

    /// <summary>Drops columns.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columnNames">The columns dropped.</param>
    public static ColumnSelectingEstimator DropColumns(this TransformsCatalog catalog, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnSelectingEstimator(null, columnNames);
    }

    /// <summary>Keeps only the given columns, in the given order.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columnNames">The columns kept.</param>
    public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, params string[] columnNames)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ColumnSelectingEstimator(columnNames, null);
    }
}

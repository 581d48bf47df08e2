using Hypernetworks.MLNet.Trainers;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// The rows of a labelled data view held in memory for few-shot work: the feature column (a known-size vector of
/// Single) as [rows, size] floats, and the label column (a key) as each row's zero-based key index.
/// </summary>
internal sealed class LabelledExamples
{
    /// <summary>What meta-training data is called in messages.</summary>
    public const string TrainingData = "training data";

    private LabelledExamples(float[] features, int featureSize, int[] labels, DataViewSchema.Column labelColumn)
    {
        Features = features;
        FeatureSize = featureSize;
        Labels = labels;
        LabelColumn = labelColumn;
    }

    /// <summary>[rows, FeatureSize] feature values.</summary>
    public float[] Features { get; }

    /// <summary>Values per row.</summary>
    public int FeatureSize { get; }

    /// <summary>Each row's label as a zero-based key index.</summary>
    public int[] Labels { get; }

    /// <summary>The label column (its type and key values).</summary>
    public DataViewSchema.Column LabelColumn { get; }

    /// <summary>The label column <paramref name="name"/> of <paramref name="schema"/>, which must be a key; errors name it.</summary>
    public static DataViewSchema.Column KeyLabel(DataViewSchema schema, string name, string what)
    {
        DataViewSchema.Column label = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"Could not find label column '{name}' in the {what}.", nameof(schema));
        return label.Type is KeyDataViewType
            ? label
            : throw new ArgumentException($"Label column '{name}' is {label.Type}; few-shot learning reads a key (use MapValueToKey).", nameof(schema));
    }

    /// <summary>Reads the current row's label key as a zero-based index; a missing key of a support set or queries says how to map new classes.</summary>
    public static void ReadLabel(FloatColumnReader reader, Span<float> destination, string what)
    {
        try
        {
            reader.Read(destination);
        }
        catch (InvalidOperationException e) when (what != TrainingData)
        {
            throw new InvalidOperationException($"{e.Message} A {what} of new classes needs its own key mapping (MapValueToKey fitted on its own labels), not one fitted on other classes.", e);
        }
    }

    /// <summary>
    /// Reads every row; <paramref name="featureSize"/>, when given, is the width the model expects. Errors name the
    /// column, the row and what was expected.
    /// </summary>
    public static LabelledExamples Read(IDataView data, string featureColumnName, string labelColumnName, int? featureSize, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        DataViewSchema.Column features = data.Schema.GetColumnOrNull(featureColumnName)
            ?? throw new ArgumentException($"Could not find feature column '{featureColumnName}' in the {what}.", nameof(data));
        DataViewSchema.Column label = KeyLabel(data.Schema, labelColumnName, what);
        if (features.Type is not VectorDataViewType { ItemType: var item, IsKnownSize: true } vector || item != NumberDataViewType.Single)
        {
            throw new ArgumentException($"Feature column '{featureColumnName}' is {features.Type}; few-shot learning reads a known-size vector of Single (use Concatenate, or give the column a known size).", nameof(data));
        }

        if (featureSize is int expected && vector.Size != expected)
        {
            throw new ArgumentException($"Feature column '{featureColumnName}' holds {vector.Size} values; the model was meta-trained on {expected}.", nameof(data));
        }

        // Written straight into the final array when the view knows its row count, so a large data set is held once.
        long? known = data.GetRowCount();
        float[]? exact = known is long count && count * vector.Size <= Array.MaxLength ? new float[count * vector.Size] : null;
        var values = exact is null ? new List<float>() : null;
        var labels = new List<int>();
        var row = new float[vector.Size];
        var labelValue = new float[1];
        using DataViewRowCursor cursor = data.GetRowCursor([features, label]);
        FloatColumnReader featureReader = FloatColumnReader.Create(cursor, features, vector.Size, 0);
        FloatColumnReader labelReader = FloatColumnReader.Create(cursor, label, 1, ((KeyDataViewType)label.Type).Count);
        while (cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            featureReader.Read(row);
            ReadLabel(labelReader, labelValue, what);

            if (exact is not null)
            {
                if ((long)(labels.Count + 1) * vector.Size > exact.Length)
                {
                    throw new InvalidOperationException($"The {what} reported {known} rows but its cursor gives more.");
                }

                row.CopyTo(exact, (long)labels.Count * vector.Size);
            }
            else
            {
                values!.AddRange(row);
            }

            labels.Add((int)labelValue[0]);
        }

        float[] all = exact is null ? [.. values!] : exact.Length == labels.Count * vector.Size ? exact : exact[..(labels.Count * vector.Size)];
        return new LabelledExamples(all, vector.Size, [.. labels], label);
    }
}

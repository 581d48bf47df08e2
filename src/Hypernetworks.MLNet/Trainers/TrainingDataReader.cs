using Microsoft.ML;
using Microsoft.ML.Data;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// Copies the conditioning, feature and label columns of a view into the in-memory rows the core training loop
/// shuffles, one pass through a cursor, checking every row (finite values, vector sizes, known keys) as it goes.
/// </summary>
internal static class TrainingDataReader
{
    /// <summary>Reads every row of <paramref name="data"/>; <paramref name="role"/> names the data in messages ("training").</summary>
    public static TrainingSet Read(IDataView data, HypernetworkColumnLayout layout, string role, InputStandardization standardization, CancellationToken cancellationToken)
    {
        (float[] conditioning, float[] features, float[] labels, int rows) = ReadRaw(data, layout, role, cancellationToken);
        standardization.Apply(conditioning, features);
        return new TrainingSet(conditioning, features, labels, rows);
    }

    /// <summary>The conditioning, feature and label values of every row of <paramref name="data"/>, as read (not standardised).</summary>
    public static (float[] Conditioning, float[] Features, float[] Labels, int Rows) ReadRaw(IDataView data, HypernetworkColumnLayout layout, string role, CancellationToken cancellationToken)
    {
        DataViewSchema schema = data.Schema;
        DataViewSchema.Column conditioning = HypernetworkColumns.Conditioning(schema, layout.ConditioningColumnName, out int conditioningSize, out ulong keyCount);
        DataViewSchema.Column features = HypernetworkColumns.Features(schema, layout.FeatureColumnName, out int featureSize);
        HypernetworkTask? task = layout.Task;
        DataViewSchema.Column label = HypernetworkColumns.Label(schema, layout.LabelColumnName, ref task);
        if (conditioningSize != layout.ConditioningSize || (keyCount > 0) != (layout.ConditioningKeyCount > 0) || featureSize != layout.FeatureSize)
        {
            throw new ArgumentException(
                $"The {role} data's conditioning column '{conditioning.Name}' ({conditioning.Type}) and feature column '{features.Name}' ({features.Type}) " +
                $"do not have the shapes of the training data's ({layout.ConditioningSize} conditioning values{(layout.ConditioningKeyCount > 0 ? " as a key" : string.Empty)}, {layout.FeatureSize} features).",
                nameof(data));
        }

        ulong labelKeys = layout.Task == HypernetworkTask.MulticlassClassification ? (ulong)layout.ClassCount : 0;
        using DataViewRowCursor cursor = data.GetRowCursor(new[] { conditioning, features, label }.DistinctBy(c => c.Index));
        FloatColumnReader conditioningReader = FloatColumnReader.Create(cursor, conditioning, conditioningSize, layout.ConditioningKeyCount);
        FloatColumnReader featureReader = FloatColumnReader.Create(cursor, features, featureSize, 0);
        FloatColumnReader labelReader = FloatColumnReader.Create(cursor, label, 1, labelKeys);
        var c = new Growable(conditioningSize);
        var x = new Growable(featureSize);
        var y = new Growable(1);
        int rows = 0;
        while (cursor.MoveNext())
        {
            if ((rows & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            conditioningReader.Read(c.Next());
            featureReader.Read(x.Next());
            labelReader.Read(y.Next());
            rows = checked(rows + 1);
        }

        if (rows == 0)
        {
            throw new ArgumentException($"The {role} data has no rows; the hypernetwork needs at least one.", nameof(data));
        }

        return (c.ToArray(), x.ToArray(), y.ToArray(), rows);
    }

    /// <summary>Checks that a binary label holds both classes.</summary>
    public static void CheckBothClasses(TrainingSet set, string labelColumnName)
    {
        ReadOnlySpan<float> labels = set.Labels;
        if (labels.IndexOfAnyExcept(labels[0]) < 0)
        {
            throw new ArgumentException(
                $"Label column '{labelColumnName}' holds only {(labels[0] > 0 ? "true" : "false")} in all {set.Rows} training rows; binary classification needs both classes.",
                "input");
        }
    }

    /// <summary>A float array that grows by doubling, handed out one row at a time.</summary>
    private sealed class Growable(int width)
    {
        private float[] _values = new float[width * 256];
        private int _length;

        public Span<float> Next()
        {
            if (_length + width > _values.Length)
            {
                Array.Resize(ref _values, checked(_values.Length * 2));
            }

            Span<float> row = _values.AsSpan(_length, width);
            _length += width;
            return row;
        }

        public float[] ToArray() => _values.AsSpan(0, _length).ToArray();
    }
}

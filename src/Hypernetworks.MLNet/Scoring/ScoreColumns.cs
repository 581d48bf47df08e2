using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// The columns a hypernetwork adds, named, typed and ordered as ML.NET's scorers write them: <c>Score</c> (Single)
/// for regression; <c>PredictedLabel</c> (Boolean), <c>Score</c> (the logit) and <c>Probability</c> for binary
/// classification; <c>PredictedLabel</c> (a key of the label's type, with its key values) and <c>Score</c> (a vector
/// of class probabilities, the class names as slot names) for multiclass classification.
/// </summary>
internal static class ScoreColumns
{
    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";

    /// <summary>The columns a fitted hypernetwork adds, with the score's slot names and the predicted label's key values.</summary>
    public static IReadOnlyList<DataViewSchema.DetachedColumn> Describe(HypernetworkTask task, int classCount, LabelKeyValues? keyValues) => task switch
    {
        HypernetworkTask.BinaryClassification =>
        [
            new(PredictedLabel, BooleanDataViewType.Instance),
            new(Score, NumberDataViewType.Single),
            new(Probability, NumberDataViewType.Single),
        ],
        HypernetworkTask.MulticlassClassification =>
        [
            new(PredictedLabel, new KeyDataViewType(typeof(uint), classCount), keyValues?.MakeKeyValueAnnotations()),
            new(Score, new VectorDataViewType(NumberDataViewType.Single, classCount), keyValues?.MakeSlotNameAnnotations()),
        ],
        _ => [new(Score, NumberDataViewType.Single)],
    };

    /// <summary>The getter of added column <paramref name="index"/>, reading the current row's outputs from <paramref name="source"/>.</summary>
    public static Delegate MakeGetter(HypernetworkTask task, int index, ScoreSource source) => (task, index) switch
    {
        (HypernetworkTask.BinaryClassification, 0) => (ValueGetter<bool>)((ref bool value) => value = source.Current()[0] > 0f),
        (HypernetworkTask.BinaryClassification, 2) => (ValueGetter<float>)((ref float value) => value = Sigmoid(source.Current()[0])),
        (HypernetworkTask.MulticlassClassification, 1) => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
        {
            ReadOnlySpan<float> probabilities = source.Current();
            VBufferEditor<float> editor = VBufferEditor.Create(ref value, probabilities.Length);
            probabilities.CopyTo(editor.Values);
            value = editor.Commit();
        }),
        (HypernetworkTask.MulticlassClassification, _) => (ValueGetter<uint>)((ref uint value) => value = (uint)ArgMax(source.Current()) + 1),
        _ => (ValueGetter<float>)((ref float value) => value = source.Current()[0]),
    };

    /// <summary>Turns each row's logits into probabilities, in place.</summary>
    public static void Softmax(Span<float> outputs, int width)
    {
        for (int start = 0; start < outputs.Length; start += width)
        {
            Span<float> row = outputs.Slice(start, width);
            float max = System.Numerics.Tensors.TensorPrimitives.Max(row);
            System.Numerics.Tensors.TensorPrimitives.Subtract(row, max, row);
            System.Numerics.Tensors.TensorPrimitives.Exp(row, row);
            System.Numerics.Tensors.TensorPrimitives.Divide(row, System.Numerics.Tensors.TensorPrimitives.Sum(row), row);
        }
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}

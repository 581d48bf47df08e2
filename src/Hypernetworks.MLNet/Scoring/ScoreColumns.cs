using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// The columns a hypernetwork adds, named and typed as ML.NET's trainers write them: <c>Score</c> (Single) for
/// regression; <c>Score</c> (the logit), <c>Probability</c> and <c>PredictedLabel</c> (Boolean) for binary
/// classification; <c>Score</c> (a vector of class probabilities) and <c>PredictedLabel</c> (a key of the label's
/// type, with its key values) for multiclass classification.
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
            new(Score, NumberDataViewType.Single),
            new(Probability, NumberDataViewType.Single),
            new(PredictedLabel, BooleanDataViewType.Instance),
        ],
        HypernetworkTask.MulticlassClassification =>
        [
            new(Score, new VectorDataViewType(NumberDataViewType.Single, classCount), keyValues?.MakeSlotNameAnnotations()),
            new(PredictedLabel, new KeyDataViewType(typeof(uint), classCount), keyValues?.MakeKeyValueAnnotations()),
        ],
        _ => [new(Score, NumberDataViewType.Single)],
    };

    /// <summary>The getter of added column <paramref name="index"/>, reading the current row's outputs from <paramref name="source"/>.</summary>
    public static Delegate MakeGetter(HypernetworkTask task, int index, ScoreSource source) => (task, index) switch
    {
        (HypernetworkTask.BinaryClassification, 1) => (ValueGetter<float>)((ref float value) => value = Sigmoid(source.Current()[0])),
        (HypernetworkTask.BinaryClassification, 2) => (ValueGetter<bool>)((ref bool value) => value = source.Current()[0] > 0f),
        (HypernetworkTask.MulticlassClassification, 0) => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
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

using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.Onnx;

/// <summary>A case's rows as an ML.NET view with labels of each task, and the checks of a stock-scored view.</summary>
public static class StockRows
{
    public static readonly string[] ClassNames = ["cat", "dog", "émeu", "42"];

    public static IDataView Load(MLContext mlContext, GraphCase c)
    {
        float[] raw = c.EngineOutputs();
        int outputs = c.Spec.OutputSize;
        IDataView view;
        if (c.Keyed)
        {
            view = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, GraphCase.Rows).Select(r => new KeyedRow
            {
                TaskKey = (uint)c.Conditioning[r] - 1,
                Features = c.Features.AsSpan(r * c.Spec.InputSize, c.Spec.InputSize).ToArray(),
                RegressionLabel = raw[r * outputs] + 0.1f,
                BinaryLabel = r % 3 == 0,
                ClassLabel = ClassNames[r % ClassNames.Length],
            }));
        }
        else
        {
            view = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, GraphCase.Rows).Select(r => new DenseRow
            {
                Task = c.Conditioning.AsSpan(r * 3, 3).ToArray(),
                Features = c.Features.AsSpan(r * c.Spec.InputSize, c.Spec.InputSize).ToArray(),
                RegressionLabel = raw[r * outputs] + 0.1f,
                BinaryLabel = r % 3 == 0,
                ClassLabel = ClassNames[r % ClassNames.Length],
            }));
        }

        IDataView classes = mlContext.Data.LoadFromEnumerable(ClassNames.Select(n => new ClassRow { ClassLabel = n }));
        return mlContext.Transforms.Conversion.MapValueToKey("ClassKey", "ClassLabel", keyData: classes).Fit(view).Transform(view);
    }

    public static void AssertColumns(DataViewSchema input, DataViewSchema output, GraphCase c)
    {
        string[] added = [.. output.Where(col => !col.IsHidden).Select(col => col.Name).Except(input.Select(col => col.Name))];
        switch (c.Spec.Task)
        {
            case HypernetworkTask.BinaryClassification:
                Assert.Equal(["PredictedLabel", "Probability", "Score"], added.Order(StringComparer.Ordinal));
                Assert.Equal(NumberDataViewType.Single, output["Score"].Type);
                Assert.Equal(NumberDataViewType.Single, output["Probability"].Type);
                Assert.Equal(BooleanDataViewType.Instance, output["PredictedLabel"].Type);
                break;
            case HypernetworkTask.MulticlassClassification:
                Assert.Equal(["PredictedLabel", "Score"], added.Order(StringComparer.Ordinal));
                Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 4), output["Score"].Type);
                VBuffer<ReadOnlyMemory<char>> slots = default;
                output["Score"].GetSlotNames(ref slots);
                Assert.Equal(ClassNames, slots.DenseValues().Select(s => s.ToString()));
                var key = Assert.IsType<KeyDataViewType>(output["PredictedLabel"].Type);
                Assert.Equal(4ul, key.Count);
                VBuffer<ReadOnlyMemory<char>> keyValues = default;
                output["PredictedLabel"].GetKeyValues(ref keyValues);
                Assert.Equal(ClassNames, keyValues.DenseValues().Select(s => s.ToString()));
                break;
            default:
                Assert.Equal(["Score"], added);
                Assert.Equal(NumberDataViewType.Single, output["Score"].Type);
                break;
        }
    }

    public static void AssertScores(IDataView scored, GraphCase c)
    {
        float[] raw = c.EngineOutputs();
        switch (c.Spec.Task)
        {
            case HypernetworkTask.BinaryClassification:
                OnnxRun.AssertClose(raw, [.. scored.GetColumn<float>("Score")], "stock Score");
                OnnxRun.AssertClose([.. raw.Select(ExpectedOutputs.Sigmoid)], [.. scored.GetColumn<float>("Probability")], "stock Probability");
                Assert.Equal(raw.Select(v => v > 0), scored.GetColumn<bool>("PredictedLabel"));
                break;
            case HypernetworkTask.MulticlassClassification:
                float[] probabilities = ExpectedOutputs.Softmax(raw, 4);
                OnnxRun.AssertClose(probabilities, [.. scored.GetColumn<float[]>("Score").SelectMany(v => v)], "stock Score");
                uint[] expected = [.. Enumerable.Range(0, GraphCase.Rows).Select(r => (uint)ExpectedOutputs.ArgMax(probabilities.AsSpan(r * 4, 4)) + 1)];
                Assert.Equal(expected, scored.GetColumn<uint>("PredictedLabel"));
                break;
            default:
                OnnxRun.AssertClose(raw, [.. scored.GetColumn<float>("Score")], "stock Score");
                break;
        }
    }

    public static void Evaluate(MLContext mlContext, IDataView scored, HypernetworkTask task)
    {
        switch (task)
        {
            case HypernetworkTask.BinaryClassification:
                Assert.InRange(mlContext.BinaryClassification.Evaluate(scored, "BinaryLabel").Accuracy, 0, 1);
                break;
            case HypernetworkTask.MulticlassClassification:
                Assert.InRange(mlContext.MulticlassClassification.Evaluate(scored, "ClassKey").MacroAccuracy, 0, 1);
                break;
            default:
                Assert.InRange(mlContext.Regression.Evaluate(scored, "RegressionLabel").RootMeanSquaredError, 0.0999, 0.1001);
                break;
        }
    }

    public static void PredictOne(MLContext mlContext, ITransformer loaded, GraphCase c)
    {
        float[] raw = c.EngineOutputs();
        float expected = c.Spec.Task == HypernetworkTask.MulticlassClassification ? ExpectedOutputs.Softmax(raw.AsSpan(0, 4), 4)[0] : raw[0];
        bool vector = c.Spec.Task == HypernetworkTask.MulticlassClassification;
        float actual = c.Keyed
            ? Predict(mlContext, loaded, new KeyedRow { TaskKey = (uint)c.Conditioning[0] - 1, Features = c.Features[..c.Spec.InputSize], ClassLabel = "cat" }, vector)
            : Predict(mlContext, loaded, new DenseRow { Task = c.Conditioning[..3], Features = c.Features[..c.Spec.InputSize], ClassLabel = "cat" }, vector);

        OnnxRun.AssertClose([expected], [actual], "PredictionEngine Score");
    }

    private static float Predict<TRow>(MLContext mlContext, ITransformer loaded, TRow row, bool vector)
        where TRow : class
        => vector
            ? mlContext.Model.CreatePredictionEngine<TRow, VectorPrediction>(loaded).Predict(row).Score[0]
            : mlContext.Model.CreatePredictionEngine<TRow, ScalarPrediction>(loaded).Predict(row).Score;

    public sealed class DenseRow
    {
        [VectorType(3)]
        public float[] Task { get; set; } = [];

        [VectorType(5)]
        public float[] Features { get; set; } = [];

        public float RegressionLabel { get; set; }

        public bool BinaryLabel { get; set; }

        public string ClassLabel { get; set; } = "";
    }

    /// <summary>A row whose conditioning is a key; the property holds it 0-based, as ML.NET reads a [KeyType] member (the column holds key 1 for 0).</summary>
    public sealed class KeyedRow
    {
        [KeyType(5)]
        public uint TaskKey { get; set; }

        [VectorType(5)]
        public float[] Features { get; set; } = [];

        public float RegressionLabel { get; set; }

        public bool BinaryLabel { get; set; }

        public string ClassLabel { get; set; } = "";
    }

    public sealed class ClassRow
    {
        public string ClassLabel { get; set; } = "";
    }

    public sealed class VectorPrediction
    {
        public float[] Score { get; set; } = [];
    }

    public sealed class ScalarPrediction
    {
        public float Score { get; set; }
    }
}

using System.Globalization;
using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet;

/// <summary>
/// Our graph as a chain of stock ML.NET transformers only, adding exactly the columns our trainer writes, so that a
/// process without our assemblies loads and scores it. An OnnxTransformer runs the graph; its [1, n] tensor outputs
/// become the stock column types:
/// <list type="bullet">
/// <item>regression: the score tensor (Vector&lt;Single, 1, 1&gt;) → CopyColumns → <see cref="IdentityRegressionModel"/> → Score (Single);</item>
/// <item>binary: the score tensor → CopyColumns → <see cref="IdentityBinaryModel"/> → Score and PredictedLabel = Score &gt; 0, then the
/// fixed Platt calibrator with slope −1, offset 0 → Probability = 1 / (1 + exp(−Score));</item>
/// <item>multiclass: the predicted index the same way to a Single, MapValue (index → class value), MapValueToKey with the
/// class values in key order → PredictedLabel; the probabilities (Vector&lt;Single, 1, K&gt;, slot names from the graph)
/// → the identity Expression, which makes a Vector&lt;Single, K&gt; and keeps slot names → Score.</item>
/// </list>
/// Intermediate columns are dropped. The OnnxTransformer reads its model file again when it is saved, so the file
/// (a temporary file of ours) lives until <see cref="Dispose"/>: save the chain, then dispose it.
/// </summary>
internal sealed class StockScoringChain : IDisposable
{
    private const string ValueColumn = "HypernetworkPredictedValue";
    private readonly string _modelPath;
    private bool _disposed;

    private StockScoringChain(TransformerChain<ITransformer> transformer, string modelPath)
    {
        Transformer = transformer;
        _modelPath = modelPath;
    }

    /// <summary>The chain; save it with mlContext.Model.Save or by forwarding a ModelSaveContext to its ICanSaveModel.</summary>
    public TransformerChain<ITransformer> Transformer { get; }

    /// <summary>The temporary ONNX file the chain's OnnxTransformer reads (deleted by <see cref="Dispose"/>).</summary>
    public string ModelPath => _modelPath;

    /// <summary>The number of transformers the chain holds for a task (the stand-ins that <see cref="OurGraphLocator"/> reports).</summary>
    public static int Length(HypernetworkTask task) => task switch
    {
        HypernetworkTask.Regression => 4,
        HypernetworkTask.BinaryClassification => 5,
        _ => 8,
    };

    /// <summary>
    /// Builds the chain for rows of <paramref name="inputSchema"/> (which must hold the description's columns); a
    /// description with no conditioning column is a graph that reads the features only (one materialised network).
    /// </summary>
    public static StockScoringChain Build(MLContext mlContext, byte[] onnx, HypernetworkGraphDescription description, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(inputSchema);
        CheckColumns(description, inputSchema);
        string path = Path.Combine(Path.GetTempPath(), $"hypernetwork-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, onnx);
        var transformers = new List<ITransformer>();
        try
        {
            IDataView view = new EmptyDataView(inputSchema);
            string[] outputs = description.Task == HypernetworkTask.MulticlassClassification ? [M.ScoreOutput, M.PredictedIndexOutput] : [M.ScoreOutput];
            string[] inputs = description.ConditioningColumnName.Length == 0 ? [description.FeatureColumnName] : [description.ConditioningColumnName, description.FeatureColumnName];
            view = Add(transformers, view, mlContext.Transforms.ApplyOnnxModel(outputs, inputs, path));
            string scalarSource = description.Task == HypernetworkTask.MulticlassClassification ? M.PredictedIndexOutput : M.ScoreOutput;
            view = Add(transformers, view, mlContext.Transforms.CopyColumns(IdentityRegressionModel.InputColumn, scalarSource));
            switch (description.Task)
            {
                case HypernetworkTask.BinaryClassification:
                    view = Add(transformers, view, IdentityBinaryModel.Create(mlContext));
                    view = Add(transformers, view, mlContext.BinaryClassification.Calibrators.Platt(slope: -1, offset: 0));
                    Add(transformers, view, mlContext.Transforms.DropColumns(M.ScoreOutput, IdentityRegressionModel.InputColumn));
                    break;
                case HypernetworkTask.MulticlassClassification:
                    view = Add(transformers, view, IdentityRegressionModel.Create(mlContext));
                    view = AddPredictedLabel(mlContext, transformers, view, description);
                    view = Add(transformers, view, mlContext.Transforms.DropColumns("Score", ValueColumn, IdentityRegressionModel.InputColumn, M.PredictedIndexOutput));
                    view = Add(transformers, view, mlContext.Transforms.Expression("Score", "p => p", M.ScoreOutput));
                    Add(transformers, view, mlContext.Transforms.DropColumns(M.ScoreOutput));
                    break;
                default:
                    view = Add(transformers, view, IdentityRegressionModel.Create(mlContext));
                    Add(transformers, view, mlContext.Transforms.DropColumns(M.ScoreOutput, IdentityRegressionModel.InputColumn));
                    break;
            }

            return new StockScoringChain(new TransformerChain<ITransformer>([.. transformers]), path);
        }
        catch
        {
            foreach (IDisposable d in transformers.OfType<IDisposable>())
            {
                d.Dispose();
            }

            File.Delete(path);
            throw;
        }
    }

    /// <summary>Builds the chain for rows like <paramref name="inputSample"/>'s.</summary>
    public static StockScoringChain Build(MLContext mlContext, byte[] onnx, HypernetworkGraphDescription description, IDataView inputSample)
    {
        ArgumentNullException.ThrowIfNull(inputSample);
        return Build(mlContext, onnx, description, inputSample.Schema);
    }

    /// <summary>Disposes the chain's OnnxTransformer and deletes the model file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Transformer.Dispose();
        File.Delete(_modelPath);
    }

    private static IDataView Add(List<ITransformer> transformers, IDataView view, IEstimator<ITransformer> estimator) => Add(transformers, view, estimator.Fit(view));

    private static IDataView Add(List<ITransformer> transformers, IDataView view, ITransformer transformer)
    {
        transformers.Add(transformer);
        return transformer.Transform(view);
    }

    private static void CheckColumns(HypernetworkGraphDescription description, DataViewSchema schema)
    {
        if (description.ConditioningColumnName.Length > 0)
        {
            CheckConditioning(description, schema);
        }

        DataViewSchema.Column features = schema.GetColumnOrNull(description.FeatureColumnName)
            ?? throw new ArgumentException($"Could not find feature column '{description.FeatureColumnName}'.", nameof(schema));
        if (FloatWidth(features.Type) != description.FeatureSize)
        {
            throw new ArgumentException($"Feature column '{description.FeatureColumnName}' is {features.Type}; the model reads {description.FeatureSize} Single values.", nameof(schema));
        }
    }

    private static void CheckConditioning(HypernetworkGraphDescription description, DataViewSchema schema)
    {
        DataViewSchema.Column conditioning = schema.GetColumnOrNull(description.ConditioningColumnName)
            ?? throw new ArgumentException($"Could not find conditioning column '{description.ConditioningColumnName}'.", nameof(schema));
        bool conditioningFits = description.ConditioningKeyCount > 0
            ? conditioning.Type is KeyDataViewType { RawType: var raw } key && raw == typeof(uint) && key.Count == (ulong)description.ConditioningKeyCount
            : FloatWidth(conditioning.Type) == description.ConditioningSize;
        if (!conditioningFits)
        {
            string expected = description.ConditioningKeyCount > 0 ? $"a key of {description.ConditioningKeyCount} UInt32 values" : $"Vector<Single, {description.ConditioningSize}>";
            throw new ArgumentException($"Conditioning column '{description.ConditioningColumnName}' is {conditioning.Type}; the model reads {expected}.", nameof(schema));
        }
    }

    private static int FloatWidth(DataViewType type) => type switch
    {
        NumberDataViewType n when n == NumberDataViewType.Single => 1,
        VectorDataViewType { ItemType: var item, IsKnownSize: true } v when item == NumberDataViewType.Single => v.Size,
        _ => -1,
    };

    private static IDataView AddPredictedLabel(MLContext mlContext, List<ITransformer> transformers, IDataView view, HypernetworkGraphDescription description)
    {
        IReadOnlyList<string> names = description.ClassNames
            ?? throw new ArgumentException("A multiclass model needs its class names (the label's key values) to write PredictedLabel.", nameof(description));
        CultureInfo c = CultureInfo.InvariantCulture;
        return description.LabelKeyValueType switch
        {
            "String" => AddPredictedLabel(mlContext, transformers, view, names, s => s),
            "Single" => AddPredictedLabel(mlContext, transformers, view, names, s => float.Parse(s, c)),
            "Double" => AddPredictedLabel(mlContext, transformers, view, names, s => double.Parse(s, c)),
            "Boolean" => AddPredictedLabel(mlContext, transformers, view, names, bool.Parse),
            "SByte" => AddPredictedLabel(mlContext, transformers, view, names, s => sbyte.Parse(s, c)),
            "Byte" => AddPredictedLabel(mlContext, transformers, view, names, s => byte.Parse(s, c)),
            "Int16" => AddPredictedLabel(mlContext, transformers, view, names, s => short.Parse(s, c)),
            "UInt16" => AddPredictedLabel(mlContext, transformers, view, names, s => ushort.Parse(s, c)),
            "Int32" => AddPredictedLabel(mlContext, transformers, view, names, s => int.Parse(s, c)),
            "UInt32" => AddPredictedLabel(mlContext, transformers, view, names, s => uint.Parse(s, c)),
            "Int64" => AddPredictedLabel(mlContext, transformers, view, names, s => long.Parse(s, c)),
            "UInt64" => AddPredictedLabel(mlContext, transformers, view, names, s => ulong.Parse(s, c)),
            _ => throw new ArgumentException($"The label's key values are of type '{description.LabelKeyValueType}'; PredictedLabel can carry String, Single, Double, Boolean and integer key values.", nameof(description)),
        };
    }

    private static IDataView AddPredictedLabel<T>(MLContext mlContext, List<ITransformer> transformers, IDataView view, IReadOnlyList<string> names, Func<string, T> parse)
    {
        T[] values = [.. names.Select(parse)];
        KeyValuePair<float, T>[] map = [.. values.Select((v, i) => new KeyValuePair<float, T>(i, v))];
        view = Add(transformers, view, mlContext.Transforms.Conversion.MapValue(ValueColumn, map, "Score"));
        IDataView keys = mlContext.Data.LoadFromEnumerable(values.Select(v => new KeyRow<T> { Value = v }));
        return Add(transformers, view, mlContext.Transforms.Conversion.MapValueToKey("PredictedLabel", ValueColumn, keyData: keys));
    }

    private sealed class KeyRow<T>
    {
        public T Value { get; set; } = default!;
    }
}

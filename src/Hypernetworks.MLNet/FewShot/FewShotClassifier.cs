using Hypernetworks.MLNet.Onnx;
using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// A few-shot hypernetwork adapted to one support set: the target network generated for it, classifying rows into
/// the support's classes. It adds ML.NET's multiclass columns (PredictedLabel, a key whose values are the support's
/// label values, and Score, one probability per class) and is made of stock ML.NET components (the generated
/// network as an ONNX graph in an OnnxTransformer, and stock transforms for the label), so it goes into pipelines,
/// saves with <c>mlContext.Model.Save</c> and loads with stock <c>mlContext.Model.Load</c> or <c>LoadHypernetwork</c>.
/// </summary>
public sealed class FewShotClassifier : ITransformer, IDisposable
{
    private const string Queries = "queries";
    private readonly StockScoringChain _chain;
    private readonly byte[] _onnx;
    private readonly LabelKeyValues _classes;
    private bool _disposed;

    private FewShotClassifier(StockScoringChain chain, byte[] onnx, TargetNetwork network, string featureColumnName, LabelKeyValues classes)
    {
        _chain = chain;
        _onnx = onnx;
        TargetNetwork = network;
        FeatureColumnName = featureColumnName;
        _classes = classes;
    }

    /// <summary>The generated classifier as a standalone MLP.</summary>
    public TargetNetwork TargetNetwork { get; }

    /// <summary>The feature column it reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The support's label values, as invariant text, in the order of PredictedLabel's keys (key 1 first).</summary>
    public IReadOnlyList<string> Classes => _classes.Values;

    /// <inheritdoc />
    public bool IsRowToRowMapper => ((ITransformer)_chain.Transformer).IsRowToRowMapper;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _chain.Transformer.GetOutputSchema(inputSchema);
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ((ITransformer)_chain.Transformer).GetRowToRowMapper(inputSchema);
    }

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed, this);
        DataViewSchema.Column features = input.Schema.GetColumnOrNull(FeatureColumnName)
            ?? throw new ArgumentException($"Could not find feature column '{FeatureColumnName}'.", nameof(input));
        if (features.Type is not VectorDataViewType { ItemType: var item, IsKnownSize: true, Size: var size } || item != NumberDataViewType.Single || size != TargetNetwork.InputSize)
        {
            throw new ArgumentException($"Feature column '{FeatureColumnName}' is {features.Type}; the classifier reads a vector of {TargetNetwork.InputSize} Single values.", nameof(input));
        }

        return _chain.Transformer.Transform(input);
    }

    /// <summary>Saves the classifier as stock ML.NET components; ML.NET calls this from <c>mlContext.Model.Save</c>.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ((ICanSaveModel)_chain.Transformer).Save(ctx);
    }

    /// <summary>Writes the generated classifier as a plain ONNX graph (features in; Score and the predicted index out), to a temporary name and renamed.</summary>
    /// <param name="path">The .onnx file to write.</param>
    public void SaveOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ObjectDisposedException.ThrowIf(_disposed, this);
        AtomicFile.Write(path, _onnx);
    }

    /// <summary>
    /// The accuracy on labelled query rows, whose label column (named <paramref name="labelColumnName"/>, a key)
    /// must hold only the support's classes; a query of another class is an error naming it.
    /// </summary>
    public double Evaluate(IDataView queries, string labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        ObjectDisposedException.ThrowIf(_disposed, this);
        DataViewSchema.Column label = LabelledExamples.KeyLabel(queries.Schema, labelColumnName, Queries);
        IReadOnlyList<string> names = LabelKeyValues.From(label).Values;
        var index = Classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

        // One pass over the scored rows: the query's label (passed through) beside its prediction.
        IDataView scored = Transform(queries);
        DataViewSchema.Column passed = scored.Schema[labelColumnName];
        DataViewSchema.Column prediction = scored.Schema["PredictedLabel"];
        using DataViewRowCursor cursor = scored.GetRowCursor([passed, prediction]);
        FloatColumnReader labelReader = FloatColumnReader.Create(cursor, passed, 1, ((KeyDataViewType)label.Type).Count);
        ValueGetter<uint> predicted = cursor.GetGetter<uint>(prediction);
        var value = new float[1];
        int correct = 0;
        int rows = 0;
        uint key = 0;
        while (cursor.MoveNext())
        {
            LabelledExamples.ReadLabel(labelReader, value, Queries);
            string name = names[(int)value[0]];
            int expected = index.TryGetValue(name, out int i)
                ? i
                : throw new ArgumentException($"Query row {rows} is of class '{name}' (label column '{labelColumnName}'), which is not in the support set ({string.Join(", ", Classes)}).", nameof(queries));
            predicted(ref key);
            correct += key == expected + 1 ? 1 : 0;
            rows++;
        }

        return rows == 0 ? double.NaN : (double)correct / rows;
    }

    /// <summary>Deletes the temporary ONNX file if the classifier was never disposed (ML.NET users seldom dispose transformers).</summary>
    ~FewShotClassifier()
    {
        try
        {
            File.Delete(_chain.ModelPath);
        }
        catch (IOException)
        {
            // A finalizer must not throw; the file is in the temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>Disposes the ONNX session and deletes the temporary ONNX file the stock chain reads when it is saved.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _chain.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static FewShotClassifier Create(TargetNetwork network, string featureColumnName, LabelKeyValues classes, DataViewSchema inputSchema)
    {
        byte[] onnx = TargetNetworkGraphWriter.Write(network, featureColumnName, HypernetworkTask.MulticlassClassification, classNames: classes.Values);
        var description = new HypernetworkGraphDescription
        {
            Task = HypernetworkTask.MulticlassClassification, FeatureColumnName = featureColumnName, FeatureSize = network.InputSize,
            ClassCount = network.OutputSize, ClassNames = classes.Values, LabelKeyValueType = classes.ItemTypeName,
        };
        StockScoringChain chain = StockScoringChain.Build(new MLContext(seed: 0), onnx, description, inputSchema);
        return new FewShotClassifier(chain, onnx, network, featureColumnName, classes);
    }
}

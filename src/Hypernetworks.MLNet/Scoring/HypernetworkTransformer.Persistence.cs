using Hypernetworks.MLNet.Onnx;
using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Hypernetworks.Model.Continual;
using Microsoft.ML;

namespace Hypernetworks.MLNet;

public sealed partial class HypernetworkTransformer
{
    /// <summary>
    /// Saves this transformer as stock ML.NET components: the ONNX graph of the whole conditional network (marked as
    /// ours) in an <c>OnnxTransformer</c>, followed by the stock transforms that give the score columns their ML.NET
    /// types. ML.NET calls this from <c>mlContext.Model.Save</c>.
    /// </summary>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        byte[] onnx = ToOnnx();
        using StockScoringChain chain = StockScoringChain.Build(new MLContext(seed: 0), onnx, Describe(), InputSchema);
        ((ICanSaveModel)chain.Transformer).Save(ctx);
    }

    /// <summary>
    /// Writes the whole conditional network as an ONNX graph (conditioning and features in, this task's outputs out),
    /// for ONNX Runtime or any other ONNX engine. The file is written to a temporary name and renamed, so a failed
    /// export leaves no partial file.
    /// </summary>
    /// <param name="path">The .onnx file to write.</param>
    public void SaveOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, ToOnnx());
    }

    /// <summary>Writes the whole conditional network as an ONNX graph to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable stream.</param>
    public void SaveOnnx(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = ToOnnx();
        stream.Write(bytes);
    }

    /// <summary>
    /// Writes the target network of one conditioning vector as a plain ONNX MLP that reads the feature column's raw
    /// values (the standardisation is folded in), written to a temporary name and renamed.
    /// </summary>
    /// <param name="conditioning">The conditioning values, as the conditioning column holds them.</param>
    /// <param name="path">The .onnx file to write.</param>
    public void SaveTargetNetworkOnnx(ReadOnlySpan<float> conditioning, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, TargetNetworkGraphWriter.Write(Materialize(conditioning), FeatureColumnName, Task, classNames: _labelKeyValues?.Values));
    }

    /// <summary>Writes the target network of one conditioning key (1-based) as a plain ONNX MLP, written to a temporary name and renamed.</summary>
    /// <param name="key">A key in 1..the number of keys seen in training.</param>
    /// <param name="path">The .onnx file to write.</param>
    public void SaveTargetNetworkOnnx(uint key, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, TargetNetworkGraphWriter.Write(Materialize(key), FeatureColumnName, Task, classNames: _labelKeyValues?.Values));
    }

    /// <summary>Rebuilds a transformer from one of our graphs, for rows of <paramref name="inputSchema"/>.</summary>
    internal static HypernetworkTransformer FromGraph(LoadedHypernetworkGraph graph, DataViewSchema inputSchema)
    {
        HypernetworkGraphDescription d = graph.Description;
        var layout = new HypernetworkColumnLayout(d.ConditioningColumnName, d.FeatureColumnName, d.LabelColumnName, d.Task,
            d.ConditioningSize, (ulong)d.ConditioningKeyCount, d.FeatureSize, d.ClassCount);
        var standardization = new InputStandardization(
            d.ConditioningMean is { } cm && d.ConditioningScale is { } cs ? new ColumnStandardization(cm, cs) : null,
            d.FeatureMean is { } fm && d.FeatureScale is { } fs ? new ColumnStandardization(fm, fs) : null);
        LabelKeyValues? keyValues;
        try
        {
            keyValues = d.ClassNames is { } names && d.LabelKeyValueType is { } type ? LabelKeyValues.Load(type, names) : null;
        }
        catch (FormatException e)
        {
            throw new HypernetworkModelFormatException($"The graph's class names do not parse: {e.Message}", e);
        }

        return new HypernetworkTransformer(graph.Network, layout, standardization, keyValues, inputSchema, d.LearnedKeys);
    }

    /// <summary>A copy of the core hypernetwork whose task table holds <paramref name="keyCount"/> keys (<see cref="TaskTable.Grow"/>), taken under the model's lock.</summary>
    internal Hypernetwork CopyWithKeys(int keyCount, ulong seed)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return TaskTable.Grow(Model, keyCount, seed);
        }
    }

    private byte[] ToOnnx()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return HypernetworkGraphWriter.Write(Model, Describe());
        }
    }

    private HypernetworkGraphDescription Describe() => new()
    {
        Task = Task,
        ConditioningColumnName = ConditioningColumnName,
        FeatureColumnName = FeatureColumnName,
        LabelColumnName = LabelColumnName,
        ConditioningSize = _layout.ConditioningSize,
        ConditioningKeyCount = (int)_layout.ConditioningKeyCount,
        FeatureSize = _layout.FeatureSize,
        ClassCount = _layout.ClassCount,
        ConditioningMean = Standardization.Conditioning?.Mean,
        ConditioningScale = Standardization.Conditioning?.Scale,
        FeatureMean = Standardization.Features?.Mean,
        FeatureScale = Standardization.Features?.Scale,
        ClassNames = _labelKeyValues?.Values,
        LabelKeyValueType = _labelKeyValues?.ItemTypeName,
        LearnedKeys = LearnedKeyIndices,
    };
}

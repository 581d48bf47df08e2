using System.Text;
using Hypernetworks.MLNet.Onnx;
using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// A meta-trained few-shot hypernetwork. It classifies nothing itself (its Transform adds no column): <see cref="Adapt"/> turns a labelled support
/// set of new classes into a <see cref="FewShotClassifier"/>, with no gradient step, and that classifier scores rows
/// like any ML.NET multiclass model. Save it with <see cref="Save(Stream)"/> to adapt it again later.
/// </summary>
public sealed class FewShotHypernetworkTransformer : ITransformer, IDisposable
{
    private const string Magic = "HNFS";
    private const int FormatVersion = 1;
    private bool _disposed;

    internal FewShotHypernetworkTransformer(Hypernetwork model, string featureColumnName, string labelColumnName)
    {
        Model = model;
        FeatureColumnName = featureColumnName;
        LabelColumnName = labelColumnName;
    }

    /// <summary>The meta-trained hypernetwork (its encoder is a few-shot encoder).</summary>
    public Hypernetwork Model { get; }

    /// <summary>The feature column.</summary>
    public string FeatureColumnName { get; }

    /// <summary>The label column a support set carries.</summary>
    public string LabelColumnName { get; }

    /// <summary>Classes per adapted classifier.</summary>
    public int Ways => Model.Spec.Ways;

    /// <summary>Support examples per class in meta-training; a support set needs at least this many per class.</summary>
    public int Shots => Model.Spec.Shots;

    /// <inheritdoc />
    public bool IsRowToRowMapper => false;

    /// <summary>
    /// Adapts to the classes of <paramref name="support"/> with no gradient step: it must hold exactly
    /// <see cref="Ways"/> classes in its label column (a key), each with at least <see cref="Shots"/> rows. The
    /// classifier predicts those classes, labelled with the support's own label values (the key's values). Calls may
    /// come from several threads (they take turns on the hypernetwork); dispose the classifiers, or their finalizers
    /// delete their temporary ONNX files.
    /// </summary>
    /// <param name="support">Labelled rows of the new classes, with the feature and label columns of meta-training.</param>
    public FewShotClassifier Adapt(IDataView support)
    {
        ArgumentNullException.ThrowIfNull(support);
        ObjectDisposedException.ThrowIf(_disposed, this);
        LabelledExamples examples = LabelledExamples.Read(support, FeatureColumnName, LabelColumnName, Model.Spec.InputSize, "support set", CancellationToken.None);
        LabelKeyValues all = LabelKeyValues.From(examples.LabelColumn);
        int[] keys = [.. examples.Labels.Distinct().Order()];
        if (keys.Length != Ways)
        {
            string[] empty = [.. Enumerable.Range(0, all.Values.Count).Where(k => Array.BinarySearch(keys, k) < 0).Select(k => all.Values[k])];
            string none = keys.Length < Ways && empty.Length > 0 ? $"; these classes of its key have no example: {string.Join(", ", empty)}" : string.Empty;
            throw new ArgumentException($"Label column '{LabelColumnName}' of the support set holds {keys.Length} classes ({string.Join(", ", keys.Select(k => all.Values[k]))}); the model was meta-trained for {Ways}-way episodes, so it needs exactly {Ways}{none}.", nameof(support));
        }

        var labels = new int[examples.Labels.Length];
        for (int c = 0; c < keys.Length; c++)
        {
            int count = examples.Labels.Count(l => l == keys[c]);
            if (count < Shots)
            {
                throw new ArgumentException($"Support class '{all.Values[keys[c]]}' of label column '{LabelColumnName}' has {count} examples; the model was meta-trained on {Shots}-shot episodes, so every class needs at least {Shots}.", nameof(support));
            }
        }

        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = Array.BinarySearch(keys, examples.Labels[i]);
        }

        TargetNetwork network;
        lock (Model)
        {
            // The hypernetwork's scratch buffers serve one call at a time.
            network = Model.Adapt(examples.Features, labels);
        }

        LabelKeyValues classes = LabelKeyValues.Load(all.ItemTypeName, [.. keys.Select(k => all.Values[k])]);
        return FewShotClassifier.Create(network, FeatureColumnName, classes, support.Schema);
    }

    /// <summary>The input schema: the meta-trained model adds no column (its adapted classifiers do).</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return inputSchema;
    }

    /// <summary>
    /// Returns <paramref name="input"/> unchanged: the meta-trained model classifies nothing until it is adapted (an
    /// estimator chain that ends with it transforms its training data through it once). Score with the classifier
    /// that <see cref="Adapt"/> returns.
    /// </summary>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }

    /// <summary>Not supported: call <see cref="Adapt"/> and score with the classifier it returns.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => throw NotAdapted();

    /// <summary>
    /// Not supported: a meta-trained model is saved with <see cref="Save(Stream)"/>; an adapted
    /// <see cref="FewShotClassifier"/> saves as an ML.NET model like any other.
    /// </summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("A meta-trained few-shot hypernetwork is not an ML.NET model file: save it with FewShotHypernetworkTransformer.Save(stream), or save the FewShotClassifier that Adapt returns with mlContext.Model.Save.");

    /// <summary>Writes the meta-trained model (column names and the hypernetwork's state) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(FeatureColumnName);
            writer.Write(LabelColumnName);
        }

        Model.Save(stream);
    }

    /// <summary>Writes the meta-trained model to <paramref name="path"/> (a temporary file, then renamed).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ObjectDisposedException.ThrowIf(_disposed, this);
        AtomicFile.Write(path, Save);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>; throws <see cref="HypernetworkModelFormatException"/> for anything else.</summary>
    public static FewShotHypernetworkTransformer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string feature;
        string label;
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Magic)
            {
                throw new HypernetworkModelFormatException("The stream is not a meta-trained few-shot hypernetwork (its mark is missing).");
            }

            int version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new HypernetworkModelFormatException($"The meta-trained model has format version {version}; this library reads version {FormatVersion}.");
            }

            feature = reader.ReadString();
            label = reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new HypernetworkModelFormatException($"The meta-trained model is truncated or corrupt: {e.Message}", e);
        }

        Hypernetwork model;
        try
        {
            model = Hypernetwork.Load(stream);
        }
        catch (Hypernetworks.Model.Persistence.HypernetworkFormatException e)
        {
            throw new HypernetworkModelFormatException($"The meta-trained model's hypernetwork state is unreadable: {e.Message}", e);
        }

        if (!model.Spec.IsSetEncoder)
        {
            model.Dispose();
            throw new HypernetworkModelFormatException($"The model's encoder is {model.Spec.Encoder}, not a few-shot encoder.");
        }

        return new FewShotHypernetworkTransformer(model, feature, label);
    }

    /// <summary>Reads a model written by <see cref="Save(string)"/>.</summary>
    public static FewShotHypernetworkTransformer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Model.Dispose();
    }

    private static InvalidOperationException NotAdapted() =>
        new("A meta-trained few-shot hypernetwork classifies into a support set's classes: call Adapt(support) and score with the FewShotClassifier it returns.");
}

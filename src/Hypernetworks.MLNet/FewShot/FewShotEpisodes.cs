using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model.FewShot;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// Seeded N-way K-shot episodes over a labelled data view, for evaluating a meta-trained model the way it was
/// trained: each episode holds a support set to <see cref="FewShotHypernetworkTransformer.Adapt"/> to and the
/// queries to score. Episodes draw only from the classes given (<see cref="SplitClasses"/> makes disjoint
/// meta-train and meta-test sets); augmentations are for meta-training, not here. Each episode's rows have two columns: Features (the feature column's vector)
/// and Label (a key over the data's classes whose values are the data's label values as text).
/// </summary>
public sealed class FewShotEpisodes
{
    private readonly EpisodeSampler _sampler;
    private readonly MLContext _mlContext;
    private readonly LabelKeyValues _labels;
    private readonly int _featureSize;
    private readonly SchemaDefinition _schema;

    /// <summary>Reads <paramref name="data"/> and prepares episodes of the classes (zero-based key indices) in <paramref name="classes"/>, or of all its classes when null.</summary>
    /// <param name="mlContext">The context the episodes' data views are made in.</param>
    /// <param name="data">Labelled rows.</param>
    /// <param name="featureColumnName">The feature column (a known-size vector of Single).</param>
    /// <param name="labelColumnName">The label column (a key).</param>
    /// <param name="options">The episodes' shape and seed.</param>
    /// <param name="classes">The label keys (zero-based) episodes may draw; null for every class in the data.</param>
    public FewShotEpisodes(MLContext mlContext, IDataView data, string featureColumnName, string labelColumnName, EpisodeOptions options, IReadOnlyCollection<int>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Augmentations != ImageAugmentations.None)
        {
            throw new ArgumentException($"EpisodeOptions.Augmentations is {options.Augmentations}; evaluation episodes keep each class as it is (a transformed class would carry its source's label), so it must be None.", nameof(options));
        }

        _mlContext = mlContext;
        LabelledExamples examples = LabelledExamples.Read(data, featureColumnName, labelColumnName, null, "data", CancellationToken.None);
        _labels = LabelKeyValues.From(examples.LabelColumn);
        _featureSize = examples.FeatureSize;
        Options = options;
        int[] present = [.. examples.Labels.Distinct().Order()];
        int[] drawn = classes is null ? present : [.. classes.Distinct().Order()];
        foreach (int c in drawn)
        {
            if (Array.BinarySearch(present, c) < 0)
            {
                throw new ArgumentException($"Class key {c} has no row in label column '{labelColumnName}' (keys are zero-based indices of its values).", nameof(classes));
            }
        }

        try
        {
            _sampler = new EpisodeSampler(examples.Features, examples.FeatureSize, examples.Labels, drawn, options);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Label column '{labelColumnName}': {e.Message}", nameof(data), e);
        }

        _schema = SchemaDefinition.Create(typeof(EpisodeRow));
        _schema[nameof(EpisodeRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _featureSize);
        _schema[nameof(EpisodeRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), _labels.Values.Count);
        ReadOnlyMemory<char>[] names = [.. _labels.Values.Select(v => v.AsMemory())];
        _schema[nameof(EpisodeRow.Label)].AddAnnotation(
            LabelKeyValues.KeyValuesKind, new VBuffer<ReadOnlyMemory<char>>(names.Length, names), new VectorDataViewType(TextDataViewType.Instance, names.Length));
    }

    /// <summary>The episodes' shape and seed.</summary>
    public EpisodeOptions Options { get; }

    /// <summary>The label keys (zero-based) episodes draw from.</summary>
    public IReadOnlyList<int> Classes => _sampler.Classes;

    /// <summary>
    /// Splits the classes 0 … <paramref name="classCount"/> − 1 at random (seeded) into a meta-train set and a
    /// meta-test set of <paramref name="metaTestCount"/> classes, which never share a class.
    /// </summary>
    public static (int[] MetaTrain, int[] MetaTest) SplitClasses(int classCount, int metaTestCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(metaTestCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(metaTestCount, classCount);
        int[] order = [.. Enumerable.Range(0, classCount)];
        new Hypernetworks.Initialization.SeededRandom(seed).Shuffle<int>(order);
        return ([.. order[metaTestCount..].Order()], [.. order[..metaTestCount].Order()]);
    }

    /// <summary>Draws the next episode.</summary>
    public FewShotEpisode Next()
    {
        Episode episode = _sampler.Sample();
        IDataView support = View(episode.Support, episode.Classes, Options.Shots);
        IDataView queries = View(episode.Queries, episode.Classes, Options.Queries);
        return new FewShotEpisode(support, queries, [.. episode.Classes.Select(c => _labels.Values[_sampler.DataClassOf(c)])]);
    }

    private IDataView View(int[] rows, int[] classes, int perClass)
    {
        var list = new EpisodeRow[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int augmented = classes[i / perClass];
            var features = new float[_featureSize];
            _sampler.CopyExample(rows[i], augmented, features);
            // LoadFromEnumerable reads a key property's value v as key v + 1.
            list[i] = new EpisodeRow { Features = features, Label = (uint)_sampler.DataClassOf(augmented) };
        }

        return _mlContext.Data.LoadFromEnumerable(list, _schema);
    }

    private sealed class EpisodeRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }
}

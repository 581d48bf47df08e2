using Hypernetworks.Initialization;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Model.FewShot;

/// <summary>
/// Draws seeded N-way K-shot episodes from labelled examples, only ever from the classes it is given (so a
/// meta-train sampler and a meta-test sampler built on disjoint class sets never mix them). Each episode picks
/// N distinct (augmented) classes, gives them the labels 0 … N − 1 in the order drawn, and picks K support and Q
/// query examples of each, all distinct. As a <see cref="ITrainingBatchSource"/> it fills batches of
/// <see cref="EpisodeOptions.EpisodesPerBatch"/> episodes whose every query row is conditioned on its episode's
/// support set, laid out class by class in label order (the few-shot encoders' conditioning row).
/// </summary>
public sealed class EpisodeSampler : ITrainingBatchSource
{
    private readonly float[] _examples;
    private readonly int _exampleSize;
    private readonly EpisodeOptions _options;
    private readonly int[][] _pools;
    private readonly int[] _poolClasses;
    private readonly int[] _augmented;
    private readonly int[][] _sourceIndex;
    private readonly SeededRandom _random;
    private readonly Episode _batchEpisode;
    private int _served;

    /// <summary>
    /// Creates a sampler over <paramref name="examples"/> ([rows, exampleSize]) whose row r has class
    /// <paramref name="classOfRow"/>[r]; episodes draw only from <paramref name="classes"/>, each of which needs
    /// at least Shots + Queries rows.
    /// </summary>
    public EpisodeSampler(float[] examples, int exampleSize, int[] classOfRow, IReadOnlyCollection<int> classes, EpisodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(classOfRow);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exampleSize);
        options.Validate(exampleSize);
        if (examples.Length != (long)classOfRow.Length * exampleSize)
        {
            throw new ArgumentException($"'examples' holds {examples.Length} values; {classOfRow.Length} rows of {exampleSize} need {(long)classOfRow.Length * exampleSize}.", nameof(examples));
        }

        _examples = examples;
        _exampleSize = exampleSize;
        _options = options;
        _random = new SeededRandom(options.Seed);
        _poolClasses = [.. classes.Distinct().Order()];
        var rowsByClass = _poolClasses.ToDictionary(c => c, _ => new List<int>());
        for (int row = 0; row < classOfRow.Length; row++)
        {
            if (rowsByClass.TryGetValue(classOfRow[row], out List<int>? rows))
            {
                rows.Add(row);
            }
        }

        int needed = options.Shots + options.Queries;
        _pools = new int[_poolClasses.Length][];
        for (int i = 0; i < _poolClasses.Length; i++)
        {
            _pools[i] = [.. rowsByClass[_poolClasses[i]]];
            if (_pools[i].Length < needed)
            {
                throw new ArgumentException($"Class {_poolClasses[i]} has {_pools[i].Length} examples; an episode of {options.Shots} shots and {options.Queries} queries needs at least {needed}.", nameof(classes));
            }
        }

        _sourceIndex = ImageTransforms.SourceIndices(options.Augmentations, options.ImageWidth, exampleSize);
        TransformCount = _sourceIndex.Length;
        _augmented = [.. Enumerable.Range(0, _poolClasses.Length * TransformCount)];
        _batchEpisode = new Episode(new int[options.Ways], new int[options.Ways * options.Shots], new int[options.Ways * options.Queries]);
        if (_augmented.Length < options.Ways)
        {
            throw new ArgumentException($"The sampler has {_augmented.Length} classes (with augmentations); a {options.Ways}-way episode needs at least {options.Ways}.", nameof(classes));
        }
    }

    /// <summary>Transforms per data class (1 without augmentations, 4 with rotations, 2 with flips, 8 with both).</summary>
    public int TransformCount { get; }

    /// <summary>The data classes episodes are drawn from, in ascending order.</summary>
    public IReadOnlyList<int> Classes => _poolClasses;

    /// <summary>Classes an episode can draw: data classes × transforms.</summary>
    public int ClassCount => _augmented.Length;

    /// <summary>The data class of an augmented class id of an <see cref="Episode"/>.</summary>
    public int DataClassOf(int augmentedClass) => _poolClasses[augmentedClass / TransformCount];

    /// <summary>Draws the next episode.</summary>
    public Episode Sample()
    {
        var episode = new Episode(new int[_options.Ways], new int[_options.Ways * _options.Shots], new int[_options.Ways * _options.Queries]);
        Draw(episode.Classes, episode.Support, episode.Queries);
        return episode;
    }

    /// <summary>Draws the next episode into the given arrays (classes [ways], support [ways × shots], queries [ways × queries]).</summary>
    private void Draw(int[] classes, int[] support, int[] queries)
    {
        int ways = _options.Ways;
        Shuffle(_augmented, ways);
        _augmented.AsSpan(0, ways).CopyTo(classes);
        for (int label = 0; label < ways; label++)
        {
            int[] pool = _pools[classes[label] / TransformCount];
            Shuffle(pool, _options.Shots + _options.Queries);
            pool.AsSpan(0, _options.Shots).CopyTo(support.AsSpan(label * _options.Shots));
            pool.AsSpan(_options.Shots, _options.Queries).CopyTo(queries.AsSpan(label * _options.Queries));
        }
    }

    /// <summary>Copies data row <paramref name="row"/> as augmented class <paramref name="augmentedClass"/> shows it.</summary>
    public void CopyExample(int row, int augmentedClass, Span<float> destination)
    {
        ReadOnlySpan<float> source = _examples.AsSpan(row * _exampleSize, _exampleSize);
        int[] index = _sourceIndex[augmentedClass % TransformCount];
        for (int i = 0; i < _exampleSize; i++)
        {
            destination[i] = source[index[i]];
        }
    }

    /// <inheritdoc />
    public void BeginEpoch(int epoch) => _served = 0;

    /// <inheritdoc />
    public int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        int ways = _options.Ways;
        int perEpisode = ways * _options.Queries;
        if (capacity < perEpisode)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), $"A batch of {capacity} rows cannot hold one episode of {ways} × {_options.Queries} queries; use a batch size of EpisodeOptions.BatchRows ({_options.BatchRows}).");
        }

        int episodes = Math.Min(_options.EpisodesPerBatch, capacity / perEpisode);
        if (_served++ >= _options.BatchesPerEpoch)
        {
            return 0;
        }

        int width = ways * _options.Shots * _exampleSize;
        for (int e = 0; e < episodes; e++)
        {
            Episode episode = _batchEpisode;
            Draw(episode.Classes, episode.Support, episode.Queries);
            int first = e * perEpisode;
            Span<float> set = conditioning.Slice(first * width, width);
            for (int s = 0; s < episode.Support.Length; s++)
            {
                CopyExample(episode.Support[s], episode.Classes[s / _options.Shots], set.Slice(s * _exampleSize, _exampleSize));
            }

            for (int q = 0; q < perEpisode; q++)
            {
                int row = first + q;
                int label = q / _options.Queries;
                CopyExample(episode.Queries[q], episode.Classes[label], data.Slice(row * _exampleSize, _exampleSize));
                labels[row] = label;
                if (q > 0)
                {
                    set.CopyTo(conditioning.Slice(row * width, width));
                }
            }
        }

        return episodes * perEpisode;
    }

    /// <summary>Moves <paramref name="count"/> uniformly chosen distinct elements to the front (partial Fisher-Yates).</summary>
    private void Shuffle(int[] values, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int j = i + _random.NextInt(values.Length - i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}

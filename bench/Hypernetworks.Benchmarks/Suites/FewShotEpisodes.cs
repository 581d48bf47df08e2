using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>Episodes of one split: each batch is 4 tasks of 5 classes × 15 queries, conditioned on the K-shot prototypes.</summary>
internal sealed class FewShotEpisodes : ITrainingBatchSource
{
    public const int Ways = 5;
    public const int Queries = 15;
    public const int Tasks = 4;
    private const int Classes = 10;
    private const int Pixels = FashionMnist.Pixels;

    private readonly float[] _images;
    private readonly int[][] _byClass;
    private readonly int _shots;
    private readonly SeededRandom _random;
    private readonly int[] _classes = [.. Enumerable.Range(0, Classes)];
    private readonly float[] _prototypes = new float[Ways * Pixels];
    private int _served;

    public FewShotEpisodes((float[] Images, byte[] Labels) split, int shots, ulong seed)
    {
        _images = split.Images;
        _byClass = [.. Enumerable.Range(0, Classes).Select(c => Enumerable.Range(0, split.Labels.Length).Where(i => split.Labels[i] == c).ToArray())];
        _shots = shots;
        _random = new SeededRandom(seed);
    }

    public int Limit { get; set; } = int.MaxValue;

    public void BeginEpoch(int epoch) => _served = 0;

    public int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        if (_served++ >= Limit)
        {
            return 0;
        }

        int perTask = Ways * Queries;
        for (int t = 0; t < Tasks; t++)
        {
            PickWithoutReplacement(_classes, Ways);
            Array.Clear(_prototypes);
            for (int label = 0; label < Ways; label++)
            {
                int[] pool = _byClass[_classes[label]];
                PickWithoutReplacement(pool, _shots + Queries);
                Span<float> prototype = _prototypes.AsSpan(label * Pixels, Pixels);
                for (int s = 0; s < _shots; s++)
                {
                    TensorPrimitives.Add(prototype, _images.AsSpan(pool[s] * Pixels, Pixels), prototype);
                }

                TensorPrimitives.Multiply(prototype, 1f / _shots, prototype);
                for (int q = 0; q < Queries; q++)
                {
                    int row = (t * perTask) + (label * Queries) + q;
                    _images.AsSpan(pool[_shots + q] * Pixels, Pixels).CopyTo(data.Slice(row * Pixels, Pixels));
                    labels[row] = label;
                }
            }

            for (int q = 0; q < perTask; q++)
            {
                _prototypes.CopyTo(conditioning.Slice(((t * perTask) + q) * _prototypes.Length, _prototypes.Length));
            }
        }

        return Tasks * perTask;
    }

    /// <summary>Moves <paramref name="count"/> uniformly chosen distinct elements to the front (partial Fisher-Yates).</summary>
    private void PickWithoutReplacement(int[] values, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int j = i + _random.NextInt(values.Length - i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}

namespace Hypernetworks.Model.FewShot;

/// <summary>
/// A fixed list of episodes, drawn once from a sampler, on which a few-shot hypernetwork is scored by the share of
/// queries it labels right: the same episodes every time, so scores compare across models and across training.
/// </summary>
public sealed class EpisodeEvaluator
{
    private readonly EpisodeSampler _sampler;
    private readonly Episode[] _episodes;

    /// <summary>Draws <paramref name="episodes"/> episodes from <paramref name="sampler"/> (which moves on by that many).</summary>
    public EpisodeEvaluator(EpisodeSampler sampler, int episodes)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(episodes);
        _sampler = sampler;
        _episodes = [.. Enumerable.Range(0, episodes).Select(_ => sampler.Sample())];
    }

    /// <summary>The episodes, in the order they are scored.</summary>
    public IReadOnlyList<Episode> Episodes => _episodes;

    /// <summary>The sampler the episodes came from, whose <see cref="EpisodeSampler.CopyExample"/> reads their rows.</summary>
    public EpisodeSampler Sampler => _sampler;

    /// <summary>Each episode's accuracy: the share of its queries whose largest output is their label.</summary>
    public double[] Accuracies(Hypernetwork network, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        HypernetworkSpec spec = network.Spec;
        if (!spec.IsSetEncoder)
        {
            throw new ArgumentException($"The hypernetwork's encoder is {spec.Encoder}; scoring episodes needs a few-shot encoder.", nameof(network));
        }

        int ways = spec.Ways;
        int shots = spec.Shots;
        int width = spec.InputSize;
        Episode first = _episodes[0];
        if (first.Classes.Length != ways || first.Support.Length != ways * shots || first.Queries.Length % ways != 0)
        {
            throw new ArgumentException($"The episodes are {first.Classes.Length}-way with {first.Support.Length} support rows; the hypernetwork reads {ways}-way support sets of {shots} shots.", nameof(network));
        }

        int queries = first.Queries.Length / ways;
        int rows = ways * queries;
        var conditioning = new float[rows * spec.ConditioningSize];
        var data = new float[rows * width];
        var output = new float[rows * ways];
        var accuracies = new double[_episodes.Length];
        for (int e = 0; e < _episodes.Length; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Episode episode = _episodes[e];
            Span<float> support = conditioning.AsSpan(0, spec.ConditioningSize);
            for (int s = 0; s < episode.Support.Length; s++)
            {
                _sampler.CopyExample(episode.Support[s], episode.Classes[s / shots], support.Slice(s * width, width));
            }

            for (int q = 0; q < rows; q++)
            {
                if (q > 0)
                {
                    support.CopyTo(conditioning.AsSpan(q * spec.ConditioningSize));
                }

                _sampler.CopyExample(episode.Queries[q], episode.Classes[q / queries], data.AsSpan(q * width, width));
            }

            network.Forward(conditioning, data, output);
            int correct = 0;
            for (int q = 0; q < rows; q++)
            {
                correct += System.Numerics.Tensors.TensorPrimitives.IndexOfMax(output.AsSpan(q * ways, ways)) == q / queries ? 1 : 0;
            }

            accuracies[e] = (double)correct / rows;
        }

        return accuracies;
    }
}

using Hypernetworks.Model.Training;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Continual;

/// <summary>
/// The continual regulariser β/T · Σ_{t'} ‖h(e_t') − h*(e_t')‖² over the T earlier tasks t', with its gradient into
/// the generator only, and the earlier tasks' embeddings held fixed: after every update their rows of the table are
/// put back (so neither the regulariser, weight decay nor momentum moves them).
/// </summary>
internal sealed class OutputRegularizer : IStepPenalty, IDisposable
{
    private readonly Hypernetwork _network;
    private readonly float[] _keys;
    private readonly float _weight;
    private readonly float[][]? _stored;
    private readonly Hypernetwork? _frozen;
    private readonly float[] _target;
    private readonly float[][] _fixedRows;

    /// <summary>
    /// Regularises <paramref name="network"/> towards what it generates now for <paramref name="earlierTasks"/>
    /// (stored now, or from a copy of it now).
    /// </summary>
    public OutputRegularizer(Hypernetwork network, IReadOnlyList<int> earlierTasks, ContinualOptions options)
    {
        _network = network;
        _keys = [.. earlierTasks.Select(k => (float)k)];
        _weight = _keys.Length == 0 ? 0f : options.Regularization / _keys.Length;
        int size = network.GeneratedParameterCount;
        _target = new float[size];
        if (_weight > 0 && options.Targets == ContinualTargets.Stored)
        {
            _stored = [.. _keys.Select(k => Generate(network, k))];
        }
        else if (_weight > 0)
        {
            _frozen = Copy(network);
        }

        Parameter table = network.EmbeddingTable ?? throw new ArgumentException("Continual learning needs the Embedding conditioning encoder.", nameof(network));
        int width = table.Shape[1];
        _fixedRows = [.. earlierTasks.Select(k => table.Value.Span.Slice(k * width, width).ToArray())];
    }

    /// <summary>The regulariser's current value.</summary>
    public float Value() => Run(withGradients: false);

    /// <inheritdoc />
    public float AddGradients() => Run(withGradients: true);

    /// <inheritdoc />
    public void AfterUpdate()
    {
        Parameter table = _network.EmbeddingTable!;
        int width = table.Shape[1];
        Span<float> values = table.Value.Span;
        for (int i = 0; i < _keys.Length; i++)
        {
            _fixedRows[i].CopyTo(values.Slice((int)_keys[i] * width, width));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _frozen?.Dispose();

    private float Run(bool withGradients)
    {
        if (_weight == 0)
        {
            return 0f;
        }

        double total = 0;
        for (int i = 0; i < _keys.Length; i++)
        {
            ReadOnlySpan<float> key = _keys.AsSpan(i, 1);
            if (_stored is null)
            {
                _frozen!.Generate(key, _target);
            }

            total += _network.OutputDistance(key, _stored?[i] ?? _target, _weight, withGradients);
        }

        return (float)total;
    }

    private static float[] Generate(Hypernetwork network, float key)
    {
        var theta = new float[network.GeneratedParameterCount];
        network.Generate([key], theta);
        return theta;
    }

    private static Hypernetwork Copy(Hypernetwork network)
    {
        using var stream = new MemoryStream();
        network.Save(stream);
        stream.Position = 0;
        return Hypernetwork.Load(stream);
    }
}

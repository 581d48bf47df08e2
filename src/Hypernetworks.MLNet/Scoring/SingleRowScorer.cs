using Hypernetworks.Model;
using Hypernetworks.MLNet.Trainers;
using Microsoft.ML;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// Scores the current row of an input row on demand, once per position, for all score getters of that row. A
/// conditioning seen on the row just before is served from a materialised target network kept for it (a small
/// cache, most recent first), so rows that repeat a condition skip generation; a condition seen once goes through
/// the hypernetwork and costs no allocation.
/// </summary>
internal sealed class SingleRowScorer : ScoreSource
{
    private const int CacheSize = 8;
    private readonly HypernetworkTransformer _owner;
    private readonly DataViewRow _row;
    private readonly FloatColumnReader _conditioningReader;
    private readonly FloatColumnReader _featureReader;
    private readonly float[] _conditioning;
    private readonly float[] _previous;
    private readonly float[] _features;
    private readonly float[] _outputs;
    private readonly float[][] _cachedConditioning = new float[CacheSize][];
    private readonly RowTargetNetwork?[] _cachedNetworks = new RowTargetNetwork?[CacheSize];
    private int _cached;
    private bool _hasPrevious;
    private long _position = long.MinValue;

    public SingleRowScorer(HypernetworkTransformer owner, DataViewRow row)
    {
        _owner = owner;
        _row = row;
        (_conditioningReader, _featureReader) = owner.CreateReaders(row);
        int c = owner.Layout.ConditioningSize;
        _conditioning = new float[c];
        _previous = new float[c];
        _features = new float[owner.Layout.FeatureSize];
        _outputs = new float[owner.Layout.OutputSize];
        for (int i = 0; i < CacheSize; i++)
        {
            _cachedConditioning[i] = new float[c];
        }
    }

    /// <inheritdoc />
    public override ReadOnlySpan<float> Current()
    {
        long position = _row.Position;
        if (position != _position)
        {
            _conditioningReader.Read(_conditioning);
            _featureReader.Read(_features);
            Score();
            _position = position;
        }

        return _outputs;
    }

    private void Score()
    {
        RowTargetNetwork? network = Find();
        if (network is null && _hasPrevious && BitwiseEqual(_conditioning, _previous))
        {
            network = Add();
        }

        _conditioning.CopyTo(_previous, 0);
        _hasPrevious = true;
        if (network is null)
        {
            _owner.Score(_conditioning, _features, _outputs, 1);
            return;
        }

        network.Forward(_features, _outputs);
        _owner.FinishOutputs(_outputs);
    }

    private RowTargetNetwork? Find()
    {
        for (int i = 0; i < _cached; i++)
        {
            if (BitwiseEqual(_cachedConditioning[i], _conditioning))
            {
                return _cachedNetworks[i];
            }
        }

        return null;
    }

    private RowTargetNetwork Add()
    {
        var network = new RowTargetNetwork(_owner.MaterializeRow(_conditioning));
        int slot = _cached < CacheSize ? _cached++ : CacheSize - 1;
        for (int i = slot; i > 0; i--)
        {
            _cachedNetworks[i] = _cachedNetworks[i - 1];
            (_cachedConditioning[i], _cachedConditioning[i - 1]) = (_cachedConditioning[i - 1], _cachedConditioning[i]);
        }

        _conditioning.CopyTo(_cachedConditioning[0], 0);
        _cachedNetworks[0] = network;
        return network;
    }

    private static bool BitwiseEqual(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(a).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(b));
}

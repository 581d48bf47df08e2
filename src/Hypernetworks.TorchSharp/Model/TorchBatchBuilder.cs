using Hypernetworks.Model;
using Hypernetworks.Model.Application;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// Checks a host batch as the managed model does, groups its rows by bitwise-identical conditioning and uploads it
/// in group order. Host arrays are kept per length, so a steady batch size reuses them.
/// </summary>
internal sealed class TorchBatchBuilder
{
    private readonly HypernetworkSpec _spec;
    private readonly int _labelSize;
    private readonly Device _device;
    private readonly RowGrouping _grouping = new();
    private readonly Dictionary<(int Role, int Length), float[]> _floats = [];
    private readonly Dictionary<int, long[]> _longs = [];

    public TorchBatchBuilder(HypernetworkSpec spec, int labelSize, Device device)
    {
        _spec = spec;
        _labelSize = labelSize;
        _device = device;
    }

    /// <summary>The batch on the device; <paramref name="labels"/> may be empty for a forward without loss. Call inside a dispose scope.</summary>
    public TorchBatch Build(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> data, ReadOnlySpan<float> labels, bool withLabels)
    {
        int c = _spec.ConditioningSize, d = _spec.InputSize;
        int rows = InputChecks.RowCount(data, d, nameof(data));
        InputChecks.Width(conditioning.Length, rows, c, nameof(conditioning), "conditioning values");
        InputChecks.Finite(conditioning, c, nameof(conditioning));
        InputChecks.Finite(data, d, nameof(data));
        if (withLabels)
        {
            InputChecks.Width(labels.Length, rows, _labelSize, nameof(labels), "label values");
            InputChecks.Labels(_spec.Task, labels, _labelSize, _spec.OutputSize, nameof(labels));
        }

        if (_spec.Encoder == ConditioningEncoderKind.Embedding)
        {
            CheckKeys(conditioning, rows);
        }

        _grouping.GroupByConditioning(conditioning, c, rows);
        int groups = _grouping.GroupCount;
        ReadOnlySpan<int> order = _grouping.Order;
        ReadOnlySpan<int> starts = _grouping.Starts;
        var sizes = new int[groups];
        float[] conditions = Floats(0, groups * c);
        for (int g = 0; g < groups; g++)
        {
            sizes[g] = starts[g + 1] - starts[g];
            conditioning.Slice(_grouping.Representatives[g] * c, c).CopyTo(conditions.AsSpan(g * c, c));
        }

        float[] x = Gather(1, data, order, d);
        float[]? y = withLabels ? Gather(2, labels, order, _labelSize) : null;
        Tensor? rowGroups = null;
        if (groups > GroupPlan.SequentialLimit && sizes.Any(s => s != sizes[0]))
        {
            long[] groupOfRow = Longs(rows);
            for (int g = 0; g < groups; g++)
            {
                groupOfRow.AsSpan(starts[g], sizes[g]).Fill(g);
            }

            rowGroups = Upload(tensor(groupOfRow, [rows]));
        }

        return new TorchBatch(
            Upload(tensor(conditions, [groups, c])),
            Upload(tensor(x, [rows, d])),
            y is null ? null : Upload(tensor(y, [rows, _labelSize])),
            new GroupPlan(sizes, rowGroups),
            order.ToArray());
    }

    private Tensor Upload(Tensor host) => _device.type == global::TorchSharp.DeviceType.CPU ? host : host.to(_device);

    private float[] Gather(int role, ReadOnlySpan<float> source, ReadOnlySpan<int> order, int width)
    {
        float[] target = Floats(role, order.Length * width);
        for (int i = 0; i < order.Length; i++)
        {
            source.Slice(order[i] * width, width).CopyTo(target.AsSpan(i * width, width));
        }

        return target;
    }

    private void CheckKeys(ReadOnlySpan<float> conditioning, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            float key = conditioning[row];
            if (key < 0 || key >= _spec.EmbeddingCount || key != MathF.Floor(key))
            {
                throw new ArgumentException($"Conditioning row {row} holds key {key}; the Embedding encoder expects an integer key in [0, {_spec.EmbeddingCount}).", nameof(conditioning));
            }
        }
    }

    /// <summary>A host array of <paramref name="length"/> for one use (<paramref name="role"/>) within a batch.</summary>
    private float[] Floats(int role, int length)
    {
        if (!_floats.TryGetValue((role, length), out float[]? array))
        {
            _floats[(role, length)] = array = new float[length];
        }

        return array;
    }

    private long[] Longs(int length)
    {
        if (!_longs.TryGetValue(length, out long[]? array))
        {
            _longs[length] = array = new long[length];
        }

        return array;
    }
}

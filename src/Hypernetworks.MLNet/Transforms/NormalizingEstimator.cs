using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>
/// Learns per-slot affine normalizers of Single columns (scalars or known-size vectors) in one pass over the data:
/// min-max (scale to [-1, 1] or [0, 1]) or mean-variance (zero mean, unit variance). NaN values are ignored when
/// fitting and stay NaN.
/// </summary>
public sealed class NormalizingEstimator : IEstimator<NormalizingTransformer>
{
    private readonly NormalizationMode _mode;
    private readonly InputOutputColumnPair[] _columns;
    private readonly long _maximumExampleCount;
    private readonly bool _fixZero;

    /// <summary>Creates a normalizer estimator.</summary>
    /// <param name="mode">Min-max or mean-variance.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    /// <param name="maximumExampleCount">At most this many rows are read when fitting.</param>
    /// <param name="fixZero">Whether zero must map to zero (no offset): scales by the largest magnitude (min-max) or the root mean square (mean-variance).</param>
    public NormalizingEstimator(NormalizationMode mode, InputOutputColumnPair[] columns, long maximumExampleCount = Defaults.MaximumExampleCount, bool fixZero = Defaults.EnsureZeroUntouched)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("At least one column pair is needed.", nameof(columns));
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown normalization mode.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumExampleCount);
        _mode = mode;
        _columns = [.. columns];
        _maximumExampleCount = maximumExampleCount;
        _fixZero = fixZero;
    }

    /// <summary>The normalization modes.</summary>
    public enum NormalizationMode
    {
        /// <summary>Scale by the range: fixZero gives <c>x / max|x|</c>, else <c>(x - min) / (max - min)</c>.</summary>
        MinMax,

        /// <summary>Scale by the spread: fixZero gives <c>x / sqrt(mean² + variance)</c>, else <c>(x - mean) / stddev</c> (population statistics).</summary>
        MeanVariance,
    }

    /// <inheritdoc />
    public NormalizingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DataViewSchema.Column[] sources = [.. _columns.Select(c => CheckInput(input.Schema, c.InputColumnName))];
        var statistics = sources.Select(c => new SlotStatistics(c.Type is VectorDataViewType v ? v.Size : 1)).ToArray();
        using (DataViewRowCursor cursor = input.GetRowCursor(sources.DistinctBy(c => c.Index)))
        {
            var readers = sources.Select((c, i) => MakeReader(cursor, c, statistics[i])).ToArray();
            long rows = 0;
            while (rows < _maximumExampleCount && cursor.MoveNext())
            {
                foreach (Action read in readers)
                {
                    read();
                }

                rows++;
            }
        }

        var parameters = statistics.Select(s => _mode == NormalizationMode.MinMax ? s.MinMax(_fixZero) : s.MeanVariance(_fixZero)).ToArray();
        return new NormalizingTransformer(_columns, parameters);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = inputSchema.ToDictionary(c => c.Name);
        foreach (InputOutputColumnPair pair in _columns)
        {
            SchemaShape.Column input = SchemaErrors.Find(inputSchema, pair.InputColumnName, "input");
            if (input.IsKey || !input.ItemType.Equals(NumberDataViewType.Single) || input.Kind == SchemaShape.Column.VectorKind.VariableVector)
            {
                throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name, ExpectedType, input.GetTypeString());
            }

            columns[pair.OutputColumnName] = new SchemaShape.Column(pair.OutputColumnName, input.Kind, NumberDataViewType.Single, false, input.Annotations);
        }

        return new SchemaShape(columns.Values);
    }

    private const string ExpectedType = "Single or a known-size Vector<Single>";

    /// <summary>The input column, checked to be Single or a known-size vector of Single.</summary>
    internal static DataViewSchema.Column CheckInput(DataViewSchema schema, string name)
    {
        DataViewSchema.Column column = SchemaErrors.Find(schema, name, "input");
        bool ok = column.Type.Equals(NumberDataViewType.Single)
            || column.Type is VectorDataViewType { IsKnownSize: true } vector && vector.ItemType.Equals(NumberDataViewType.Single);
        return ok ? column : throw SchemaErrors.Mismatch("inputSchema", "input", name, ExpectedType, SchemaErrors.Describe(column.Type));
    }

    private static Action MakeReader(DataViewRow row, DataViewSchema.Column column, SlotStatistics statistics)
    {
        if (column.Type is VectorDataViewType vector)
        {
            ValueGetter<VBuffer<float>> getter = row.GetGetter<VBuffer<float>>(column);
            VBuffer<float> buffer = default;
            return () =>
            {
                getter(ref buffer);
                if (buffer.Length != vector.Size)
                {
                    throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type} but row {row.Position} has {buffer.Length} items.");
                }

                statistics.Add(buffer);
            };
        }

        ValueGetter<float> scalar = row.GetGetter<float>(column);
        float value = 0;
        return () =>
        {
            scalar(ref value);
            statistics.Add(0, value);
        };
    }

    /// <summary>The defaults of ML.NET's normalizers.</summary>
    public static class Defaults
    {
        /// <summary>How many rows are read at most when fitting.</summary>
        public const long MaximumExampleCount = 1_000_000_000;

        /// <summary>Whether zero maps to zero.</summary>
        public const bool EnsureZeroUntouched = true;
    }

    /// <summary>Per-slot count, min, max, mean and sum of squared deviations (Welford), in double.</summary>
    private sealed class SlotStatistics
    {
        private readonly long[] _count;
        private readonly double[] _min;
        private readonly double[] _max;
        private readonly double[] _mean;
        private readonly double[] _m2;
        private long _rows;

        public SlotStatistics(int size)
        {
            _count = new long[size];
            _min = Enumerable.Repeat(double.PositiveInfinity, size).ToArray();
            _max = Enumerable.Repeat(double.NegativeInfinity, size).ToArray();
            _mean = new double[size];
            _m2 = new double[size];
        }

        public void Add(VBuffer<float> values)
        {
            _rows++;
            ReadOnlySpan<float> stored = values.GetValues();
            if (values.IsDense)
            {
                for (int i = 0; i < stored.Length; i++)
                {
                    Add(i, stored[i], countRow: false);
                }

                return;
            }

            // Slots a sparse vector does not store are zeros: add them as such.
            ReadOnlySpan<int> indices = values.GetIndices();
            int next = 0;
            for (int slot = 0; slot < values.Length; slot++)
            {
                bool present = next < indices.Length && indices[next] == slot;
                Add(slot, present ? stored[next++] : 0f, countRow: false);
            }
        }

        public void Add(int slot, float value, bool countRow = true)
        {
            if (countRow)
            {
                _rows++;
            }

            if (float.IsNaN(value))
            {
                return;
            }

            double x = value;
            long n = ++_count[slot];
            _min[slot] = Math.Min(_min[slot], x);
            _max[slot] = Math.Max(_max[slot], x);
            double delta = x - _mean[slot];
            _mean[slot] += delta / n;
            _m2[slot] += delta * (x - _mean[slot]);
        }

        public AffineNormalizerModelParameters MinMax(bool fixZero)
        {
            var scale = new float[_count.Length];
            var offset = new float[_count.Length];
            for (int i = 0; i < scale.Length; i++)
            {
                if (_count[i] == 0)
                {
                    scale[i] = 1;
                    continue;
                }

                if (fixZero)
                {
                    double magnitude = Math.Max(Math.Abs(_min[i]), Math.Abs(_max[i]));
                    scale[i] = magnitude > 0 ? (float)(1 / magnitude) : 1;
                }
                else
                {
                    double range = _max[i] - _min[i];
                    offset[i] = (float)_min[i];
                    scale[i] = range > 0 ? (float)(1 / range) : 1;
                }
            }

            return new AffineNormalizerModelParameters(scale, offset);
        }

        public AffineNormalizerModelParameters MeanVariance(bool fixZero)
        {
            var scale = new float[_count.Length];
            var offset = new float[_count.Length];
            for (int i = 0; i < scale.Length; i++)
            {
                if (_count[i] == 0)
                {
                    scale[i] = 1;
                    continue;
                }

                double variance = _m2[i] / _count[i];
                double spread = fixZero ? Math.Sqrt((_mean[i] * _mean[i]) + variance) : Math.Sqrt(variance);
                offset[i] = fixZero ? 0 : (float)_mean[i];
                scale[i] = spread > 0 ? (float)(1 / spread) : 1;
            }

            return new AffineNormalizerModelParameters(scale, offset);
        }
    }
}

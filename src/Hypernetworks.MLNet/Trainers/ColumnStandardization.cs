namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// Per-slot standardisation v' = (v - mean) · scale, with the mean and the inverse standard deviation of the training
/// rows (scale 1 for a slot that never varies). The model keeps it, applies it to every row it scores, and writes it
/// into its ONNX graph, so results do not depend on whether (or how) the user normalised the columns.
/// </summary>
internal sealed class ColumnStandardization
{
    /// <summary>Standardisation from saved means and scales.</summary>
    public ColumnStandardization(float[] mean, float[] scale)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        if (mean.Length != scale.Length || mean.Length == 0)
        {
            throw new ArgumentException($"Standardisation needs as many scales as means (got {mean.Length} means and {scale.Length} scales, at least one).", nameof(scale));
        }

        Mean = mean;
        Scale = scale;
    }

    /// <summary>The mean of each slot.</summary>
    public float[] Mean { get; }

    /// <summary>The inverse standard deviation of each slot.</summary>
    public float[] Scale { get; }

    /// <summary>The number of slots.</summary>
    public int Width => Mean.Length;

    /// <summary>The statistics of <paramref name="values"/>, whole rows of <paramref name="width"/> slots.</summary>
    public static ColumnStandardization Fit(ReadOnlySpan<float> values, int width)
    {
        var accumulator = new Accumulator(width);
        for (int start = 0; start + width <= values.Length; start += width)
        {
            accumulator.Add(values.Slice(start, width));
        }

        return accumulator.Finish();
    }

    /// <summary>Standardises whole rows of <see cref="Width"/> slots in place.</summary>
    public void Apply(Span<float> values)
    {
        int width = Width;
        for (int start = 0; start + width <= values.Length; start += width)
        {
            Span<float> row = values.Slice(start, width);
            System.Numerics.Tensors.TensorPrimitives.Subtract(row, Mean, row);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, Scale, row);
        }
    }

    /// <summary>Running mean and variance per slot (Welford, in double), for data streamed row by row.</summary>
    internal sealed class Accumulator(int width)
    {
        private readonly double[] _mean = new double[width];
        private readonly double[] _m2 = new double[width];
        private long _count;

        /// <summary>Adds one row.</summary>
        public void Add(ReadOnlySpan<float> row)
        {
            _count++;
            for (int i = 0; i < _mean.Length; i++)
            {
                double delta = row[i] - _mean[i];
                _mean[i] += delta / _count;
                _m2[i] += delta * (row[i] - _mean[i]);
            }
        }

        /// <summary>The standardisation of the rows added.</summary>
        public ColumnStandardization Finish()
        {
            var mean = new float[_mean.Length];
            var scale = new float[_mean.Length];
            for (int i = 0; i < mean.Length; i++)
            {
                double variance = _count > 0 ? _m2[i] / _count : 0;
                double deviation = Math.Sqrt(variance);
                mean[i] = (float)_mean[i];
                scale[i] = deviation > 1e-12 * Math.Max(1, Math.Abs(_mean[i])) && float.IsFinite((float)(1 / deviation)) ? (float)(1 / deviation) : 1f;
            }

            return new ColumnStandardization(mean, scale);
        }
    }
}

using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>
/// The forward and backward passes of a generator head (a dense layer with a few rows and a very wide output) as a
/// <see cref="WorkerPool"/> job: the outputs are cut into fixed ranges, the same for every thread count, and each
/// range runs <see cref="SkinnyKernels"/> over all rows, four at a time. Backward gathers each range's share of the
/// input gradient in a partial buffer of its own and adds the partials in range order afterwards, so the result
/// does not depend on which thread ran which range. Holds the partial buffers (pooled native memory).
/// </summary>
internal sealed unsafe class SkinnyHeadPass : IParallelJob, IDisposable
{
    /// <summary>The most rows a call takes (two blocks of <see cref="SkinnyKernels.Rows"/>).</summary>
    public const int MostRows = 2 * SkinnyKernels.Rows;

    // A range holds at least this many weights (256 KB of W), which keeps the hand-over cost of a chunk small.
    private const int MinimumRangeWeights = 64 * 1024;
    private const int MostRanges = 16;

    // Below this many weights in all (about 20 µs of work on one core) a pass runs on the calling thread.
    private const long ParallelWeights = 256 * 1024;

    private readonly int _inputSize;
    private readonly int _outputSize;
    private readonly int _rangeOutputs;

    // 1 for a head too small to be worth the hand-over to another thread; else no limit of its own.
    private readonly int _threads;
    private AlignedBuffer? _partials;

    // The current call's operands; set by Forward or Backward before the pool runs and valid until it returns.
    private bool _backward;
    private float* _weight;
    private float* _bias;
    private float* _weightGradient;
    private float* _biasGradient;
    private float* _x;
    private int _ldx;
    private float* _y;
    private int _ldy;
    private int _rows;
    private bool _withInputGradient;
    private bool _overwriteWeightGradient;
    private bool _overwriteBiasGradient;

    public SkinnyHeadPass(int inputSize, int outputSize)
    {
        _inputSize = inputSize;
        _outputSize = outputSize;
        long weights = (long)inputSize * outputSize;
        int ranges = (int)Math.Clamp(weights / MinimumRangeWeights, 1, MostRanges);
        _rangeOutputs = (outputSize + ranges - 1) / ranges;
        Chunks = (outputSize + _rangeOutputs - 1) / _rangeOutputs;
        _threads = weights < ParallelWeights ? 1 : int.MaxValue;
    }

    public int Chunks { get; }

    /// <summary>y[rows, out] = x·Wᵀ + b, as the strided <see cref="Linear"/> forward.</summary>
    public void Forward(Parameter weight, Parameter bias, ReadOnlySpan<float> x, int ldx, int rows, Span<float> y, int ldy)
    {
        fixed (float* xp = x)
        fixed (float* yp = y)
        {
            Set(false, weight, bias, xp, ldx, rows, yp, ldy);
            WorkerPool.Run(this, Math.Min(_threads, WorkerPool.AvailableThreads));
        }
    }

    /// <summary>
    /// dW += dyᵀ·x, db += Σ dy, and dx = dy·W (added to dx when <paramref name="accumulateInput"/>; skipped when dx is
    /// empty), as the strided <see cref="Linear"/> backward.
    /// </summary>
    public void Backward(Parameter weight, Parameter bias, ReadOnlySpan<float> x, int ldx, ReadOnlySpan<float> dy, int lddy, int rows, Span<float> dx, int lddx, bool accumulateInput)
    {
        if (rows == 0)
        {
            // No rows add nothing; dx, when not accumulated, is empty of rows too.
            return;
        }

        _withInputGradient = !dx.IsEmpty;
        if (_withInputGradient)
        {
            _partials ??= new AlignedBuffer(Chunks * MostRows * _inputSize);
        }

        fixed (float* xp = x)
        fixed (float* dyp = dy)
        {
            Set(true, weight, bias, xp, ldx, rows, dyp, lddy);
            try
            {
                WorkerPool.Run(this, Math.Min(_threads, WorkerPool.AvailableThreads));
            }
            catch
            {
                // A gradient taken for overwriting is half written now: mark it zero again rather than valid.
                if (_overwriteWeightGradient)
                {
                    weight.ZeroGradient();
                }

                if (_overwriteBiasGradient)
                {
                    bias.ZeroGradient();
                }

                throw;
            }
        }

        if (_withInputGradient)
        {
            GatherInputGradient(rows, dx, lddx, accumulateInput);
        }
    }

    public void RunChunk(int index)
    {
        int j0 = index * _rangeOutputs;
        int j1 = Math.Min(_outputSize, j0 + _rangeOutputs);
        float* partial = null;
        if (_backward && _withInputGradient)
        {
            partial = _partials!.Pointer + ((nint)index * MostRows * _inputSize);
            new Span<float>(partial, MostRows * _inputSize).Clear();
        }

        for (int g = 0; g < _rows; g += SkinnyKernels.Rows)
        {
            int count = Math.Min(SkinnyKernels.Rows, _rows - g);
            float* x = _x + ((nint)g * _ldx);
            float* y = _y + ((nint)g * _ldy);
            if (_backward)
            {
                float* dx = partial == null ? null : partial + ((nint)g * _inputSize);
                // Only the first block of rows may overwrite a pending-zero gradient; later blocks add to it.
                bool first = g == 0;
                SkinnyKernels.Backward(_weight, _weightGradient, _biasGradient, _inputSize, j0, j1, x, _ldx, y, _ldy, count, dx, _inputSize,
                    first && _overwriteWeightGradient, first && _overwriteBiasGradient);
            }
            else
            {
                SkinnyKernels.Forward(_weight, _bias, _inputSize, j0, j1, x, _ldx, count, y, _ldy);
            }
        }
    }

    public void Dispose() => _partials?.Dispose();

    /// <summary>dx[g, :] (+)= Σ over ranges in range order of the range's partial row g.</summary>
    private void GatherInputGradient(int rows, Span<float> dx, int lddx, bool accumulateInput)
    {
        for (int g = 0; g < rows; g++)
        {
            Span<float> target = dx.Slice(g * lddx, _inputSize);
            if (!accumulateInput)
            {
                target.Clear();
            }

            for (int range = 0; range < Chunks; range++)
            {
                var partial = new ReadOnlySpan<float>(_partials!.Pointer + ((((nint)range * MostRows) + g) * _inputSize), _inputSize);
                System.Numerics.Tensors.TensorPrimitives.Add(target, partial, target);
            }
        }
    }

    private void Set(bool backward, Parameter weight, Parameter bias, float* x, int ldx, int rows, float* y, int ldy)
    {
        _backward = backward;
        _weight = weight.Value.Pointer;
        _bias = bias.Value.Pointer;
        if (backward)
        {
            // Every range writes every value of its outputs' rows of dW and of db, so a gradient still pending its
            // deferred clear is overwritten rather than cleared and added to.
            _weightGradient = weight.GradientForFullWrite(out _overwriteWeightGradient).Pointer;
            _biasGradient = bias.GradientForFullWrite(out _overwriteBiasGradient).Pointer;
        }
        _x = x;
        _ldx = ldx;
        _rows = rows;
        _y = y;
        _ldy = ldy;
    }
}

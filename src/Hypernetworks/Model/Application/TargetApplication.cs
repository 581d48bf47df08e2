using System.Numerics.Tensors;
using Hypernetworks.Layers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Application;

/// <summary>
/// Runs the target network on a batch whose rows are ordered by group, each group with its own generated
/// parameters (one row of θ): one GEMM per group per layer. A group of one row is the per-row path. Backward
/// writes d(θ) for every group and, for low-rank targets with a learned base, accumulates into the base.
/// </summary>
internal sealed class TargetApplication : IDisposable
{
    private readonly TargetLayout _layout;
    private readonly Activation _activation;
    private readonly Parameter[] _base;
    private readonly Workspace[] _pre;
    private readonly Workspace[] _post;
    private readonly Workspace[] _factor;
    private readonly Workspace _gradientA = new();
    private readonly Workspace _gradientB = new();
    private readonly Workspace _gradientFactor = new();

    public TargetApplication(TargetLayout layout, Activation activation, bool learnedBase)
    {
        _layout = layout;
        _activation = activation;
        int layers = layout.Layers.Count;
        _base = learnedBase && layout.LowRank
            ? [.. layout.Layers.Select((s, l) => new Parameter($"target.layer{l}.base", s.Out, s.In))]
            : [];
        _pre = [.. Enumerable.Range(0, layers).Select(_ => new Workspace())];
        _post = [.. Enumerable.Range(0, layers).Select(_ => new Workspace())];
        _factor = [.. Enumerable.Range(0, layers).Select(_ => new Workspace())];
    }

    /// <summary>The learned low-rank bases W₀ (empty unless requested).</summary>
    public IReadOnlyList<Parameter> BaseWeights => _base;

    public void Reserve(int rows)
    {
        for (int l = 0; l < _layout.Layers.Count; l++)
        {
            _pre[l].Reserve((long)rows * _layout.Layers[l].Out);
            _post[l].Reserve((long)rows * _layout.Layers[l].Out);
            if (_layout.LowRank)
            {
                _factor[l].Reserve((long)rows * _layout.Rank(l));
            }
        }

        _gradientA.Reserve((long)rows * _layout.LargestWidth);
        _gradientB.Reserve((long)rows * _layout.LargestWidth);
        _gradientFactor.Reserve((long)rows * Math.Max(_layout.MaxRank, 1));
    }

    /// <summary>output[rows, out] for input[rows, in]; group g owns rows [starts[g], starts[g+1]) and θ row g.</summary>
    public void Forward(ReadOnlySpan<float> theta, ReadOnlySpan<int> starts, int groups, ReadOnlySpan<float> input, int rows, Span<float> output)
    {
        int size = _layout.Size;
        int last = _layout.Layers.Count - 1;
        ReadOnlySpan<float> x = input;
        for (int l = 0; l <= last; l++)
        {
            (int inSize, int outSize) = _layout.Layers[l];
            Span<float> pre = _pre[l].Span(rows * outSize);
            for (int g = 0; g < groups; g++)
            {
                int first = starts[g];
                int n = starts[g + 1] - first;
                ReadOnlySpan<float> parameters = theta.Slice(g * size, size);
                ReadOnlySpan<float> xg = x.Slice(first * inSize, n * inSize);
                Span<float> preG = pre.Slice(first * outSize, n * outSize);
                ReadOnlySpan<float> bias = parameters.Slice(_layout.BiasOffset(l), outSize);
                if (_layout.LowRank)
                {
                    int r = _layout.Rank(l);
                    Span<float> factor = _factor[l].Span(rows * r).Slice(first * r, n * r);
                    Gemm.Multiply(false, false, n, r, inSize, 1f, xg, inSize, parameters[_layout.FactorVOffset(l)..], r, 0f, factor, r);
                    Gemm.Multiply(false, true, n, outSize, r, 1f, factor, r, parameters[_layout.WeightOffset(l)..], r, 0f, preG, outSize, bias, Activation.Identity);
                    if (_base.Length > 0)
                    {
                        Gemm.Multiply(false, true, n, outSize, inSize, 1f, xg, inSize, _base[l].Value.Span, inSize, 1f, preG, outSize);
                    }
                }
                else
                {
                    Gemm.Multiply(false, true, n, outSize, inSize, 1f, xg, inSize, parameters[_layout.WeightOffset(l)..], inSize, 0f, preG, outSize, bias, Activation.Identity);
                }
            }

            if (l < last)
            {
                Span<float> post = _post[l].Span(rows * outSize);
                ActivationFunctions.Forward(_activation, pre, post);
                x = post;
            }
            else
            {
                pre.CopyTo(output);
            }
        }
    }

    /// <summary>
    /// Must follow the <see cref="Forward"/> of the same batch. Writes d(θ) [groups, Size] (every element) from
    /// d(output); the input gets no gradient (data is not learned).
    /// </summary>
    public void Backward(ReadOnlySpan<float> theta, ReadOnlySpan<int> starts, int groups, ReadOnlySpan<float> input, int rows, ReadOnlySpan<float> gradOutput, Span<float> gradTheta)
    {
        int size = _layout.Size;
        int last = _layout.Layers.Count - 1;
        Span<float> gradient = _gradientA.Span(rows * _layout.Layers[last].Out);
        gradOutput[..gradient.Length].CopyTo(gradient);
        bool gradientInA = true;
        for (int l = last; l >= 0; l--)
        {
            (int inSize, int outSize) = _layout.Layers[l];
            if (l < last)
            {
                ActivationFunctions.Backward(_activation, _pre[l].Span(rows * outSize), _post[l].Span(rows * outSize), gradient, gradient);
            }

            ReadOnlySpan<float> x = l == 0 ? input : _post[l - 1].Span(rows * inSize);
            Span<float> gradX = l == 0 ? default : (gradientInA ? _gradientB : _gradientA).Span(rows * inSize);
            for (int g = 0; g < groups; g++)
            {
                int first = starts[g];
                int n = starts[g + 1] - first;
                ReadOnlySpan<float> parameters = theta.Slice(g * size, size);
                Span<float> gradParameters = gradTheta.Slice(g * size, size);
                ReadOnlySpan<float> xg = x.Slice(first * inSize, n * inSize);
                ReadOnlySpan<float> dy = gradient.Slice(first * outSize, n * outSize);
                Span<float> groupGradX = gradX.IsEmpty ? default : gradX.Slice(first * inSize, n * inSize);
                Span<float> gradBias = gradParameters.Slice(_layout.BiasOffset(l), outSize);
                gradBias.Clear();
                for (int row = 0; row < n; row++)
                {
                    TensorPrimitives.Add(gradBias, dy.Slice(row * outSize, outSize), gradBias);
                }

                if (_layout.LowRank)
                {
                    BackwardLowRank(l, parameters, gradParameters, xg, dy, n, groupGradX, _factor[l].Span(rows * _layout.Rank(l)).Slice(first * _layout.Rank(l), n * _layout.Rank(l)));
                }
                else
                {
                    ReadOnlySpan<float> weight = parameters[_layout.WeightOffset(l)..];
                    Gemm.Multiply(true, false, outSize, inSize, n, 1f, dy, outSize, xg, inSize, 0f, gradParameters[_layout.WeightOffset(l)..], inSize);
                    if (!groupGradX.IsEmpty)
                    {
                        Gemm.Multiply(false, false, n, inSize, outSize, 1f, dy, outSize, weight, inSize, 0f, groupGradX, inSize);
                    }
                }
            }

            gradient = gradX;
            gradientInA = !gradientInA;
        }
    }

    public void Dispose()
    {
        foreach (Parameter p in _base)
        {
            p.Dispose();
        }

        foreach (Workspace w in _pre.Concat(_post).Concat(_factor))
        {
            w.Dispose();
        }

        _gradientA.Dispose();
        _gradientB.Dispose();
        _gradientFactor.Dispose();
    }

    private void BackwardLowRank(int layer, ReadOnlySpan<float> parameters, Span<float> gradParameters, ReadOnlySpan<float> xg, ReadOnlySpan<float> dy, int n, Span<float> gradX, ReadOnlySpan<float> factor)
    {
        (int inSize, int outSize) = _layout.Layers[layer];
        int r = _layout.Rank(layer);
        ReadOnlySpan<float> u = parameters[_layout.WeightOffset(layer)..];
        ReadOnlySpan<float> v = parameters[_layout.FactorVOffset(layer)..];
        Span<float> gradFactor = _gradientFactor.Span(n * r);
        Gemm.Multiply(false, false, n, r, outSize, 1f, dy, outSize, u, r, 0f, gradFactor, r);
        Gemm.Multiply(true, false, outSize, r, n, 1f, dy, outSize, factor, r, 0f, gradParameters[_layout.WeightOffset(layer)..], r);
        Gemm.Multiply(true, false, inSize, r, n, 1f, xg, inSize, gradFactor, r, 0f, gradParameters[_layout.FactorVOffset(layer)..], r);
        if (!gradX.IsEmpty)
        {
            Gemm.Multiply(false, true, n, inSize, r, 1f, gradFactor, r, v, r, 0f, gradX, inSize);
        }

        if (_base.Length > 0)
        {
            Parameter w0 = _base[layer];
            Gemm.Multiply(true, false, outSize, inSize, n, 1f, dy, outSize, xg, inSize, 1f, w0.Gradient.Span, inSize);
            if (!gradX.IsEmpty)
            {
                Gemm.Multiply(false, false, n, inSize, outSize, 1f, dy, outSize, w0.Value.Span, inSize, 1f, gradX, inSize);
            }
        }
    }
}

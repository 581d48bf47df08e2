using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model.Application;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// Trunks with one linear head per generated tensor. <see cref="GeneratorKind.SharedTrunk"/> and
/// <see cref="GeneratorKind.LowRank"/> use one trunk for all tensors; <see cref="GeneratorKind.PerLayer"/> uses one
/// trunk per target layer, feeding only that layer's heads (an independent MLP per layer).
/// </summary>
internal sealed class HeadedGenerator : WeightGenerator
{
    private readonly Part[] _parts;
    private readonly Parameter[] _parameters;
    private readonly Workspace _gradientZ = new();

    public HeadedGenerator(int inputSize, TargetLayout layout, IReadOnlyList<int> hiddenSizes, Activation activation, bool trunkPerLayer, bool normalizeTrunkOutput, float sharedWeightFraction)
        : base(inputSize, layout)
    {
        IEnumerable<IGrouping<int, GeneratedTensor>> groups = trunkPerLayer
            ? layout.Tensors.GroupBy(t => t.Layer)
            : layout.Tensors.GroupBy(_ => 0);
        _parts = [.. groups.Select(g => new Part(inputSize, hiddenSizes, activation, trunkPerLayer ? $"generator.layer{g.Key}" : "generator", [.. g], normalizeTrunkOutput, sharedWeightFraction))];
        _parameters = [.. _parts.SelectMany(p => p.Parameters())];
    }

    public override IReadOnlyList<Parameter> Parameters => _parameters;

    public override void Reserve(int groups)
    {
        foreach (Part part in _parts)
        {
            part.Reserve(groups);
        }

        _gradientZ.Reserve((long)groups * InputSize);
    }

    public override void Forward(ReadOnlySpan<float> z, int groups, Span<float> theta)
    {
        foreach (Part part in _parts)
        {
            part.Forward(z, groups, theta, Layout.Size);
        }
    }

    public override void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradTheta, int groups, Span<float> gradZ)
    {
        for (int i = 0; i < _parts.Length; i++)
        {
            if (i == 0 || gradZ.IsEmpty)
            {
                _parts[i].Backward(z, gradTheta, groups, Layout.Size, gradZ);
            }
            else
            {
                Span<float> partial = _gradientZ.Span(groups * InputSize);
                _parts[i].Backward(z, gradTheta, groups, Layout.Size, partial);
                TensorPrimitives.Add(gradZ[..partial.Length], partial, gradZ);
            }
        }
    }

    public override void Initialize(SeededRandom random, ReadOnlySpan<float> zSamples, int samples)
    {
        foreach (Part part in _parts)
        {
            part.Initialize(random, zSamples, samples);
        }
    }

    public override void Calibrate(ReadOnlySpan<float> zSamples, int samples)
    {
        foreach (Part part in _parts)
        {
            part.Calibrate(zSamples, samples);
        }
    }

    public override void Dispose()
    {
        foreach (Part part in _parts)
        {
            part.Dispose();
        }

        _gradientZ.Dispose();
    }

    /// <summary>One trunk and the heads of the tensors it feeds.</summary>
    private sealed class Part : IDisposable
    {
        private readonly Trunk _trunk;
        private readonly GeneratedTensor[] _tensors;
        private readonly Linear[] _heads;
        private readonly Workspace _gradientHeadInput = new();
        private readonly bool _normalizeTrunkOutput;
        private readonly float _sharedWeightFraction;
        private (float Second, float Fourth) _headInputMoments;

        public Part(int inputSize, IReadOnlyList<int> hiddenSizes, Activation activation, string name, GeneratedTensor[] tensors, bool normalizeTrunkOutput, float sharedWeightFraction)
        {
            _normalizeTrunkOutput = normalizeTrunkOutput;
            _sharedWeightFraction = sharedWeightFraction;
            _trunk = new Trunk(inputSize, hiddenSizes, activation, name + ".trunk");
            _tensors = tensors;
            _heads = [.. tensors.Select(t => new Linear(_trunk.OutputSize, t.Length, $"{name}.head.{t.Name}"))];
        }

        public IEnumerable<Parameter> Parameters() => _trunk.Parameters().Concat(_heads.SelectMany(h => new[] { h.Weight, h.Bias }));

        public void Reserve(int groups)
        {
            _trunk.Reserve(groups);
            _gradientHeadInput.Reserve((long)groups * _trunk.OutputSize);
        }

        public void Forward(ReadOnlySpan<float> z, int groups, Span<float> theta, int stride)
        {
            ReadOnlySpan<float> e = _trunk.Forward(z, groups);
            for (int i = 0; i < _heads.Length; i++)
            {
                _heads[i].Forward(e, _trunk.OutputSize, groups, theta[_tensors[i].Offset..], stride);
            }
        }

        public void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> gradTheta, int groups, int stride, Span<float> gradZ)
        {
            ReadOnlySpan<float> e = _trunk.Output(z, groups);
            int width = _trunk.OutputSize;
            Span<float> gradE = _gradientHeadInput.Span(groups * width);
            for (int i = 0; i < _heads.Length; i++)
            {
                _heads[i].Backward(e, width, gradTheta[_tensors[i].Offset..], stride, groups, gradE, width, i > 0);
            }

            _trunk.Backward(z, gradE, groups, gradZ);
        }

        public void Initialize(SeededRandom random, ReadOnlySpan<float> zSamples, int samples)
        {
            _trunk.Initialize(random);
            _headInputMoments = NormalizedHeadInputMoments(zSamples, samples);
            for (int i = 0; i < _heads.Length; i++)
            {
                GeneratedTensor t = _tensors[i];
                float sigma = t.FactorRank > 0
                    ? MathF.Pow(t.LayerWeightVariance / (t.FactorRank * _headInputMoments.Fourth), 0.25f)
                    : MathF.Sqrt(t.Variance / _headInputMoments.Second);
                // Low-rank factors keep zero biases: a shared part of U and V would not split W's variance linearly.
                float shared = t.FactorRank > 0 ? 0f : _sharedWeightFraction;
                WeightFill.Normal(random, _heads[i].Weight.Value.Span, sigma * MathF.Sqrt(1f - shared));
                _heads[i].Bias.Value.Clear();
                if (shared > 0f)
                {
                    WeightFill.Normal(random, _heads[i].Bias.Value.Span, MathF.Sqrt(shared * t.Variance));
                }
            }
        }

        public void Calibrate(ReadOnlySpan<float> zSamples, int samples)
        {
            (float second, float fourth) = NormalizedHeadInputMoments(zSamples, samples);
            for (int i = 0; i < _heads.Length; i++)
            {
                float scale = _tensors[i].FactorRank > 0
                    ? MathF.Pow(_headInputMoments.Fourth / fourth, 0.25f)
                    : MathF.Sqrt(_headInputMoments.Second / second);
                TensorPrimitives.Multiply(_heads[i].Weight.Value.Span, scale, _heads[i].Weight.Value.Span);
            }

            _headInputMoments = (second, fourth);
        }

        public void Dispose()
        {
            _trunk.Dispose();
            foreach (Linear head in _heads)
            {
                head.Dispose();
            }

            _gradientHeadInput.Dispose();
        }

        /// <summary>
        /// With <see cref="HypernetworkSpec.NormalizeTrunkOutput"/>, scales the trunk's last layer so the head input e has unit mean squared norm over the samples, then
        /// measures its moments again. Why: Adam moves every head weight by about the learning rate per step, so a
        /// generated weight moves by about lr·Σ|eᵢ| per step. A Kaiming trunk gives each of the 128 units unit
        /// variance (Σ|eᵢ| near 100): the generated weights would then move two orders of magnitude faster than the
        /// weights of a directly trained network. With E‖e‖² = 1 (what PyTorch's default nn.Linear init gives on
        /// this trunk, ‖e‖² ≈ 0.9) they move by a few learning rates. The heads' hyperfan variance is computed from
        /// the measured moments, so the generated weights' variance at step 0 is unchanged.
        /// </summary>
        private (float Second, float Fourth) NormalizedHeadInputMoments(ReadOnlySpan<float> zSamples, int samples)
        {
            (float second, float fourth) = HeadInputMoments(zSamples, samples);
            return _normalizeTrunkOutput && _trunk.NormalizeOutput(second) ? HeadInputMoments(zSamples, samples) : (second, fourth);
        }

        private (float Second, float Fourth) HeadInputMoments(ReadOnlySpan<float> zSamples, int samples)
        {
            _trunk.Reserve(samples);
            return NormMoments(_trunk.Forward(zSamples, samples), samples, _trunk.OutputSize);
        }
    }
}

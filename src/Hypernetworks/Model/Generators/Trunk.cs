using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model.Application;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// The generator's hidden MLP: each layer is Dense then the generator activation. With no hidden layers it is
/// the identity (the heads read z itself). It keeps pre- and post-activations of the last forward for backward.
/// </summary>
internal sealed class Trunk : IDisposable
{
    private readonly Linear[] _layers;
    private readonly Workspace[] _pre;
    private readonly Workspace[] _post;
    private readonly Workspace _gradientA = new();
    private readonly Workspace _gradientB = new();
    private readonly Activation _activation;

    public Trunk(int inputSize, IReadOnlyList<int> hiddenSizes, Activation activation, string name)
    {
        InputSize = inputSize;
        _activation = activation;
        _layers = new Linear[hiddenSizes.Count];
        _pre = new Workspace[hiddenSizes.Count];
        _post = new Workspace[hiddenSizes.Count];
        int width = inputSize;
        for (int i = 0; i < hiddenSizes.Count; i++)
        {
            _layers[i] = new Linear(width, hiddenSizes[i], $"{name}.{i}");
            _pre[i] = new Workspace();
            _post[i] = new Workspace();
            width = hiddenSizes[i];
        }

        OutputSize = width;
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public IEnumerable<Parameter> Parameters() => _layers.SelectMany(l => new[] { l.Weight, l.Bias });

    /// <summary>Kaiming-normal weights for the generator activation, zero biases.</summary>
    public void Initialize(SeededRandom random, float inputGainSquared = 1f)
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            float variance = (i == 0 ? inputGainSquared : TargetVariance.GainSquared(_activation)) / _layers[i].InputSize;
            WeightFill.Normal(random, _layers[i].Weight.Value.Span, MathF.Sqrt(variance));
            _layers[i].Bias.Value.Clear();
        }
    }

    /// <summary>
    /// Scales the last layer's weights and bias by 1/√<paramref name="meanSquaredNorm"/>, so that an output whose
    /// mean squared norm is <paramref name="meanSquaredNorm"/> gets a unit one (exactly, with a positively homogeneous
    /// activation: ReLU, leaky ReLU, identity). Returns false, changing nothing, when the trunk has no layers or the
    /// norm is below <see cref="FlushToZero.Threshold"/> (not positive, or so small that it was measured in the
    /// denormal range, where it is mostly rounding, and scaling by its root would blow that up). Scaled values that
    /// fall below the threshold become 0.
    /// </summary>
    public bool NormalizeOutput(float meanSquaredNorm)
    {
        if (_layers.Length == 0 || !(meanSquaredNorm >= FlushToZero.Threshold))
        {
            return false;
        }

        float factor = 1f / MathF.Sqrt(meanSquaredNorm);
        Linear last = _layers[^1];
        TensorPrimitives.Multiply(last.Weight.Value.Span, factor, last.Weight.Value.Span);
        TensorPrimitives.Multiply(last.Bias.Value.Span, factor, last.Bias.Value.Span);
        FlushToZero.Apply(last.Weight.Value.Span);
        FlushToZero.Apply(last.Bias.Value.Span);
        return true;
    }

    public void Reserve(int rows)
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            _pre[i].Reserve((long)rows * _layers[i].OutputSize);
            _post[i].Reserve((long)rows * _layers[i].OutputSize);
        }

        int widest = InputSize;
        foreach (Linear layer in _layers)
        {
            widest = Math.Max(widest, layer.OutputSize);
        }

        _gradientA.Reserve((long)rows * widest);
        _gradientB.Reserve((long)rows * widest);
    }

    /// <summary>Runs the trunk; the result is <paramref name="input"/> itself when there are no hidden layers.</summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> input, int rows) => ForwardLayers(input, 0, rows);

    /// <summary>The output of the last forward, whose input was <paramref name="input"/>.</summary>
    public ReadOnlySpan<float> Output(ReadOnlySpan<float> input, int rows)
        => _layers.Length == 0 ? input[..(rows * InputSize)] : _post[^1].Span(rows * OutputSize);

    /// <summary>
    /// Back-propagates d(output) through the layers of the last forward (whose input was <paramref name="input"/>);
    /// writes d(input) unless <paramref name="gradInput"/> is empty. <paramref name="gradOutput"/> may be overwritten.
    /// </summary>
    public void Backward(ReadOnlySpan<float> input, Span<float> gradOutput, int rows, Span<float> gradInput)
    {
        if (_layers.Length == 0)
        {
            if (!gradInput.IsEmpty)
            {
                gradOutput[..(rows * InputSize)].CopyTo(gradInput);
            }

            return;
        }

        Span<float> gradient = BackwardToFirstPreActivation(gradOutput, rows);
        Linear first = _layers[0];
        first.Backward(input, first.InputSize, gradient, first.OutputSize, rows, gradInput, first.InputSize, false);
    }

    /// <summary>The first hidden layer, which the chunked generator drives itself (it splits the input).</summary>
    public Linear FirstLayer => _layers[0];

    /// <summary>Runs layers 1… after the caller computed layer 0's pre-activation into <see cref="PreActivation"/>(0).</summary>
    public ReadOnlySpan<float> ForwardFromFirstPreActivation(int rows)
    {
        Span<float> pre0 = _pre[0].Span(rows * _layers[0].OutputSize);
        Span<float> post0 = _post[0].Span(rows * _layers[0].OutputSize);
        ActivationFunctions.Forward(_activation, pre0, post0);
        return ForwardLayers(post0, 1, rows);
    }

    /// <summary>Back-propagates down to layer 0's pre-activation, returned (in scratch memory) for the caller to finish.</summary>
    public Span<float> BackwardToFirstPreActivation(Span<float> gradOutput, int rows)
    {
        Span<float> gradient = gradOutput;
        for (int i = _layers.Length - 1; i >= 1; i--)
        {
            Linear layer = _layers[i];
            int count = rows * layer.OutputSize;
            ActivationFunctions.Backward(_activation, _pre[i].Span(count), _post[i].Span(count), gradient[..count], gradient[..count]);
            Span<float> gradX = (i % 2 == 0 ? _gradientA : _gradientB).Span(rows * layer.InputSize);
            layer.Backward(_post[i - 1].Span(rows * layer.InputSize), layer.InputSize, gradient, layer.OutputSize, rows, gradX, layer.InputSize, false);
            gradient = gradX;
        }

        int first = rows * _layers[0].OutputSize;
        ActivationFunctions.Backward(_activation, _pre[0].Span(first), _post[0].Span(first), gradient[..first], gradient[..first]);
        return gradient[..first];
    }

    /// <summary>Runs layers <paramref name="first"/>… on <paramref name="x"/>, keeping each pre- and post-activation.</summary>
    private ReadOnlySpan<float> ForwardLayers(ReadOnlySpan<float> x, int first, int rows)
    {
        for (int i = first; i < _layers.Length; i++)
        {
            Span<float> pre = _pre[i].Span(rows * _layers[i].OutputSize);
            Span<float> post = _post[i].Span(rows * _layers[i].OutputSize);
            _layers[i].Forward(x, _layers[i].InputSize, rows, pre, _layers[i].OutputSize);
            ActivationFunctions.Forward(_activation, pre, post);
            x = post;
        }

        return x;
    }

    /// <summary>Layer <paramref name="index"/>'s pre-activation scratch for <paramref name="rows"/> rows.</summary>
    public Span<float> PreActivation(int index, int rows) => _pre[index].Span(rows * _layers[index].OutputSize);

    public void Dispose()
    {
        foreach (Linear layer in _layers)
        {
            layer.Dispose();
        }

        foreach (Workspace w in _pre.Concat(_post))
        {
            w.Dispose();
        }

        _gradientA.Dispose();
        _gradientB.Dispose();
    }
}

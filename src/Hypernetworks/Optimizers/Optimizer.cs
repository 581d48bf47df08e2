using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// Updates a fixed list of parameters from their accumulated gradients. Its per-parameter state (moments,
/// momentum buffers) lives in <see cref="State"/>, named by <see cref="StateNames"/>, so that a model file can
/// save it and restore it with <see cref="RestoreStepCount"/>. Holds native memory: dispose it.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly List<AlignedBuffer> _state = [];
    private readonly List<string> _stateNames = [];
    private readonly IReadOnlyList<Parameter> _readOnlyParameters;
    private readonly IReadOnlyList<AlignedBuffer> _readOnlyState;
    private readonly IReadOnlyList<string> _readOnlyStateNames;
    private readonly ParameterRanges _ranges;
    private float _learningRate;
    private bool _disposed;

    /// <summary>Creates an optimizer over <paramref name="parameters"/>; each may appear once.</summary>
    /// <param name="parameters">The parameters updated by <see cref="Step"/>, in a fixed order.</param>
    /// <param name="learningRate">The step size; finite and non-negative.</param>
    private protected Optimizer(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = new Parameter[parameters.Count];
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < parameters.Count; i++)
        {
            Parameter parameter = parameters[i] ?? throw new ArgumentException($"Parameter at index {i} is null.", nameof(parameters));
            if (!seen.Add(parameter))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' (index {i}) appears more than once; it would be updated twice per step.", nameof(parameters));
            }

            _parameters[i] = parameter;
        }

        _readOnlyParameters = Array.AsReadOnly(_parameters);
        _readOnlyState = _state.AsReadOnly();
        _readOnlyStateNames = _stateNames.AsReadOnly();
        LearningRate = learningRate;
        _ranges = new ParameterRanges(this, _readOnlyParameters);
    }

    /// <summary>The parameters this optimizer updates, in order.</summary>
    public IReadOnlyList<Parameter> Parameters => _readOnlyParameters;

    /// <summary>The step size used by the next <see cref="Step"/>; a schedule may change it between steps.</summary>
    public float LearningRate
    {
        get => _learningRate;
        set
        {
            if (!float.IsFinite(value) || value < 0f)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be finite and non-negative.");
            }

            _learningRate = value;
        }
    }

    /// <summary>The number of steps taken (PyTorch's <c>step</c>): Adam's bias correction uses it.</summary>
    public int StepCount { get; private set; }

    /// <summary>The optimizer's state buffers, each as long as its parameter, in a fixed order (see <see cref="StateNames"/>).</summary>
    public IReadOnlyList<AlignedBuffer> State => _readOnlyState;

    /// <summary>One name per <see cref="State"/> buffer: the parameter's name and the PyTorch state key, e.g. "fc.weight.exp_avg".</summary>
    public IReadOnlyList<string> StateNames => _readOnlyStateNames;

    /// <summary>
    /// Applies one update from the accumulated gradients; it does not zero them. Large parameters are updated in
    /// fixed ranges on up to <see cref="Engine.MaxThreads"/> threads, with the same result for every thread count.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The optimizer was disposed.</exception>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        StepCount++;
        BeginUpdate(StepCount);
        _ranges.Update();
    }

    /// <summary>Sets every parameter's gradient to zero (deferred: see <see cref="Parameter.ZeroGradient"/>).</summary>
    public void ZeroGradients()
    {
        foreach (Parameter parameter in _parameters)
        {
            parameter.ZeroGradient();
        }
    }

    /// <summary>
    /// Sets <see cref="StepCount"/> after the <see cref="State"/> buffers were filled from saved values, so that
    /// training resumes exactly where it stopped.
    /// </summary>
    public void RestoreStepCount(int stepCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepCount);
        StepCount = stepCount;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the state buffers (not the parameters, which the model owns).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        if (disposing)
        {
            foreach (AlignedBuffer buffer in _state)
            {
                buffer.Dispose();
            }
        }

        _disposed = true;
    }

    /// <summary>Creates a zeroed state buffer for <paramref name="parameter"/>, named "{parameter}.{key}".</summary>
    protected AlignedBuffer AddState(Parameter parameter, string key)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var buffer = new AlignedBuffer(parameter.Length);
        _state.Add(buffer);
        _stateNames.Add(parameter.Name + "." + key);
        return buffer;
    }

    /// <summary>
    /// Prepares step <paramref name="step"/> (1-based), before any range is updated: per-step scalars such as bias
    /// corrections. Nothing by default.
    /// </summary>
    private protected virtual void BeginUpdate(int step)
    {
    }

    /// <summary>
    /// Updates values [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of parameter
    /// <paramref name="parameter"/> (its index in <see cref="Parameters"/>); may run on any thread, beside other ranges.
    /// </summary>
    internal abstract void UpdateRange(int parameter, int start, int count);
}

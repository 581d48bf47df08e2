namespace Hypernetworks.Tensors;

/// <summary>
/// A trainable tensor: its values, the gradient that backward passes accumulate into, and its shape.
/// Optimizers update <see cref="Value"/> from <see cref="Gradient"/>.
/// </summary>
public sealed class Parameter : IDisposable
{
    private readonly int[] _shape;
    private readonly AlignedBuffer _gradient;

    // Set by ZeroGradient: the gradient buffer's contents are stale and stand for zeros until the first access.
    private bool _gradientZeroPending;

    /// <summary>Creates a zero-valued parameter.</summary>
    /// <param name="name">A name unique within its model, used in saved state and error messages.</param>
    /// <param name="shape">The dimensions, row-major; every one must be positive.</param>
    public Parameter(string name, params int[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0)
        {
            throw new ArgumentException($"Parameter '{name}' needs at least one dimension.", nameof(shape));
        }

        long length = 1;
        foreach (int d in shape)
        {
            if (d <= 0)
            {
                throw new ArgumentException($"Parameter '{name}' has shape [{string.Join(", ", shape)}]; every dimension must be positive.", nameof(shape));
            }

            length *= d;
        }

        if (length > Array.MaxLength)
        {
            throw new ArgumentException($"Parameter '{name}' has shape [{string.Join(", ", shape)}], {length} elements; at most {Array.MaxLength} are supported.", nameof(shape));
        }

        Name = name;
        _shape = (int[])shape.Clone();
        Value = new AlignedBuffer((int)length);
        _gradient = new AlignedBuffer((int)length);
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The dimensions, row-major.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of elements.</summary>
    public int Length => Value.Length;

    /// <summary>The values.</summary>
    public AlignedBuffer Value { get; }

    /// <summary>
    /// The accumulated gradient of the loss with respect to <see cref="Value"/>. After <see cref="ZeroGradient"/>
    /// it reads as zeros: the first access through this property clears the buffer. So fetch the buffer again after
    /// every <see cref="ZeroGradient"/> rather than keeping it: a kept buffer still shows the old values until then.
    /// The first access after <see cref="ZeroGradient"/> writes, so make it from one thread at a time.
    /// </summary>
    public AlignedBuffer Gradient
    {
        get
        {
            if (_gradientZeroPending)
            {
                _gradient.Clear();
                _gradientZeroPending = false;
            }

            return _gradient;
        }
    }

    /// <summary>
    /// Sets the gradient to zero. The clear is deferred: a backward pass that writes every value of the gradient (a
    /// generator head) then overwrites it instead of adding to it, which saves two passes over the buffer; any other
    /// access through <see cref="Gradient"/> clears it first.
    /// </summary>
    public void ZeroGradient() => _gradientZeroPending = true;

    /// <inheritdoc />
    public void Dispose()
    {
        Value.Dispose();
        _gradient.Dispose();
    }

    /// <summary>
    /// The gradient buffer for a backward pass that writes every one of its values: <paramref name="overwrite"/> is
    /// true when the gradient is zero and not yet cleared, and the caller must then write each value instead of
    /// adding to it. Either way the gradient counts as written afterwards.
    /// </summary>
    internal AlignedBuffer GradientForFullWrite(out bool overwrite)
    {
        overwrite = _gradientZeroPending;
        _gradientZeroPending = false;
        return _gradient;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{string.Join(", ", _shape)}]";
}

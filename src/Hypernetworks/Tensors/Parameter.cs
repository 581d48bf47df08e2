namespace Hypernetworks.Tensors;

/// <summary>
/// A trainable tensor: its values, the gradient that backward passes accumulate into, and its shape.
/// Optimizers update <see cref="Value"/> from <see cref="Gradient"/>.
/// </summary>
public sealed class Parameter : IDisposable
{
    private readonly int[] _shape;

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
        Gradient = new AlignedBuffer((int)length);
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The dimensions, row-major.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of elements.</summary>
    public int Length => Value.Length;

    /// <summary>The values.</summary>
    public AlignedBuffer Value { get; }

    /// <summary>The accumulated gradient of the loss with respect to <see cref="Value"/>.</summary>
    public AlignedBuffer Gradient { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Value.Dispose();
        Gradient.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{string.Join(", ", _shape)}]";
}

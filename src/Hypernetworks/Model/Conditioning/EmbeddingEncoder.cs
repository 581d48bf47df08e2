using System.Numerics.Tensors;
using Hypernetworks.Initialization;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// One integer key per row (a task id, stored as a float) selecting a row of a learned table [keys, size],
/// initialised N(0, 1).
/// </summary>
public sealed class EmbeddingEncoder : ConditioningEncoder
{
    private readonly Parameter _table;

    /// <summary>Creates a table for keys 0 … <paramref name="keyCount"/> − 1 with rows of <paramref name="size"/>.</summary>
    public EmbeddingEncoder(int keyCount, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        KeyCount = keyCount;
        _table = new Parameter("encoder.embedding", keyCount, size);
        Parameters = [_table];
    }

    /// <summary>The number of keys.</summary>
    public int KeyCount { get; }

    /// <summary>The learned table [keys, size].</summary>
    internal Parameter Table => _table;

    /// <inheritdoc />
    public override int InputSize => 1;

    /// <inheritdoc />
    public override int OutputSize => _table.Shape[1];

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters { get; }

    /// <inheritdoc />
    public override void Validate(ReadOnlySpan<float> conditioning, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            float key = conditioning[row];
            if (key < 0 || key >= KeyCount || key != MathF.Floor(key))
            {
                throw new ArgumentException($"Conditioning row {row} holds key {key}; the Embedding encoder expects an integer key in [0, {KeyCount}).", nameof(conditioning));
            }
        }
    }

    /// <inheritdoc />
    public override void Initialize(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<float> values = _table.Value.Span;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextGaussian();
        }
    }

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> conditioning, int rows, Span<float> encoded)
    {
        int size = OutputSize;
        ReadOnlySpan<float> table = _table.Value.Span;
        for (int row = 0; row < rows; row++)
        {
            table.Slice((int)conditioning[row] * size, size).CopyTo(encoded.Slice(row * size, size));
        }
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> gradEncoded, int rows)
    {
        int size = OutputSize;
        Span<float> gradient = _table.Gradient.Span;
        for (int row = 0; row < rows; row++)
        {
            Span<float> target = gradient.Slice((int)conditioning[row] * size, size);
            TensorPrimitives.Add(target, gradEncoded.Slice(row * size, size), target);
        }
    }
}

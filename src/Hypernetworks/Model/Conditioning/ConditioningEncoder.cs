using Hypernetworks.Initialization;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// Turns conditioning rows into the generator's input z. Subclass it to add an encoder (for example a few-shot
/// set encoder) and pass it to the <see cref="Hypernetwork"/> constructor.
/// </summary>
public abstract class ConditioningEncoder : IDisposable
{
    /// <summary>Width of a conditioning row.</summary>
    public abstract int InputSize { get; }

    /// <summary>Width of z.</summary>
    public abstract int OutputSize { get; }

    /// <summary>The learned parameters (may be empty).</summary>
    public abstract IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first conditioning row the encoder cannot read
    /// (<paramref name="conditioning"/> is [rows, InputSize] and has been checked for NaN and infinity).
    /// </summary>
    public virtual void Validate(ReadOnlySpan<float> conditioning, int rows)
    {
    }

    /// <summary>Draws the initial parameters.</summary>
    public virtual void Initialize(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
    }

    /// <summary>encoded[rows, OutputSize] from conditioning[rows, InputSize].</summary>
    public abstract void Forward(ReadOnlySpan<float> conditioning, int rows, Span<float> encoded);

    /// <summary>Accumulates into <see cref="Parameters"/>' gradients, given d(loss)/d(encoded) of the last forward's rows.</summary>
    public abstract void Backward(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> gradEncoded, int rows);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the parameters.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (Parameter p in Parameters)
            {
                p.Dispose();
            }
        }
    }
}

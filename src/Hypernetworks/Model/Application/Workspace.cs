using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Application;

/// <summary>
/// A scratch buffer that grows on demand and is then reused, so that a warm forward or backward pass allocates
/// nothing. Growing discards the contents: reserve at the start of a pass, before writing.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private AlignedBuffer? _buffer;

    /// <summary>Makes room for <paramref name="length"/> floats.</summary>
    public void Reserve(long length)
    {
        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException($"A scratch buffer of {length} floats was needed; at most {Array.MaxLength} are supported. Lower HypernetworkSpec.MaxGeneratedFloats or the batch size.");
        }

        if (_buffer is null || _buffer.Length < length)
        {
            _buffer?.Dispose();
            _buffer = new AlignedBuffer((int)Math.Max(length, 1));
        }
    }

    /// <summary>The first <paramref name="length"/> floats; <see cref="Reserve"/> must have made room.</summary>
    public Span<float> Span(int length)
    {
        if (_buffer is null || _buffer.Length < length)
        {
            throw new InvalidOperationException($"Scratch buffer holds {_buffer?.Length ?? 0} floats; {length} were asked before reserving.");
        }

        return _buffer.Span[..length];
    }

    /// <inheritdoc />
    public void Dispose() => _buffer?.Dispose();
}

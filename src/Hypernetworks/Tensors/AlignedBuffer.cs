using System.Runtime.InteropServices;

namespace Hypernetworks.Tensors;

/// <summary>
/// An owned, zero-initialised block of float32 values whose first element is 64-byte aligned, so that
/// Vector512 loads of whole rows never straddle a cache line. Native memory: dispose it.
/// </summary>
public sealed unsafe class AlignedBuffer : IDisposable
{
    /// <summary>The alignment of the first element, in bytes.</summary>
    public const int Alignment = 64;

    private float* _pointer;

    /// <summary>Allocates <paramref name="length"/> zeroed floats.</summary>
    /// <param name="length">The number of floats; zero gives an empty buffer.</param>
    public AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        // One extra alignment's worth so that a zero-length buffer still has a valid pointer.
        nuint bytes = (nuint)Math.Max(length, 1) * sizeof(float);
        _pointer = (float*)NativeMemory.AlignedAlloc(bytes, Alignment);
        NativeMemory.Clear(_pointer, bytes);
        GC.AddMemoryPressure((long)bytes);
    }

    /// <summary>Frees the memory if <see cref="Dispose"/> was never called.</summary>
    ~AlignedBuffer() => Free();

    /// <summary>The number of floats.</summary>
    public int Length { get; }

    /// <summary>The address of the first float; valid until the buffer is disposed.</summary>
    public float* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointer == null, this);
            return _pointer;
        }
    }

    /// <summary>The buffer's contents.</summary>
    public Span<float> Span => new(Pointer, Length);

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Span.Clear();

    /// <inheritdoc />
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (_pointer == null)
        {
            return;
        }

        NativeMemory.AlignedFree(_pointer);
        _pointer = null;
        GC.RemoveMemoryPressure((long)Math.Max(Length, 1) * sizeof(float));
    }
}

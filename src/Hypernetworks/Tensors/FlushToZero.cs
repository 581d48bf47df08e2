using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Hypernetworks.Tensors;

/// <summary>
/// Keeps values out of float's denormal (subnormal) range, below 2^-126 ≈ 1.18e-38, where x86 CPUs take a
/// microcode assist of tens to a hundred cycles for every operation that reads or makes such a value. .NET cannot
/// set the FTZ/DAZ bits of a thread's MXCSR from managed code, so the engine flushes by value instead, at the places
/// where values can sink that low: geometric decays (Adam's moments, SGD's momentum, decayed weights), squares of
/// small gradients, exponentials of large negative numbers (softmax, sigmoid, GELU, SiLU) and gradients that pass
/// through them.
/// </summary>
/// <remarks>
/// Magnitudes below <see cref="Threshold"/>, 1e-30 (about 2^-100), become +0, not only denormals: a value that
/// passes keeps 2^26 of headroom above the normal range, so a product with a learning rate, a decay factor or a
/// small activation stays normal. No value this small changes a sum of float values of ordinary size, so training
/// changes only where a value would have been lost to rounding anyway. The test is on the bits (integer compare), so
/// reading a denormal costs no assist, and NaN and infinities pass unchanged (the trainer's NaN guard still sees them).
/// </remarks>
internal static class FlushToZero
{
    /// <summary>Magnitudes below this are flushed to zero.</summary>
    public const float Threshold = 1e-30f;

    // The bit pattern of Threshold; a non-negative float orders as its bits do.
    private const int ThresholdBits = 0x0DA24260;

    private const int MagnitudeMask = int.MaxValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Apply(Vector512<float> value)
        => Vector512.ConditionalSelect(Vector512.LessThan(value.AsInt32() & Vector512.Create(MagnitudeMask), Vector512.Create(ThresholdBits)).AsSingle(), Vector512<float>.Zero, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply(Vector256<float> value)
        => Vector256.ConditionalSelect(Vector256.LessThan(value.AsInt32() & Vector256.Create(MagnitudeMask), Vector256.Create(ThresholdBits)).AsSingle(), Vector256<float>.Zero, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Apply(float value)
        => (BitConverter.SingleToInt32Bits(value) & MagnitudeMask) < ThresholdBits ? 0f : value;

    /// <summary>Flushes every value of <paramref name="values"/> in place.</summary>
    public static void Apply(Span<float> values) => Scale(values, values, 1f);

    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="destination"/> (at least as long), flushed: the cost of
    /// a copy, for inputs that come from outside the engine (data rows, conditions).
    /// </summary>
    public static void Copy(ReadOnlySpan<float> source, Span<float> destination) => Scale(source, destination, 1f);

    /// <summary>
    /// destination = flushed(flushed(source)·factor); the spans may be the same memory. The source is flushed before
    /// the multiply, so no denormal is ever an operand; a factor of 1 copies exactly.
    /// </summary>
    public static void Scale(ReadOnlySpan<float> source, Span<float> destination, float factor)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"'destination' has {destination.Length} elements; expected at least {source.Length}.", nameof(destination));
        }

        ref float from = ref MemoryMarshal.GetReference(source);
        ref float to = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)source.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector512<float>.Count <= length; i += (nuint)Vector512<float>.Count)
            {
                Apply(Apply(Vector512.LoadUnsafe(ref from, i)) * factor).StoreUnsafe(ref to, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector256<float>.Count <= length; i += (nuint)Vector256<float>.Count)
            {
                Apply(Apply(Vector256.LoadUnsafe(ref from, i)) * factor).StoreUnsafe(ref to, i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref to, i) = Apply(Apply(Unsafe.Add(ref from, i)) * factor);
        }
    }
}

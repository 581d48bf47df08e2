using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Hypernetworks.Tensors;

namespace Hypernetworks.Layers.Kernels;

/// <summary>
/// Runs a kernel over spans: Vector512 where accelerated, else Vector256, else scalar. The tail that does not
/// fill a vector goes through the same vector code on a padded copy, so every element is computed by the same
/// instructions whatever its position, and in-place calls (output aliasing an input) stay correct. Every value
/// written is flushed (<see cref="FlushToZero"/>), so no activation or derivative passes a denormal to the next
/// layer, whatever it was fed.
/// </summary>
internal static class ElementwiseLoop
{
    public static void Forward<TKernel>(ReadOnlySpan<float> x, Span<float> y)
        where TKernel : IForwardKernel
    {
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        nuint length = (nuint)x.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            nuint width = (nuint)Vector512<float>.Count;
            for (; i + width <= length; i += width)
            {
                FlushToZero.Apply(TKernel.Apply(Vector512.LoadUnsafe(ref xs, i))).StoreUnsafe(ref ys, i);
            }

            if (i < length)
            {
                Vector512<float> tail = default;
                CopyIn(ref xs, i, length, ref Unsafe.As<Vector512<float>, float>(ref tail));
                Vector512<float> result = FlushToZero.Apply(TKernel.Apply(tail));
                CopyOut(ref Unsafe.As<Vector512<float>, float>(ref result), ref ys, i, length);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            nuint width = (nuint)Vector256<float>.Count;
            for (; i + width <= length; i += width)
            {
                FlushToZero.Apply(TKernel.Apply(Vector256.LoadUnsafe(ref xs, i))).StoreUnsafe(ref ys, i);
            }

            if (i < length)
            {
                Vector256<float> tail = default;
                CopyIn(ref xs, i, length, ref Unsafe.As<Vector256<float>, float>(ref tail));
                Vector256<float> result = FlushToZero.Apply(TKernel.Apply(tail));
                CopyOut(ref Unsafe.As<Vector256<float>, float>(ref result), ref ys, i, length);
            }
        }
        else
        {
            for (; i < length; i++)
            {
                Unsafe.Add(ref ys, i) = FlushToZero.Apply(TKernel.Apply(Unsafe.Add(ref xs, i)));
            }
        }
    }

    public static void Backward<TKernel>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> gradY, Span<float> gradX)
        where TKernel : IBackwardKernel
    {
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        ref float gys = ref MemoryMarshal.GetReference(gradY);
        ref float gxs = ref MemoryMarshal.GetReference(gradX);
        nuint length = (nuint)x.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            nuint width = (nuint)Vector512<float>.Count;
            for (; i + width <= length; i += width)
            {
                FlushToZero.Apply(TKernel.Apply(Vector512.LoadUnsafe(ref xs, i), Vector512.LoadUnsafe(ref ys, i), Vector512.LoadUnsafe(ref gys, i))).StoreUnsafe(ref gxs, i);
            }

            if (i < length)
            {
                Vector512<float> tx = default, ty = default, tg = default;
                CopyIn(ref xs, i, length, ref Unsafe.As<Vector512<float>, float>(ref tx));
                CopyIn(ref ys, i, length, ref Unsafe.As<Vector512<float>, float>(ref ty));
                CopyIn(ref gys, i, length, ref Unsafe.As<Vector512<float>, float>(ref tg));
                Vector512<float> result = FlushToZero.Apply(TKernel.Apply(tx, ty, tg));
                CopyOut(ref Unsafe.As<Vector512<float>, float>(ref result), ref gxs, i, length);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            nuint width = (nuint)Vector256<float>.Count;
            for (; i + width <= length; i += width)
            {
                FlushToZero.Apply(TKernel.Apply(Vector256.LoadUnsafe(ref xs, i), Vector256.LoadUnsafe(ref ys, i), Vector256.LoadUnsafe(ref gys, i))).StoreUnsafe(ref gxs, i);
            }

            if (i < length)
            {
                Vector256<float> tx = default, ty = default, tg = default;
                CopyIn(ref xs, i, length, ref Unsafe.As<Vector256<float>, float>(ref tx));
                CopyIn(ref ys, i, length, ref Unsafe.As<Vector256<float>, float>(ref ty));
                CopyIn(ref gys, i, length, ref Unsafe.As<Vector256<float>, float>(ref tg));
                Vector256<float> result = FlushToZero.Apply(TKernel.Apply(tx, ty, tg));
                CopyOut(ref Unsafe.As<Vector256<float>, float>(ref result), ref gxs, i, length);
            }
        }
        else
        {
            for (; i < length; i++)
            {
                Unsafe.Add(ref gxs, i) = FlushToZero.Apply(TKernel.Apply(Unsafe.Add(ref xs, i), Unsafe.Add(ref ys, i), Unsafe.Add(ref gys, i)));
            }
        }
    }

    private static void CopyIn(ref float source, nuint start, nuint end, ref float padded)
    {
        for (nuint j = 0; start + j < end; j++)
        {
            Unsafe.Add(ref padded, j) = Unsafe.Add(ref source, start + j);
        }
    }

    private static void CopyOut(ref float padded, ref float destination, nuint start, nuint end)
    {
        for (nuint j = 0; start + j < end; j++)
        {
            Unsafe.Add(ref destination, start + j) = Unsafe.Add(ref padded, j);
        }
    }
}

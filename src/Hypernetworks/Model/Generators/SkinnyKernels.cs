using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// Vector512 kernels for a dense layer applied to four rows at once with a very wide output (a generator head):
/// each row of W [out, in] is loaded once and used for all four rows. Requires in % 16 == 0.
/// </summary>
internal static class SkinnyKernels
{
    public const int Rows = 4;

    public static bool Supported(int inputSize) => Vector512.IsHardwareAccelerated && inputSize % Vector512<float>.Count == 0;

    /// <summary>y[g, j] = W[j, :]·x[g, :] + b[j] for g in 0..3.</summary>
    public static void Forward(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, int inputSize, int outputSize, ReadOnlySpan<float> x, int ldx, Span<float> y, int ldy)
    {
        ref float w = ref MemoryMarshal.GetReference(weight);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float x1 = ref Unsafe.Add(ref x0, ldx);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * ldx);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * ldx);
        for (int j = 0; j < outputSize; j++)
        {
            ref float row = ref Unsafe.Add(ref w, (nint)j * inputSize);
            Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0; k < inputSize; k += Vector512<float>.Count)
            {
                Vector512<float> wv = Vector512.LoadUnsafe(ref row, (nuint)k);
                a0 = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref x0, (nuint)k), a0);
                a1 = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref x1, (nuint)k), a1);
                a2 = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref x2, (nuint)k), a2);
                a3 = Vector512.FusedMultiplyAdd(wv, Vector512.LoadUnsafe(ref x3, (nuint)k), a3);
            }

            float b = bias[j];
            y[j] = Vector512.Sum(a0) + b;
            y[ldy + j] = Vector512.Sum(a1) + b;
            y[(2 * ldy) + j] = Vector512.Sum(a2) + b;
            y[(3 * ldy) + j] = Vector512.Sum(a3) + b;
        }
    }

    /// <summary>
    /// dW[j, :] += Σ_g dy[g, j]·x[g, :]; db[j] += Σ_g dy[g, j]; dx[g, :] += Σ_j dy[g, j]·W[j, :] unless dx is empty
    /// (the caller clears dx first when it is not accumulating).
    /// </summary>
    public static void Backward(ReadOnlySpan<float> weight, Span<float> weightGradient, Span<float> biasGradient, int inputSize, int outputSize, ReadOnlySpan<float> x, int ldx, ReadOnlySpan<float> dy, int lddy, Span<float> dx, int lddx)
    {
        ref float w = ref MemoryMarshal.GetReference(weight);
        ref float dw = ref MemoryMarshal.GetReference(weightGradient);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float x1 = ref Unsafe.Add(ref x0, ldx);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * ldx);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * ldx);
        bool withInput = !dx.IsEmpty;
        ref float d0 = ref MemoryMarshal.GetReference(dx);
        ref float d1 = ref withInput ? ref Unsafe.Add(ref d0, lddx) : ref d0;
        ref float d2 = ref withInput ? ref Unsafe.Add(ref d0, 2 * lddx) : ref d0;
        ref float d3 = ref withInput ? ref Unsafe.Add(ref d0, 3 * lddx) : ref d0;
        for (int j = 0; j < outputSize; j++)
        {
            float c0 = dy[j], c1 = dy[lddy + j], c2 = dy[(2 * lddy) + j], c3 = dy[(3 * lddy) + j];
            biasGradient[j] += c0 + c1 + c2 + c3;
            var v0 = Vector512.Create(c0);
            var v1 = Vector512.Create(c1);
            var v2 = Vector512.Create(c2);
            var v3 = Vector512.Create(c3);
            ref float wRow = ref Unsafe.Add(ref w, (nint)j * inputSize);
            ref float dwRow = ref Unsafe.Add(ref dw, (nint)j * inputSize);
            for (int k = 0; k < inputSize; k += Vector512<float>.Count)
            {
                nuint at = (nuint)k;
                Vector512<float> g = Vector512.LoadUnsafe(ref dwRow, at);
                g = Vector512.FusedMultiplyAdd(v0, Vector512.LoadUnsafe(ref x0, at), g);
                g = Vector512.FusedMultiplyAdd(v1, Vector512.LoadUnsafe(ref x1, at), g);
                g = Vector512.FusedMultiplyAdd(v2, Vector512.LoadUnsafe(ref x2, at), g);
                g = Vector512.FusedMultiplyAdd(v3, Vector512.LoadUnsafe(ref x3, at), g);
                g.StoreUnsafe(ref dwRow, at);
                if (withInput)
                {
                    Vector512<float> wv = Vector512.LoadUnsafe(ref wRow, at);
                    Vector512.FusedMultiplyAdd(v0, wv, Vector512.LoadUnsafe(ref d0, at)).StoreUnsafe(ref d0, at);
                    Vector512.FusedMultiplyAdd(v1, wv, Vector512.LoadUnsafe(ref d1, at)).StoreUnsafe(ref d1, at);
                    Vector512.FusedMultiplyAdd(v2, wv, Vector512.LoadUnsafe(ref d2, at)).StoreUnsafe(ref d2, at);
                    Vector512.FusedMultiplyAdd(v3, wv, Vector512.LoadUnsafe(ref d3, at)).StoreUnsafe(ref d3, at);
                }
            }
        }
    }
}

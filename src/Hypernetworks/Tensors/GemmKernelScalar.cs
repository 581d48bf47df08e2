namespace Hypernetworks.Tensors;

/// <summary>
/// The portable micro-kernel: a 4×4 tile in scalar arithmetic, for hardware without 256- or 512-bit vectors and
/// as the plainest reference of what the vector kernels compute.
/// </summary>
internal readonly unsafe struct GemmKernelScalar : IGemmKernel
{
    private const int Width = 4;

    /// <inheritdoc />
    public static int Rows => Width;

    /// <inheritdoc />
    public static int Columns => Width;

    /// <inheritdoc />
    public static bool IsSupported => true;

    /// <inheritdoc />
    public static void Tile(int rows, int kc, float* a, nint aRowStride, nint aStep, float* b, nint bStep, float* c, nint ldc, in TileEpilogue epilogue)
    {
        float* acc = stackalloc float[Width * Width];
        new Span<float>(acc, Width * Width).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < rows; r++)
            {
                float av = a[r * aRowStride];
                float* row = acc + (r * Width);
                for (int j = 0; j < Width; j++)
                {
                    row[j] = MathF.FusedMultiplyAdd(av, b[j], row[j]);
                }
            }

            a += aStep;
            b += bStep;
        }

        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < Width; j++)
            {
                acc[(r * Width) + j] *= epilogue.Alpha;
            }
        }

        epilogue.Finish(acc, Width, rows, Width, c, ldc);
    }
}

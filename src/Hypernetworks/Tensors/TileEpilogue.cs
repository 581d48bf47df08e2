namespace Hypernetworks.Tensors;

/// <summary>
/// What a kernel does with a finished tile: v = α·acc, then v + β·c when β ≠ 0 (C is not read otherwise), then
/// v + bias[j] when there is a bias. Kernels and <see cref="Finish"/> apply these operations in the same order,
/// so a value is bitwise the same whether it was written by a full vector tile or a scalar column tail.
/// </summary>
internal readonly unsafe struct TileEpilogue
{
    public TileEpilogue(float alpha, float beta, float* bias)
    {
        Alpha = alpha;
        Beta = beta;
        Bias = bias;
    }

    /// <summary>The scale of the accumulated product.</summary>
    public float Alpha { get; }

    /// <summary>The scale of the existing C; zero means C is write-only.</summary>
    public float Beta { get; }

    /// <summary>The bias of the tile's first column, or null.</summary>
    public float* Bias { get; }

    /// <summary>The same epilogue for a tile starting <paramref name="column"/> columns further right.</summary>
    public TileEpilogue At(int column) => new(Alpha, Beta, Bias == null ? null : Bias + column);

    /// <summary>The epilogue that only scales by α: used to compute a column tail into a scratch tile.</summary>
    public TileEpilogue ScaleOnly() => new(Alpha, 0f, null);

    /// <summary>
    /// Completes a column tail: <paramref name="scaled"/> holds α·acc (from <see cref="ScaleOnly"/>); adds β·c and the
    /// bias and writes <paramref name="rows"/>×<paramref name="columns"/> values to <paramref name="c"/>.
    /// </summary>
    public void Finish(float* scaled, nint scaledStride, int rows, int columns, float* c, nint ldc)
    {
        for (int r = 0; r < rows; r++)
        {
            float* source = scaled + (r * scaledStride);
            float* target = c + (r * ldc);
            for (int j = 0; j < columns; j++)
            {
                float v = source[j];
                if (Beta != 0f)
                {
                    v += Beta * target[j];
                }

                if (Bias != null)
                {
                    v += Bias[j];
                }

                target[j] = v;
            }
        }
    }
}

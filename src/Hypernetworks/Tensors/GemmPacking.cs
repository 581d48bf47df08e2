namespace Hypernetworks.Tensors;

/// <summary>
/// Copies blocks of op(B) into the contiguous panel layout the micro-kernels stream through: panels of NR
/// columns, element (p, j) at p·NR + j, zero-padded to the full width.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Packs op(B)[depth.., column..] (<paramref name="kc"/> × <paramref name="columns"/>) into zero-padded panels of <paramref name="nr"/> columns.</summary>
    public static void PackB(in GemmProblem problem, int depth, int kc, int column, int columns, int nr, float* destination)
    {
        for (int panel = 0; panel < columns; panel += nr)
        {
            int width = Math.Min(nr, columns - panel);
            float* target = destination + ((nint)panel * kc);
            if (problem.TransposeB)
            {
                if (width < nr)
                {
                    new Span<float>(target, kc * nr).Clear();
                }

                for (int j = 0; j < width; j++)
                {
                    float* source = problem.BAt(depth, column + panel + j);
                    float* lane = target + j;
                    for (int p = 0; p < kc; p++)
                    {
                        lane[(nint)p * nr] = source[p];
                    }
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    var row = new Span<float>(target + ((nint)p * nr), nr);
                    new ReadOnlySpan<float>(problem.BAt(depth + p, column + panel), width).CopyTo(row);
                    row[width..].Clear();
                }
            }
        }
    }
}

using Hypernetworks.Tensors;

namespace Hypernetworks.Model.FewShot;

/// <summary>
/// The metric the DeepSets encoder's prototype path compares examples in: u = T·(x − μ), fitted in closed form on
/// labelled examples of the meta-training classes. With Σ_w their within-class scatter, TᵀT = (Σ_w + λ·I)⁻¹ with
/// λ = shrinkage × the mean variance (tr Σ_w / width): directions in which examples of one class vary most (stroke
/// weight, brightness, size) count least, and shrinking towards I keeps what is specific to the training classes
/// from dominating on new ones. T is the inverse of the Cholesky factor of Σ_w + λ·I, scaled so that the training
/// examples' ‖u‖ averages 1. Until it is fitted it is the identity (μ = 0, T = I).
/// </summary>
internal sealed class SetMetric
{
    public SetMetric(int width, float shrinkage)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shrinkage);
        Width = width;
        Shrinkage = shrinkage;
        Mean = new float[width];
        Transform = new float[width * width];
        for (int i = 0; i < width; i++)
        {
            Transform[(i * width) + i] = 1f;
        }
    }

    /// <summary>Values per example.</summary>
    public int Width { get; }

    /// <summary>λ over the mean within-class variance.</summary>
    public float Shrinkage { get; }

    /// <summary>μ [Width]: the mean of the examples it was fitted on.</summary>
    public float[] Mean { get; }

    /// <summary>T [Width, Width], row-major and lower triangular.</summary>
    public float[] Transform { get; }

    /// <summary>
    /// Fits μ and T to <paramref name="examples"/> [count, Width] of classes <paramref name="classes"/>[count] (any
    /// integers; at least two classes, and a class needs two examples to add to Σ_w).
    /// </summary>
    public void Fit(ReadOnlySpan<float> examples, ReadOnlySpan<int> classes, CancellationToken cancellationToken = default)
    {
        int count = classes.Length;
        if (examples.Length != (long)count * Width)
        {
            throw new ArgumentException($"'examples' holds {examples.Length} values; {count} examples of {Width} need {(long)count * Width}.", nameof(examples));
        }

        Dictionary<int, int> slotOf = [];
        foreach (int c in classes)
        {
            slotOf.TryAdd(c, slotOf.Count);
        }

        if (slotOf.Count < 2)
        {
            throw new ArgumentException($"The examples hold {slotOf.Count} class(es); fitting the set metric needs at least 2.", nameof(classes));
        }

        var classMeans = new double[slotOf.Count * Width];
        var classCounts = new int[slotOf.Count];
        var mean = new double[Width];
        for (int i = 0; i < count; i++)
        {
            int slot = slotOf[classes[i]];
            classCounts[slot]++;
            ReadOnlySpan<float> row = examples.Slice(i * Width, Width);
            for (int j = 0; j < Width; j++)
            {
                classMeans[(slot * Width) + j] += row[j];
                mean[j] += row[j];
            }
        }

        for (int slot = 0; slot < classCounts.Length; slot++)
        {
            for (int j = 0; j < Width; j++)
            {
                classMeans[(slot * Width) + j] /= classCounts[slot];
            }
        }

        for (int j = 0; j < Width; j++)
        {
            Mean[j] = (float)(mean[j] / count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        double[] scatter = WithinClassScatter(examples, classes, slotOf, classMeans);
        cancellationToken.ThrowIfCancellationRequested();
        double lambda = 0;
        for (int j = 0; j < Width; j++)
        {
            lambda += scatter[(j * Width) + j];
        }

        lambda = Shrinkage * Math.Max(lambda / Width, 1e-12);
        for (int j = 0; j < Width; j++)
        {
            scatter[(j * Width) + j] += lambda;
        }

        double[] inverse = InverseCholeskyFactor(scatter, Width);
        for (int k = 0; k < inverse.Length; k++)
        {
            Transform[k] = (float)inverse[k];
        }

        NormalizeScale(examples, count);
    }

    /// <summary>u[count, Width] = T·(x − μ) for the rows of <paramref name="examples"/>.</summary>
    public void Apply(ReadOnlySpan<float> examples, int count, Span<float> centred, Span<float> u)
    {
        for (int i = 0; i < count; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(examples.Slice(i * Width, Width), Mean, centred.Slice(i * Width, Width));
        }

        Gemm.Multiply(false, true, count, Width, Width, 1f, centred, Width, Transform, Width, 0f, u, Width);
    }

    /// <summary>Σ_w [Width, Width] in double: Σ over examples of (x − m_class)(x − m_class)ᵀ / count, by GEMM over blocks of rows.</summary>
    private double[] WithinClassScatter(ReadOnlySpan<float> examples, ReadOnlySpan<int> classes, Dictionary<int, int> slotOf, double[] classMeans)
    {
        const int Block = 1024;
        int count = classes.Length;
        var centred = new float[Math.Min(Block, count) * Width];
        var partial = new float[Width * Width];
        var scatter = new double[Width * Width];
        for (int start = 0; start < count; start += Block)
        {
            int rows = Math.Min(Block, count - start);
            for (int i = 0; i < rows; i++)
            {
                int slot = slotOf[classes[start + i]];
                ReadOnlySpan<float> row = examples.Slice((start + i) * Width, Width);
                for (int j = 0; j < Width; j++)
                {
                    centred[(i * Width) + j] = (float)(row[j] - classMeans[(slot * Width) + j]);
                }
            }

            // Blocks of 1,024 rows keep the float sums short; the running total is double.
            Gemm.Multiply(true, false, Width, Width, rows, 1f, centred, Width, centred, Width, 0f, partial, Width);
            for (int k = 0; k < partial.Length; k++)
            {
                scatter[k] += partial[k];
            }
        }

        for (int k = 0; k < scatter.Length; k++)
        {
            scatter[k] /= count;
        }

        return scatter;
    }

    /// <summary>L⁻¹ for the Cholesky factor L of the symmetric positive definite <paramref name="a"/> (LLᵀ = a); a is overwritten.</summary>
    private static double[] InverseCholeskyFactor(double[] a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double diagonal = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= a[(j * n) + k] * a[(j * n) + k];
            }

            double pivot = Math.Sqrt(diagonal);
            a[(j * n) + j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                double sum = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = sum / pivot;
            }
        }

        // Forward substitution of L·X = I, column by column; X is lower triangular too.
        var inverse = new double[n * n];
        for (int column = 0; column < n; column++)
        {
            for (int i = column; i < n; i++)
            {
                double sum = i == column ? 1 : 0;
                for (int k = column; k < i; k++)
                {
                    sum -= a[(i * n) + k] * inverse[(k * n) + column];
                }

                inverse[(i * n) + column] = sum / a[(i * n) + i];
            }
        }

        return inverse;
    }

    private void NormalizeScale(ReadOnlySpan<float> examples, int count)
    {
        const int Sample = 2048;
        int rows = Math.Min(count, Sample);
        var centred = new float[rows * Width];
        var u = new float[rows * Width];
        int stride = count / rows;
        var picked = new float[rows * Width];
        for (int i = 0; i < rows; i++)
        {
            examples.Slice(i * stride * Width, Width).CopyTo(picked.AsSpan(i * Width, Width));
        }

        Apply(picked, rows, centred, u);
        double norms = 0;
        for (int i = 0; i < rows; i++)
        {
            norms += System.Numerics.Tensors.TensorPrimitives.Norm(u.AsSpan(i * Width, Width));
        }

        float scale = norms > 0 ? (float)(rows / norms) : 1f;
        System.Numerics.Tensors.TensorPrimitives.Multiply(Transform, scale, Transform);
    }
}

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

        // μ and T are computed aside and copied in at the end, so a cancelled or failed fit leaves the metric as it was.
        var fittedMean = new float[Width];
        for (int j = 0; j < Width; j++)
        {
            fittedMean[j] = (float)(mean[j] / count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        double[] scatter = WithinClassScatter(examples, classes, slotOf, classMeans);
        if (!scatter.All(double.IsFinite))
        {
            throw new ArgumentException("The examples' within-class scatter overflows: their values are too large for the metric's sums. Scale the features (for example to [0, 1]) first.", nameof(examples));
        }

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

        double[] inverse = InverseCholeskyFactor(scatter, Width, cancellationToken);
        var fittedTransform = new float[inverse.Length];
        for (int k = 0; k < inverse.Length; k++)
        {
            fittedTransform[k] = (float)inverse[k];
        }

        float scale = MeanNormInverse(examples, count, fittedMean, fittedTransform);
        System.Numerics.Tensors.TensorPrimitives.Multiply(fittedTransform, scale, fittedTransform);
        fittedMean.CopyTo(Mean, 0);
        fittedTransform.CopyTo(Transform, 0);
    }

    /// <summary>Whether T is a fitted (or the identity) metric: lower triangular with a positive, finite diagonal.</summary>
    public bool IsValid()
    {
        for (int i = 0; i < Width; i++)
        {
            float diagonal = Transform[(i * Width) + i];
            if (!(diagonal > 0) || !float.IsFinite(diagonal))
            {
                return false;
            }

            for (int j = i + 1; j < Width; j++)
            {
                if (Transform[(i * Width) + j] != 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>u[count, Width] = T·(x − μ) for the rows of <paramref name="examples"/>.</summary>
    public void Apply(ReadOnlySpan<float> examples, int count, Span<float> centred, Span<float> u) => Apply(examples, count, Mean, Transform, centred, u);

    private void Apply(ReadOnlySpan<float> examples, int count, float[] mean, float[] transform, Span<float> centred, Span<float> u)
    {
        for (int i = 0; i < count; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(examples.Slice(i * Width, Width), mean, centred.Slice(i * Width, Width));
        }

        Gemm.Multiply(false, true, count, Width, Width, 1f, centred, Width, transform, Width, 0f, u, Width);
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
    private static double[] InverseCholeskyFactor(double[] a, int n, CancellationToken cancellationToken)
    {
        for (int j = 0; j < n; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double diagonal = a[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= a[(j * n) + k] * a[(j * n) + k];
            }

            if (!(diagonal > 0) || !double.IsFinite(diagonal))
            {
                throw new ArgumentException($"The examples' shrunk within-class scatter is not positive definite (pivot {j} is {diagonal}): the features' scale is too far from 1 for the metric. Scale them (for example to [0, 1]) first.", "examples");
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

        // X = L⁻¹ row by row: row i of L·X = I gives X_i = (e_i − Σ_{k<i} L_ik·X_k) / L_ii, reading earlier rows in order.
        var inverse = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Span<double> row = inverse.AsSpan(i * n, i + 1);
            row[i] = 1;
            for (int k = 0; k < i; k++)
            {
                double factor = a[(i * n) + k];
                ReadOnlySpan<double> earlier = inverse.AsSpan(k * n, k + 1);
                for (int c = 0; c <= k; c++)
                {
                    row[c] -= factor * earlier[c];
                }
            }

            double diagonal = a[(i * n) + i];
            for (int c = 0; c <= i; c++)
            {
                row[c] /= diagonal;
            }
        }

        return inverse;
    }

    /// <summary>1 / the mean ‖T·(x − μ)‖ over up to 2,048 evenly spread examples (1 if they all sit at μ).</summary>
    private float MeanNormInverse(ReadOnlySpan<float> examples, int count, float[] mean, float[] transform)
    {
        const int Sample = 2048;
        int rows = Math.Min(count, Sample);
        int stride = count / rows;
        var picked = new float[rows * Width];
        for (int i = 0; i < rows; i++)
        {
            examples.Slice(i * stride * Width, Width).CopyTo(picked.AsSpan(i * Width, Width));
        }

        var u = new float[rows * Width];
        Apply(picked, rows, mean, transform, new float[rows * Width], u);
        double norms = 0;
        for (int i = 0; i < rows; i++)
        {
            norms += System.Numerics.Tensors.TensorPrimitives.Norm(u.AsSpan(i * Width, Width));
        }

        return norms > 0 ? (float)(rows / norms) : 1f;
    }
}

using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Hypernetworks.MLNet.Tests.Onnx;

/// <summary>Runs an exported graph in ONNX Runtime.</summary>
public static class OnnxRun
{
    public static Dictionary<string, float[]> Run(byte[] model, GraphCase c) => Run(model, c, withConditioning: true);

    /// <summary>Runs a materialised target network's graph, which reads the features alone.</summary>
    public static Dictionary<string, float[]> RunFeaturesOnly(byte[] model, GraphCase c) => Run(model, c, withConditioning: false);

    private static Dictionary<string, float[]> Run(byte[] model, GraphCase c, bool withConditioning)
    {
        using var session = new InferenceSession(model);
        int rows = GraphCase.Rows;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor(c.Description.FeatureColumnName, new DenseTensor<float>(c.Features, [rows, c.Description.FeatureSize])),
        };
        if (withConditioning)
        {
            inputs.Add(c.Keyed
                ? NamedOnnxValue.CreateFromTensor(c.Description.ConditioningColumnName, new DenseTensor<uint>(c.Conditioning.Select(k => (uint)k).ToArray(), [rows, 1]))
                : NamedOnnxValue.CreateFromTensor(c.Description.ConditioningColumnName, new DenseTensor<float>(c.Conditioning, [rows, c.Description.ConditioningSize])));
        }

        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run(inputs);
        var outputs = new Dictionary<string, float[]>();
        foreach (DisposableNamedOnnxValue result in results)
        {
            outputs[result.Name] = result.ElementType == TensorElementType.Bool
                ? [.. result.AsTensor<bool>().Select(b => b ? 1f : 0f)]
                : [.. result.AsTensor<float>()];
        }

        return outputs;
    }

    /// <summary>
    /// Asserts |actual − expected| ≤ 1e-5 · max(|expected|, mean |expected|) element by element: relative, with the
    /// outputs' own scale as the floor (float32 sums in another order differ by rounding relative to that scale, which
    /// a value that cancels to near zero does not have).
    /// </summary>
    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0;
        foreach (float v in expected)
        {
            scale += Math.Abs(v) / expected.Length;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-5 * Math.Max(Math.Abs(expected[i]), scale);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: ONNX {actual[i]:R}, engine {expected[i]:R} (difference {Math.Abs(expected[i] - actual[i]):G3}, tolerance {tolerance:G3}).");
        }
    }
}

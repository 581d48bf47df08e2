using Hypernetworks.Model;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Tests.Onnx;

/// <summary>The task outputs our ML.NET face derives from the engine's raw outputs, compared with a graph's.</summary>
public static class ExpectedOutputs
{
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    public static float[] Softmax(ReadOnlySpan<float> raw, int width)
    {
        var result = new float[raw.Length];
        for (int r = 0; r < raw.Length / width; r++)
        {
            ReadOnlySpan<float> row = raw.Slice(r * width, width);
            float max = float.NegativeInfinity;
            foreach (float v in row)
            {
                max = MathF.Max(max, v);
            }

            double sum = 0;
            for (int k = 0; k < width; k++)
            {
                sum += Math.Exp(row[k] - max);
            }

            for (int k = 0; k < width; k++)
            {
                result[(r * width) + k] = (float)(Math.Exp(row[k] - max) / sum);
            }
        }

        return result;
    }

    public static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int k = 1; k < row.Length; k++)
        {
            if (row[k] > row[best])
            {
                best = k;
            }
        }

        return best;
    }

    public static void AssertMatch(GraphCase c, float[] raw, Dictionary<string, float[]> onnx)
    {
        string name = c.ToString();
        switch (c.Spec.Task)
        {
            case HypernetworkTask.BinaryClassification:
                OnnxRun.AssertClose(raw, onnx[M.ScoreOutput], name + " score");
                OnnxRun.AssertClose([.. raw.Select(Sigmoid)], onnx[M.ProbabilityOutput], name + " probability");
                Assert.Equal(raw.Select(v => v > 0 ? 1f : 0f), onnx[M.PredictedLabelOutput]);
                break;
            case HypernetworkTask.MulticlassClassification:
                int k = c.Spec.OutputSize;
                float[] probabilities = Softmax(raw, k);
                OnnxRun.AssertClose(probabilities, onnx[M.ScoreOutput], name + " probabilities");
                float[] predicted = [.. Enumerable.Range(0, GraphCase.Rows).Select(r => (float)ArgMax(probabilities.AsSpan(r * k, k)))];
                Assert.Equal(predicted, onnx[M.PredictedIndexOutput]);
                break;
            default:
                OnnxRun.AssertClose(raw, onnx[M.ScoreOutput], name + " score");
                break;
        }
    }
}

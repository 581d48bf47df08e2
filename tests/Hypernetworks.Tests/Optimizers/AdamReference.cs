namespace Hypernetworks.Tests.Optimizers;

/// <summary>Adam as Kingma and Ba write it (bias-corrected m̂ and v̂), in float64, with both kinds of weight decay.</summary>
internal sealed class AdamReference(double[][] values, double learningRate, double beta1, double beta2, double epsilon, double l2Decay, double decoupledDecay)
{
    private readonly double[][] _m = values.Select(v => new double[v.Length]).ToArray();
    private readonly double[][] _v = values.Select(v => new double[v.Length]).ToArray();
    private int _t;

    public double[][] Values { get; } = values;

    public double LearningRate { get; set; } = learningRate;

    public void Step(double[][] gradients)
    {
        _t++;
        for (int i = 0; i < Values.Length; i++)
        {
            for (int j = 0; j < Values[i].Length; j++)
            {
                double p = Values[i][j] * (1 - (LearningRate * decoupledDecay));
                double g = gradients[i][j] + (l2Decay * Values[i][j]);
                _m[i][j] = (beta1 * _m[i][j]) + ((1 - beta1) * g);
                _v[i][j] = (beta2 * _v[i][j]) + ((1 - beta2) * g * g);
                double mHat = _m[i][j] / (1 - Math.Pow(beta1, _t));
                double vHat = _v[i][j] / (1 - Math.Pow(beta2, _t));
                Values[i][j] = p - (LearningRate * mHat / (Math.Sqrt(vHat) + epsilon));
            }
        }
    }
}

using Hypernetworks.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Hypernetworks.Benchmarks.Suites.Torch;

/// <summary>
/// The seed step written directly in TorchSharp, as torch_reference.py's seed_step: trunk, one linear head per
/// target tensor, the generated weights applied to each task's rows by bmm, cross-entropy, torch.optim.Adam. It knows
/// the task structure (4 × 75 rows), so it groups nothing; its batch comes from the same host arrays every step.
/// Starts from the given hypernetwork's parameters, so its losses follow the backend's.
/// </summary>
internal sealed class BareTorchSeedStep : IDisposable
{
    private readonly Parameter[] _p;
    private readonly Adam _adam;
    private readonly SeedWorkload _work;
    private readonly float[] _taskConditions;
    private readonly long[] _labels;

    public BareTorchSeedStep(Hypernetwork network, SeedWorkload work)
    {
        _work = work;
        _p = [.. network.Parameters.Select(p => nn.Parameter(tensor(p.Value.Span.ToArray(), [.. p.Shape.Select(d => (long)d)])))];
        _adam = optim.Adam(_p, 1e-3);
        _taskConditions = new float[SeedWorkload.Tasks * SeedWorkload.Pixels];
        for (int t = 0; t < SeedWorkload.Tasks; t++)
        {
            work.Conditioning.AsSpan(t * SeedWorkload.RowsPerTask * SeedWorkload.Pixels, SeedWorkload.Pixels).CopyTo(_taskConditions.AsSpan(t * SeedWorkload.Pixels));
        }

        _labels = [.. work.Labels.Select(l => (long)l)];
    }

    public float Step()
    {
        using DisposeScope scope = NewDisposeScope();
        const int T = SeedWorkload.Tasks, N = SeedWorkload.RowsPerTask, I = SeedWorkload.Pixels, H = SeedWorkload.Hidden, O = SeedWorkload.Ways;
        Tensor z = tensor(_taskConditions, [T, I]);
        Tensor x = tensor(_work.Data, [T, N, I]);
        Tensor y = tensor(_labels, [T * N]);
        Tensor e = nn.functional.relu(nn.functional.linear(nn.functional.relu(nn.functional.linear(z, _p[0], _p[1])), _p[2], _p[3]));
        Tensor w1 = nn.functional.linear(e, _p[4], _p[5]).view(T, H, I);
        Tensor b1 = nn.functional.linear(e, _p[6], _p[7]).view(T, 1, H);
        Tensor w2 = nn.functional.linear(e, _p[8], _p[9]).view(T, O, H);
        Tensor b2 = nn.functional.linear(e, _p[10], _p[11]).view(T, 1, O);
        Tensor hidden = nn.functional.relu(x.bmm(w1.transpose(1, 2)) + b1);
        Tensor logits = (hidden.bmm(w2.transpose(1, 2)) + b2).view(T * N, O);
        Tensor loss = nn.functional.cross_entropy(logits, y);
        _adam.zero_grad();
        loss.backward();
        _adam.step();
        return loss.item<float>();
    }

    public void Dispose()
    {
        _adam.Dispose();
        foreach (Parameter p in _p)
        {
            p.Dispose();
        }
    }
}

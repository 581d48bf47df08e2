using Hypernetworks.Layers;
using Hypernetworks.Model.Application;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// The target MLP run with generated parameters: dense layers W [out, in] and b, or low-rank U [out, r], V [in, r]
/// and b (applied as U·(Vᵀx), plus a learned base W₀·x when the spec has one), the target activation between
/// layers and none after the last.
/// </summary>
internal sealed class TorchTargetNetwork
{
    private readonly TargetLayout _layout;
    private readonly Activation _activation;
    private readonly Tensor[] _bases;
    private readonly int[] _firstTensor;

    public TorchTargetNetwork(TargetLayout layout, Activation activation, Tensor[] bases)
    {
        _layout = layout;
        _activation = activation;
        _bases = bases;
        _firstTensor = [.. Enumerable.Range(0, layout.Layers.Count).Select(l => layout.Tensors.ToList().FindIndex(t => t.Layer == l))];
    }

    /// <summary>outputs [rows, out] for x [rows, in] ordered by group; theta holds one [groups, length] tensor per layout tensor.</summary>
    public Tensor Forward(Tensor[] theta, Tensor x, GroupPlan plan)
    {
        long inSize = _layout.Layers[0].In;
        long outSize = _layout.Layers[^1].Out;
        if (plan.GatherPerRow)
        {
            Tensor[] perRow = [.. theta.Select(t => t.index_select(0, plan.RowGroups!))];
            return Apply(perRow, x.view(plan.Rows, 1, inSize)).reshape(plan.Rows, outSize);
        }

        if (plan.EqualSizes)
        {
            return Apply(theta, x.view(plan.Groups, plan.Sizes[0], inSize)).reshape(plan.Rows, outSize);
        }

        // Split once per tensor (a narrow's backward would fill a zero tensor of the whole θ for every group).
        Tensor[] rows = x.split([.. plan.Sizes.Select(s => (long)s)]);
        Tensor[][] perGroup = [.. theta.Select(t => t.split(1))];
        Tensor[] outputs = new Tensor[plan.Groups];
        for (int g = 0; g < plan.Groups; g++)
        {
            Tensor[] own = [.. perGroup.Select(pieces => pieces[g])];
            outputs[g] = Apply(own, rows[g].unsqueeze(0)).squeeze(0);
        }

        return cat(outputs);
    }

    /// <summary>x [groups, n, in] with one θ row per group → [groups, n, out].</summary>
    private Tensor Apply(Tensor[] theta, Tensor x)
    {
        long groups = x.shape[0];
        int last = _layout.Layers.Count - 1;
        for (int l = 0; l <= last; l++)
        {
            (int inSize, int outSize) = _layout.Layers[l];
            int first = _firstTensor[l];
            Tensor pre;
            if (_layout.LowRank)
            {
                int r = _layout.Rank(l);
                Tensor u = theta[first].view(groups, outSize, r);
                Tensor v = theta[first + 1].view(groups, inSize, r);
                Tensor bias = theta[first + 2].view(groups, 1, outSize);
                pre = x.bmm(v).bmm(u.transpose(1, 2)) + bias;
                if (_bases.Length > 0)
                {
                    pre = pre + x.matmul(_bases[l].t());
                }
            }
            else
            {
                Tensor weight = theta[first].view(groups, outSize, inSize);
                Tensor bias = theta[first + 1].view(groups, 1, outSize);
                pre = x.bmm(weight.transpose(1, 2)) + bias;
            }

            x = l < last ? TorchActivations.Apply(_activation, pre) : pre;
        }

        return x;
    }
}

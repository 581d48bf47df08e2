namespace Hypernetworks.Model.Application;

/// <summary>One generated target tensor: its place in a θ row, its shape and its initial variance.</summary>
/// <param name="Name">e.g. "layer0.weight".</param>
/// <param name="Layer">The target layer it belongs to.</param>
/// <param name="Offset">Offset of its first float in a θ row.</param>
/// <param name="Rows">Rows of the tensor (1 for a bias).</param>
/// <param name="Columns">Columns of the tensor.</param>
/// <param name="Variance">The variance hyperfan initialisation aims its values at.</param>
/// <param name="LayerWeightVariance">The target variance of its layer's weights (the Chunked generator scales zero-variance biases by it).</param>
/// <param name="FactorRank">r for a low-rank factor U or V (whose product, not itself, must reach the layer's variance), else 0.</param>
internal sealed record GeneratedTensor(string Name, int Layer, int Offset, int Rows, int Columns, float Variance, float LayerWeightVariance, int FactorRank = 0)
{
    public int Length => Rows * Columns;
}

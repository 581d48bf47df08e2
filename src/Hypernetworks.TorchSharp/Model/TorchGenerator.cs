using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>Maps encoded conditions z [groups, zSize] to the generated tensors, one [groups, length] tensor per layout tensor, in layout order.</summary>
internal abstract class TorchGenerator
{
    public abstract Tensor[] Generate(Tensor z);
}

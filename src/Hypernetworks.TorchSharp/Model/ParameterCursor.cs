using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// Hands out the device copies of a hypernetwork's parameters in the order the managed model lists them (encoder,
/// generator, target bases), checking each one's shape, so the libtorch model is built from the same state.
/// </summary>
internal sealed class ParameterCursor
{
    private readonly IReadOnlyList<Tensor> _tensors;
    private readonly IReadOnlyList<string> _names;
    private int _next;

    public ParameterCursor(IReadOnlyList<Tensor> tensors, IReadOnlyList<string> names)
    {
        _tensors = tensors;
        _names = names;
    }

    /// <summary>The next parameter, which must have <paramref name="shape"/>.</summary>
    public Tensor Next(params long[] shape)
    {
        if (_next >= _tensors.Count)
        {
            throw new InvalidOperationException($"The hypernetwork has {_tensors.Count} parameters; its libtorch model needs more. The two models' layouts disagree.");
        }

        Tensor tensor = _tensors[_next];
        if (!tensor.shape.SequenceEqual(shape))
        {
            throw new InvalidOperationException($"Parameter {_next} ('{_names[_next]}') has shape [{string.Join(", ", tensor.shape)}]; the libtorch model expects [{string.Join(", ", shape)}]. The two models' layouts disagree.");
        }

        _next++;
        return tensor;
    }

    /// <summary>Throws unless every parameter was handed out.</summary>
    public void CheckAllUsed()
    {
        if (_next != _tensors.Count)
        {
            throw new InvalidOperationException($"The libtorch model used {_next} of the hypernetwork's {_tensors.Count} parameters. The two models' layouts disagree.");
        }
    }
}

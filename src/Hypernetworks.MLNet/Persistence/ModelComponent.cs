namespace Hypernetworks.MLNet;

/// <summary>
/// One component (for example one fitted transformer) to save into a model archive: the type name its loader
/// is registered under in a <see cref="ModelComponentRegistry{T}"/>, and the action that writes its state.
/// </summary>
/// <param name="TypeName">The registered name that selects the loader; never a CLR type name to reflect on.</param>
/// <param name="Save">Writes the component's options and tensors into the context it is given.</param>
public sealed record ModelComponent(string TypeName, Action<ModelSaveContext> Save);

namespace Hypernetworks.MLNet;

/// <summary>
/// Something that can be written to a model file. A model file holds a flat, ordered list of components, so a
/// composite (a chain) gives the components of its parts, and a simple transformer gives one component whose
/// type name has a loader in <see cref="TransformerRegistry"/>.
/// </summary>
public interface ICanSaveModel
{
    /// <summary>The components this object is saved as, in order.</summary>
    IEnumerable<ModelComponent> GetModelComponents();
}

namespace Hypernetworks.MLNet.Data;

/// <summary>A column type whose values are made of several items (vectors).</summary>
public abstract class StructuredDataViewType : DataViewType
{
    /// <summary>Creates a structured type read as <paramref name="rawType"/>.</summary>
    protected StructuredDataViewType(Type rawType)
        : base(rawType)
    {
    }
}

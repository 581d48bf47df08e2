namespace Hypernetworks.MLNet.Data;

/// <summary>A column type whose values are single, immutable items (numbers, booleans, text, keys).</summary>
public abstract class PrimitiveDataViewType : DataViewType
{
    /// <summary>Creates a primitive type read as <paramref name="rawType"/>.</summary>
    protected PrimitiveDataViewType(Type rawType)
        : base(rawType)
    {
    }
}

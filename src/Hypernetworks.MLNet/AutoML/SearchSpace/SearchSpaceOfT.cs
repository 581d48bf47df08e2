using Microsoft.ML.SearchSpace;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// A search space read from ML.NET's <see cref="RangeAttribute"/>, <see cref="ChoiceAttribute"/> and
/// <see cref="BooleanChoiceAttribute"/> (namespace Microsoft.ML.SearchSpace) and our <see cref="LayerSizesAttribute"/>
/// on the public properties of an options class; a property whose class carries such attributes becomes a nested
/// search space. Properties without attributes are not swept.
/// </summary>
/// <typeparam name="T">The options class.</typeparam>
public sealed class SearchSpace<T> : SearchSpace
    where T : class, new()
{
    /// <summary>Creates the search space with the attributes' initial values as defaults.</summary>
    public SearchSpace()
        : this(null)
    {
    }

    /// <summary>Creates the search space with the values of <paramref name="defaults"/> as initial values.</summary>
    /// <param name="defaults">Options whose property values become the initial values; the attributes' when null.</param>
    public SearchSpace(T? defaults)
    {
        foreach (KeyValuePair<string, OptionBase> pair in SearchSpaceReflection.ReadOptions(typeof(T), defaults))
        {
            Add(pair.Key, pair.Value);
        }

        if (Count == 0)
        {
            throw new ArgumentException(
                $"{typeof(T).Name} has no public property marked [Range], [Choice], [BooleanChoice] or [LayerSizes].", nameof(defaults));
        }
    }

    /// <summary>Maps a feature-space point to an options object.</summary>
    /// <param name="feature">The point.</param>
    public T SampleOptions(ReadOnlySpan<double> feature) => SampleFromFeatureSpace(feature).AsType<T>();
}

using System.Collections;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// A bag of named options; itself an option, so search spaces nest. Its feature space is the
/// concatenation of its options' feature spaces in ordinal key order, so the layout does not depend on
/// the order options were added in.
/// </summary>
public class SearchSpace : OptionBase, IEnumerable<KeyValuePair<string, OptionBase>>
{
    private readonly SortedDictionary<string, OptionBase> options = new(StringComparer.Ordinal);

    /// <summary>Gets the number of options.</summary>
    public int Count => options.Count;

    /// <summary>Gets the option names in feature-space order.</summary>
    public IReadOnlyList<string> Keys => options.Keys.ToArray();

    /// <inheritdoc/>
    public override int FeatureSpaceDim => options.Values.Sum(option => option.FeatureSpaceDim);

    /// <inheritdoc/>
    public override IReadOnlyList<double> Default => options.Values.SelectMany(option => option.Default).ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<int?> DistinctValueCounts => options.Values.SelectMany(option => option.DistinctValueCounts).ToArray();

    /// <summary>Gets or sets the option with this name.</summary>
    /// <param name="key">The option's name.</param>
    public OptionBase this[string key]
    {
        get => options.TryGetValue(key, out OptionBase? option)
            ? option
            : throw new KeyNotFoundException($"The search space has no option named '{key}'.");
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            ArgumentNullException.ThrowIfNull(value);
            options[key] = value;
        }
    }

    /// <summary>Adds an option.</summary>
    /// <param name="key">The option's name (the property it sets).</param>
    /// <param name="option">The option.</param>
    public void Add(string key, OptionBase option)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(option);
        if (!options.TryAdd(key, option))
        {
            throw new ArgumentException($"The search space already has an option named '{key}'.", nameof(key));
        }
    }

    /// <summary>Removes an option, returning whether it was there.</summary>
    /// <param name="key">The option's name.</param>
    public bool Remove(string key) => options.Remove(key);

    /// <summary>Gets whether an option with this name exists.</summary>
    /// <param name="key">The option's name.</param>
    public bool ContainsKey(string key) => options.ContainsKey(key);

    /// <summary>Gets the coordinates of one option inside this space's feature vector.</summary>
    /// <param name="key">The option's name.</param>
    /// <returns>The first coordinate and the number of coordinates.</returns>
    public (int Offset, int Length) GetFeatureRange(string key)
    {
        int offset = 0;
        foreach (KeyValuePair<string, OptionBase> pair in options)
        {
            if (pair.Key == key)
            {
                return (offset, pair.Value.FeatureSpaceDim);
            }

            offset += pair.Value.FeatureSpaceDim;
        }

        throw new KeyNotFoundException($"The search space has no option named '{key}'.");
    }

    /// <inheritdoc/>
    public override Parameter SampleFromFeatureSpace(ReadOnlySpan<double> feature)
    {
        CheckFeature(feature, nameof(feature));
        Parameter parameter = Parameter.CreateNestedParameter();
        int offset = 0;
        foreach (KeyValuePair<string, OptionBase> pair in options)
        {
            int dim = pair.Value.FeatureSpaceDim;
            parameter[pair.Key] = pair.Value.SampleFromFeatureSpace(feature.Slice(offset, dim));
            offset += dim;
        }

        return parameter;
    }

    /// <inheritdoc/>
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var feature = new double[FeatureSpaceDim];
        int offset = 0;
        foreach (KeyValuePair<string, OptionBase> pair in options)
        {
            if (!parameter.ContainsKey(pair.Key))
            {
                throw new ArgumentException($"The parameter has no value for option '{pair.Key}'.", nameof(parameter));
            }

            double[] part = pair.Value.MappingToFeatureSpace(parameter[pair.Key]);
            part.CopyTo(feature, offset);
            offset += part.Length;
        }

        return feature;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, OptionBase>> GetEnumerator() => options.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

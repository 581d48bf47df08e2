namespace Hypernetworks.MLNet.AutoML;

/// <summary>One of a fixed list of values (numbers, strings, booleans, enum members).</summary>
public sealed class ChoiceOption : OptionBase
{
    private readonly Parameter[] choices;
    private readonly string[] choiceJson;
    private readonly double[] defaultFeature;

    /// <summary>Creates the option with the first value as the default.</summary>
    /// <param name="choices">The values to choose from.</param>
    public ChoiceOption(params object[] choices)
        : this(choices, null)
    {
    }

    /// <summary>Creates the option.</summary>
    /// <param name="choices">The values to choose from.</param>
    /// <param name="defaultChoice">The initial value (one of <paramref name="choices"/>); the first when null.</param>
    public ChoiceOption(object[] choices, object? defaultChoice)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length == 0)
        {
            throw new ArgumentException("A choice needs at least one value.", nameof(choices));
        }

        this.choices = new Parameter[choices.Length];
        choiceJson = new string[choices.Length];
        for (int i = 0; i < choices.Length; i++)
        {
            if (choices[i] is null)
            {
                throw new ArgumentException($"Choice {i} is null; choices must be values.", nameof(choices));
            }

            this.choices[i] = Parameter.FromObject(choices[i]);
            choiceJson[i] = this.choices[i].ToJson();
        }

        if (choiceJson.Distinct(StringComparer.Ordinal).Count() != choiceJson.Length)
        {
            throw new ArgumentException("The choices must be distinct.", nameof(choices));
        }

        int defaultIndex = defaultChoice is null ? 0 : IndexOf(Parameter.FromObject(defaultChoice));
        if (defaultIndex < 0)
        {
            throw new ArgumentException($"The default choice {defaultChoice} is not one of the choices.", nameof(defaultChoice));
        }

        DefaultIndex = defaultIndex;
        defaultFeature = FeatureSpaceDim == 0 ? [] : [ToFeature(defaultIndex)];
    }

    /// <summary>Gets the number of values.</summary>
    public int Count => choices.Length;

    /// <summary>Gets the index of the initial value.</summary>
    public int DefaultIndex { get; }

    /// <inheritdoc/>
    public override int FeatureSpaceDim => choices.Length > 1 ? 1 : 0;

    /// <inheritdoc/>
    public override IReadOnlyList<double> Default => defaultFeature;

    /// <inheritdoc/>
    public override IReadOnlyList<int?> DistinctValueCounts => FeatureSpaceDim == 0 ? [] : [choices.Length];

    /// <inheritdoc/>
    public override Parameter SampleFromFeatureSpace(ReadOnlySpan<double> feature)
    {
        CheckFeature(feature, nameof(feature));
        int index = FeatureSpaceDim == 0 ? 0 : Math.Min(choices.Length - 1, (int)Math.Floor(Clamp01(feature[0]) * choices.Length));
        return choices[index];
    }

    /// <summary>Maps a value to its feature-space point; a value that is not one of the choices (a first trial's given value) maps to the default choice's.</summary>
    /// <param name="parameter">The value.</param>
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        int index = IndexOf(parameter);
        return FeatureSpaceDim == 0 ? [] : [ToFeature(index < 0 ? DefaultIndex : index)];
    }

    private int IndexOf(Parameter value) => Array.IndexOf(choiceJson, value.ToJson());

    private double ToFeature(int index) => (index + 0.5) / choices.Length;
}

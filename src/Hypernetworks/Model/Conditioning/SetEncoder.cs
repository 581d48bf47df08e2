namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// A few-shot encoder: it turns a support set (labelled examples of <see cref="Ways"/> classes) into z. As a
/// conditioning row the support set is laid out class by class in label order, <see cref="Shots"/> examples each
/// ([Ways, Shots, ExampleSize]); <see cref="Encode"/> takes a support set of any size, as an adapted model needs.
/// </summary>
public abstract class SetEncoder : ConditioningEncoder
{
    private SupportSets? _fixedLayout;

    /// <summary>Creates the encoder for <paramref name="ways"/> classes of <paramref name="shots"/> examples of <paramref name="exampleSize"/> values.</summary>
    protected SetEncoder(int ways, int shots, int exampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ways, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shots);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exampleSize);
        Ways = ways;
        Shots = shots;
        ExampleSize = exampleSize;
    }

    /// <summary>Classes per support set.</summary>
    public int Ways { get; }

    /// <summary>Examples per class in a conditioning row.</summary>
    public int Shots { get; }

    /// <summary>Values per example.</summary>
    public int ExampleSize { get; }

    /// <inheritdoc />
    public override int InputSize => Ways * Shots * ExampleSize;

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> conditioning, int rows, Span<float> encoded)
    {
        SupportSets sets = FixedLayout(rows);
        EncodeSets(conditioning[..(sets.Examples * ExampleSize)], sets, encoded[..(rows * OutputSize)]);
    }

    /// <summary>
    /// z[OutputSize] for one support set: <paramref name="examples"/> [count, ExampleSize] with
    /// <paramref name="labels"/>[count] in [0, Ways); every class needs at least one example (any number).
    /// </summary>
    public void Encode(ReadOnlySpan<float> examples, ReadOnlySpan<int> labels, Span<float> z)
    {
        int count = labels.Length;
        if (examples.Length != count * ExampleSize)
        {
            throw new ArgumentException($"'examples' holds {examples.Length} values; {count} examples of {ExampleSize} need {count * ExampleSize}.", nameof(examples));
        }

        if (z.Length != OutputSize)
        {
            throw new ArgumentException($"'z' holds {z.Length} values; the encoder writes {OutputSize}.", nameof(z));
        }

        var perClass = new int[Ways];
        for (int i = 0; i < count; i++)
        {
            int label = labels[i];
            if (label < 0 || label >= Ways)
            {
                throw new ArgumentException($"Support example {i} has label {label}; expected a label in [0, {Ways}).", nameof(labels));
            }

            perClass[label]++;
        }

        int empty = Array.IndexOf(perClass, 0);
        if (empty >= 0)
        {
            throw new ArgumentException($"Support class {empty} has no example; every one of the {Ways} classes needs at least one.", nameof(labels));
        }

        int[] classes = labels.ToArray();
        EncodeSets(examples, new SupportSets(Ways, 1, count, i => classes[i]), z);
    }

    /// <summary>
    /// Encodes <see cref="SupportSets.Count"/> support sets whose examples are the rows of <paramref name="examples"/>;
    /// each example's set-and-class index (set × Ways + label) comes from <paramref name="sets"/>.
    /// </summary>
    private protected abstract void EncodeSets(ReadOnlySpan<float> examples, SupportSets sets, Span<float> encoded);

    /// <summary>The slots of <paramref name="rows"/> conditioning rows (kept while the row count repeats, so a warm step allocates nothing).</summary>
    private protected SupportSets FixedLayout(int rows)
    {
        if (_fixedLayout is null || _fixedLayout.Count != rows)
        {
            _fixedLayout = new SupportSets(Ways, rows, rows * Ways * Shots, example => example / Shots);
        }

        return _fixedLayout;
    }
}

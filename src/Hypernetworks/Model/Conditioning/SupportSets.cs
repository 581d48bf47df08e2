namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// Which support set and class each of a batch's examples belongs to: <see cref="SlotOf"/>(example) is set × ways +
/// label, and <see cref="Counts"/> holds every slot's number of examples.
/// </summary>
internal sealed class SupportSets
{
    private readonly Func<int, int> _slotOf;

    public SupportSets(int ways, int count, int examples, Func<int, int> slotOf)
    {
        Ways = ways;
        Count = count;
        Examples = examples;
        _slotOf = slotOf;
        Counts = new int[ways * count];
        for (int i = 0; i < examples; i++)
        {
            Counts[slotOf(i)]++;
        }
    }

    /// <summary>Classes per set.</summary>
    public int Ways { get; }

    /// <summary>Support sets.</summary>
    public int Count { get; }

    /// <summary>Examples over all sets.</summary>
    public int Examples { get; }

    /// <summary>Examples per slot (set × ways + label).</summary>
    public int[] Counts { get; }

    /// <summary>The slot (set × ways + label) of an example.</summary>
    public int SlotOf(int example) => _slotOf(example);
}

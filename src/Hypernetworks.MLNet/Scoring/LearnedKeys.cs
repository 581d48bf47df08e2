namespace Hypernetworks.MLNet.Scoring;

/// <summary>The conditioning keys a key-conditioned model has learned (a subset of its table), and the check of rows against them.</summary>
internal sealed class LearnedKeys
{
    private readonly bool[] _learned;

    /// <summary>Zero-based <paramref name="indices"/> of a table of <paramref name="keyCount"/> keys.</summary>
    public LearnedKeys(IReadOnlyList<int> indices, int keyCount)
    {
        _learned = new bool[keyCount];
        foreach (int index in indices)
        {
            _learned[index] = true;
        }

        Indices = [.. indices.Order()];
    }

    /// <summary>The learned zero-based keys, ascending.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>Throws, naming the key (1-based, as the column holds it), for a zero-based key that was not learned.</summary>
    public void Check(ReadOnlySpan<float> keys, string columnName)
    {
        foreach (float key in keys)
        {
            if (!_learned[(int)key])
            {
                throw new InvalidOperationException(
                    $"Column '{columnName}' holds key {(int)key + 1}, a task the hypernetwork has not learned: it was seen neither in training nor in a later Fit(newTaskData, previousModel). The model has learned keys {string.Join(", ", Indices.Select(k => k + 1))}.");
            }
        }
    }
}

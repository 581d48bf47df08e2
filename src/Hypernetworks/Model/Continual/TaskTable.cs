namespace Hypernetworks.Model.Continual;

/// <summary>Growing a hypernetwork's task-embedding table while keeping everything it has learned.</summary>
public static class TaskTable
{
    /// <summary>
    /// A new hypernetwork like <paramref name="network"/> whose Embedding encoder has <paramref name="keyCount"/>
    /// keys: every parameter and the chunked generator's scale are copied, the table's first rows too; the added
    /// rows are drawn N(0, 1) from <paramref name="seed"/>. <paramref name="network"/> is left as it was.
    /// </summary>
    public static Hypernetwork Grow(Hypernetwork network, int keyCount, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Spec.Encoder != ConditioningEncoderKind.Embedding)
        {
            throw new ArgumentException($"The hypernetwork's conditioning encoder is {network.Spec.Encoder}; only an Embedding table of task keys can grow.", nameof(network));
        }

        int current = network.Spec.EmbeddingCount;
        if (keyCount < current)
        {
            throw new ArgumentOutOfRangeException(nameof(keyCount), keyCount, $"The table already holds {current} keys; a grown table cannot hold fewer.");
        }

        var grown = new Hypernetwork(network.Spec.WithEmbeddingCount(keyCount), seed);
        network.CopyStateTo(grown);
        return grown;
    }
}

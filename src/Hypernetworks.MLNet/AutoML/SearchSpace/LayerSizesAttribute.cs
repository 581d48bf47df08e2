namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// Marks an <c>int[]</c> property of an options class as hidden layer sizes: a depth and one width per
/// layer (see <see cref="LayerSizesOption"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class LayerSizesAttribute : Attribute
{
    /// <summary>Declares the sizes.</summary>
    /// <param name="minDepth">The fewest layers.</param>
    /// <param name="maxDepth">The most layers.</param>
    /// <param name="minWidth">The smallest width.</param>
    /// <param name="maxWidth">The largest width.</param>
    /// <param name="initDepth">The initial depth.</param>
    /// <param name="initWidth">The initial width of every layer.</param>
    /// <param name="logBase">Whether widths are uniform in log scale.</param>
    public LayerSizesAttribute(int minDepth, int maxDepth, int minWidth, int maxWidth, int initDepth, int initWidth, bool logBase = true)
    {
        MinDepth = minDepth;
        MaxDepth = maxDepth;
        MinWidth = minWidth;
        MaxWidth = maxWidth;
        InitDepth = initDepth;
        InitWidth = initWidth;
        LogBase = logBase;
    }

    /// <summary>Gets the fewest layers.</summary>
    public int MinDepth { get; }

    /// <summary>Gets the most layers.</summary>
    public int MaxDepth { get; }

    /// <summary>Gets the smallest width.</summary>
    public int MinWidth { get; }

    /// <summary>Gets the largest width.</summary>
    public int MaxWidth { get; }

    /// <summary>Gets the initial depth.</summary>
    public int InitDepth { get; }

    /// <summary>Gets the initial width of every layer.</summary>
    public int InitWidth { get; }

    /// <summary>Gets whether widths are uniform in log scale.</summary>
    public bool LogBase { get; }
}

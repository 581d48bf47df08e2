namespace Hypernetworks.MLNet.AutoML;

/// <summary>Marks a numeric property of an options class as a range of a search space.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class RangeAttribute : Attribute
{
    /// <summary>Declares an integer range.</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    /// <param name="init">The initial value.</param>
    /// <param name="logBase">Whether values are uniform in log scale.</param>
    public RangeAttribute(int min, int max, int init, bool logBase = false)
        : this((double)min, max, init, logBase) => IsInteger = true;

    /// <summary>Declares a single-precision range.</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    /// <param name="init">The initial value.</param>
    /// <param name="logBase">Whether values are uniform in log scale.</param>
    public RangeAttribute(float min, float max, float init, bool logBase = false)
        : this((double)min, max, init, logBase)
    {
    }

    /// <summary>Declares a double-precision range.</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    /// <param name="init">The initial value.</param>
    /// <param name="logBase">Whether values are uniform in log scale.</param>
    public RangeAttribute(double min, double max, double init, bool logBase = false)
    {
        Min = min;
        Max = max;
        Init = init;
        LogBase = logBase;
    }

    /// <summary>Gets the smallest value.</summary>
    public double Min { get; }

    /// <summary>Gets the largest value.</summary>
    public double Max { get; }

    /// <summary>Gets the initial value.</summary>
    public double Init { get; }

    /// <summary>Gets whether values are uniform in log scale.</summary>
    public bool LogBase { get; }

    /// <summary>Gets whether the range was declared with integers.</summary>
    public bool IsInteger { get; }
}

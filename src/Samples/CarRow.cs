namespace Hypernetworks.Samples;

/// <summary>One car of the cars table (Debian's python3-vega-datasets): what it is, and its fuel economy as the label.</summary>
public sealed class CarRow
{
    /// <summary>Where it was made: USA, Europe or Japan.</summary>
    public string Origin { get; set; } = string.Empty;

    /// <summary>The number of cylinders.</summary>
    public float Cylinders { get; set; }

    /// <summary>Engine power in horsepower.</summary>
    public float Horsepower { get; set; }

    /// <summary>Weight in pounds.</summary>
    public float Weight { get; set; }

    /// <summary>Engine displacement in cubic inches.</summary>
    public float Displacement { get; set; }

    /// <summary>Seconds from 0 to 60 mph.</summary>
    public float Acceleration { get; set; }

    /// <summary>The model year.</summary>
    public float Year { get; set; }

    /// <summary>Miles per gallon: the label.</summary>
    public float Label { get; set; }
}

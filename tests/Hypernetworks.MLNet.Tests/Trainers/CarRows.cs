namespace Hypernetworks.MLNet.Tests.Trainers;

/// <summary>A small cars table in the shape of the example: the origin and cylinders condition the fuel use of horsepower and weight.</summary>
public sealed class CarRow
{
    public string Origin { get; set; } = "";

    public float Cylinders { get; set; }

    public float Horsepower { get; set; }

    public float Weight { get; set; }

    public float Label { get; set; }

    /// <summary>Rows whose label depends on the features through weights that change with origin and cylinders.</summary>
    public static List<CarRow> Make(int count, int seed)
    {
        string[] origins = ["USA", "Europe", "Japan"];
        var random = new Random(seed);
        var rows = new List<CarRow>(count);
        for (int i = 0; i < count; i++)
        {
            int origin = random.Next(3);
            float cylinders = 4 + (2 * random.Next(3));
            float horsepower = 60 + (150 * (float)random.NextDouble());
            float weight = 1800 + (2500 * (float)random.NextDouble());
            float slope = (origin - 1) * 0.5f + ((cylinders - 6) * 0.2f);
            float label = 30 + (slope * (horsepower - 135) / 40) - ((1 + (origin * 0.3f)) * (weight - 3000) / 800);
            rows.Add(new CarRow { Origin = origins[origin], Cylinders = cylinders, Horsepower = horsepower, Weight = weight, Label = label });
        }

        return rows;
    }
}

public sealed class CarPrediction
{
    public float Score { get; set; }
}

using System.Globalization;
using System.Text.Json;

namespace Hypernetworks.Samples;

/// <summary>Reads the cars table that Debian's python3-vega-datasets installs (406 cars; those without a fuel economy or horsepower are left out).</summary>
public static class CarsDataset
{
    /// <summary>Where the package installs the table.</summary>
    public const string DefaultPath = "/usr/lib/python3/dist-packages/vega_datasets/_data/cars.json";

    /// <summary>The one command that installs the table.</summary>
    public const string InstallCommand = "sudo apt-get install python3-vega-datasets";

    /// <summary>Reads the table, or returns null when it is not installed.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The cars with every value known, or null when the file does not exist.</returns>
    public static List<CarRow>? TryLoad(string path = DefaultPath)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using FileStream stream = File.OpenRead(path);
        using JsonDocument document = JsonDocument.Parse(stream);
        var cars = new List<CarRow>();
        foreach (JsonElement car in document.RootElement.EnumerateArray())
        {
            float? mpg = Number(car, "Miles_per_Gallon");
            float? horsepower = Number(car, "Horsepower");
            if (mpg is null || horsepower is null)
            {
                continue;
            }

            cars.Add(new CarRow
            {
                Origin = car.GetProperty("Origin").GetString() ?? string.Empty,
                Cylinders = Number(car, "Cylinders") ?? 0,
                Horsepower = horsepower.Value,
                Weight = Number(car, "Weight_in_lbs") ?? 0,
                Displacement = Number(car, "Displacement") ?? 0,
                Acceleration = Number(car, "Acceleration") ?? 0,
                Year = DateTime.Parse(car.GetProperty("Year").GetString() ?? "1970-01-01", CultureInfo.InvariantCulture).Year,
                Label = mpg.Value,
            });
        }

        return cars;
    }

    private static float? Number(JsonElement car, string name) =>
        car.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetSingle() : null;
}

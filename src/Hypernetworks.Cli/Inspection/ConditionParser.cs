using System.Globalization;
using System.Text;
using Hypernetworks.Cli.Commands;
using Hypernetworks.Cli.Data;
using Hypernetworks.Cli.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Cli.Inspection;

/// <summary>
/// Turns <c>--condition</c> into what the hypernetwork reads. Either input columns by name
/// (<c>task=T3</c> or <c>amp=2,phase=0.5</c>), run through the model's own stock transforms; or the conditioning
/// vector itself as comma-separated numbers (after one-hot encoding and concatenation), or a key (1-based) for a
/// model conditioned on a key.
/// </summary>
internal static class ConditionParser
{
    /// <summary>The conditioning of <paramref name="text"/>: a vector, or a key when the model is key-conditioned.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="model">The loaded model.</param>
    /// <param name="text">The --condition value.</param>
    public static (float[]? Vector, uint Key) Parse(MLContext mlContext, ModelFile model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return text.Contains('=', StringComparison.Ordinal) ? FromColumns(mlContext, model, text) : FromNumbers(model, text);
    }

    private static (float[]? Vector, uint Key) FromNumbers(ModelFile model, string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (model.Hypernetwork.IsKeyConditioned)
        {
            return parts.Length == 1 && uint.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out uint key)
                ? (null, key)
                : throw CliException.InvalidInput($"--condition '{text}': the model is conditioned on a key; give a key (1-based) or the input column as NAME=VALUE.");
        }

        var values = new float[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw CliException.InvalidInput($"--condition '{text}': '{parts[i]}' is not a number; give the conditioning vector as numbers or input columns as NAME=VALUE.");
            }
        }

        return (values, 0);
    }

    private static (float[]? Vector, uint Key) FromColumns(MLContext mlContext, ModelFile model, string text)
    {
        string[] columns = [.. model.InputSchema.Where(c => !c.IsHidden).Select(c => c.Name)];
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = equals > 0 ? pair[..equals].Trim() : throw CliException.InvalidInput($"--condition: '{pair}' is not NAME=VALUE.");
            if (!columns.Contains(name))
            {
                throw CliException.InvalidInput($"--condition: the model has no input column '{name}'. Its input columns are: {string.Join(", ", columns)}.");
            }

            given[name] = pair[(equals + 1)..].Trim();
        }

        string csv = Path.Combine(Path.GetTempPath(), $"hypernet-condition-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(csv, string.Join(',', columns.Select(Quote)) + "\n" + string.Join(',', columns.Select(c => Quote(given.GetValueOrDefault(c, string.Empty)))) + "\n", Encoding.UTF8);
            IDataView row = ModelInputLoader.Load(mlContext, CsvTable.Read(csv), model.InputSchema);
            IDataView transformed = ModelParts.Prefix(model.Model).Transform(row);
            DataViewSchema.Column column = transformed.Schema[model.Hypernetwork.ConditioningColumnName];
            using DataViewRowCursor cursor = transformed.GetRowCursor([column]);
            cursor.MoveNext();
            if (model.Hypernetwork.IsKeyConditioned)
            {
                uint key = 0;
                cursor.GetGetter<uint>(column)(ref key);
                return key > 0 ? (null, key) : throw CliException.InvalidInput($"--condition '{text}': that value was not seen in training, so the model has no network for it.");
            }

            VBuffer<float> vector = default;
            cursor.GetGetter<VBuffer<float>>(column)(ref vector);
            float[] values = [.. vector.DenseValues()];
            return values.All(float.IsFinite)
                ? (values, 0u)
                : throw CliException.InvalidInput($"--condition '{text}' leaves part of the conditioning unset; give every conditioning column.");
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

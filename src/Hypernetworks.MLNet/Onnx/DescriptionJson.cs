using System.Text;
using System.Text.Json;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// A <see cref="HypernetworkGraphDescription"/> as the JSON kept in a graph's metadata_props. The means and scales are
/// not in it (they are initializers); it says only whether they are present.
/// </summary>
internal static class DescriptionJson
{
    private const string What = "column description";
    private const string ConditioningStandardized = "ConditioningStandardized";
    private const string FeaturesStandardized = "FeaturesStandardized";

    public static string Write(HypernetworkGraphDescription d)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString(nameof(d.Task), d.Task.ToString());
            w.WriteString(nameof(d.ConditioningColumnName), d.ConditioningColumnName);
            w.WriteString(nameof(d.FeatureColumnName), d.FeatureColumnName);
            w.WriteString(nameof(d.LabelColumnName), d.LabelColumnName);
            w.WriteNumber(nameof(d.ConditioningSize), d.ConditioningSize);
            w.WriteNumber(nameof(d.ConditioningKeyCount), d.ConditioningKeyCount);
            w.WriteNumber(nameof(d.FeatureSize), d.FeatureSize);
            w.WriteNumber(nameof(d.ClassCount), d.ClassCount);
            w.WriteBoolean(ConditioningStandardized, d.ConditioningMean is not null);
            w.WriteBoolean(FeaturesStandardized, d.FeatureMean is not null);
            if (d.ClassNames is null)
            {
                w.WriteNull(nameof(d.ClassNames));
            }
            else
            {
                w.WriteStartArray(nameof(d.ClassNames));
                foreach (string name in d.ClassNames)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }

            if (d.LabelKeyValueType is null)
            {
                w.WriteNull(nameof(d.LabelKeyValueType));
            }
            else
            {
                w.WriteString(nameof(d.LabelKeyValueType), d.LabelKeyValueType);
            }

            if (d.LearnedKeys is not null)
            {
                w.WriteStartArray(nameof(d.LearnedKeys));
                foreach (int key in d.LearnedKeys)
                {
                    w.WriteNumberValue(key);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Reads the description; standardised columns get zero-filled means and scales of their width, for the caller
    /// to fill from the initializers.
    /// </summary>
    public static HypernetworkGraphDescription Read(string json)
    {
        using JsonDocument document = JsonFields.Parse(json, What);
        JsonElement root = document.RootElement;
        int conditioningSize = JsonFields.Int(root, nameof(HypernetworkGraphDescription.ConditioningSize), What);
        int featureSize = JsonFields.Int(root, nameof(HypernetworkGraphDescription.FeatureSize), What);
        bool conditioningStandardized = JsonFields.Bool(root, ConditioningStandardized, What);
        bool featuresStandardized = JsonFields.Bool(root, FeaturesStandardized, What);
        Check(!conditioningStandardized || conditioningSize is > 0 and <= GraphLimits.MaxWidth, nameof(HypernetworkGraphDescription.ConditioningSize), conditioningSize);
        Check(!featuresStandardized || featureSize is > 0 and <= GraphLimits.MaxWidth, nameof(HypernetworkGraphDescription.FeatureSize), featureSize);
        List<string>? classNames = null;
        if (root.TryGetProperty(nameof(HypernetworkGraphDescription.ClassNames), out JsonElement names) && names.ValueKind != JsonValueKind.Null)
        {
            classNames = [];
            foreach (JsonElement name in JsonFields.Array(root, nameof(HypernetworkGraphDescription.ClassNames), What).EnumerateArray())
            {
                classNames.Add(name.ValueKind == JsonValueKind.String ? name.GetString()! : throw new HypernetworkModelFormatException("The graph's column description field 'ClassNames' holds a value that is not a string."));
            }
        }

        List<int>? learnedKeys = null;
        if (root.TryGetProperty(nameof(HypernetworkGraphDescription.LearnedKeys), out _))
        {
            learnedKeys = [];
            foreach (JsonElement key in JsonFields.Array(root, nameof(HypernetworkGraphDescription.LearnedKeys), What, GraphLimits.MaxWidth).EnumerateArray())
            {
                learnedKeys.Add(JsonFields.Element(key, nameof(HypernetworkGraphDescription.LearnedKeys), What));
            }
        }

        return new HypernetworkGraphDescription
        {
            Task = JsonFields.Enum<HypernetworkTask>(root, nameof(HypernetworkGraphDescription.Task), What),
            ConditioningColumnName = JsonFields.String(root, nameof(HypernetworkGraphDescription.ConditioningColumnName), What),
            FeatureColumnName = JsonFields.String(root, nameof(HypernetworkGraphDescription.FeatureColumnName), What),
            LabelColumnName = JsonFields.String(root, nameof(HypernetworkGraphDescription.LabelColumnName), What),
            ConditioningSize = conditioningSize,
            ConditioningKeyCount = JsonFields.Int(root, nameof(HypernetworkGraphDescription.ConditioningKeyCount), What),
            FeatureSize = featureSize,
            ClassCount = JsonFields.Int(root, nameof(HypernetworkGraphDescription.ClassCount), What),
            ConditioningMean = conditioningStandardized ? new float[conditioningSize] : null,
            ConditioningScale = conditioningStandardized ? new float[conditioningSize] : null,
            FeatureMean = featuresStandardized ? new float[featureSize] : null,
            FeatureScale = featuresStandardized ? new float[featureSize] : null,
            ClassNames = classNames,
            LabelKeyValueType = JsonFields.NullableString(root, nameof(HypernetworkGraphDescription.LabelKeyValueType), What),
            LearnedKeys = learnedKeys,
        };
    }

    private static void Check(bool condition, string field, int value)
    {
        if (!condition)
        {
            throw new HypernetworkModelFormatException($"The graph's column description field '{field}' is {value}; expected a width in [1, {GraphLimits.MaxWidth}].");
        }
    }
}

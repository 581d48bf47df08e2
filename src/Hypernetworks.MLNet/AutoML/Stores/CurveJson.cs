using System.Text.Json;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>Learning curves as JSON text in the database stores: [[epoch, metric], ...].</summary>
internal static class CurveJson
{
    public static string Write(IReadOnlyList<IntermediateMetric> curve) =>
        JsonSerializer.Serialize(curve.Select(point => new[] { point.Epoch, point.Metric }), ParameterJson.Options);

    public static IReadOnlyList<IntermediateMetric> Read(string json) =>
        (JsonSerializer.Deserialize<double[][]>(json, ParameterJson.Options) ?? [])
            .Select(pair => new IntermediateMetric((int)pair[0], pair[1]))
            .ToArray();
}

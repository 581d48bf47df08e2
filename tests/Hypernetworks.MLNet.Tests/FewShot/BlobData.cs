using Hypernetworks.Initialization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.FewShot;

/// <summary>Classes as Gaussian blobs around random centres in a small feature space; each class has its own name.</summary>
internal static class BlobData
{
    public const int Size = 8;

    /// <summary>
    /// Rows of <paramref name="classes"/> blobs; <paramref name="nuisance"/> adds Gaussian noise of that deviation to
    /// the last feature of every row, a direction in which every class varies alike.
    /// </summary>
    public static IDataView Make(MLContext mlContext, string prefix, int classes, int perClass, ulong seed, float noise = 0.35f, float nuisance = 0f)
    {
        var random = new SeededRandom(seed);
        var rows = new List<BlobRow>();
        for (int c = 0; c < classes; c++)
        {
            float[] centre = [.. Enumerable.Range(0, Size).Select(_ => random.NextGaussian())];
            for (int i = 0; i < perClass; i++)
            {
                float[] features = [.. centre.Select(v => v + (noise * random.NextGaussian()))];
                if (nuisance > 0)
                {
                    features[^1] += nuisance * random.NextGaussian();
                }

                rows.Add(new BlobRow { Class = $"{prefix}{c}", Features = features });
            }
        }

        // Interleave the classes, as real data is not sorted by class.
        BlobRow[] shuffled = [.. rows];
        random.Shuffle<BlobRow>(shuffled);
        return mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(BlobRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(shuffled)).Transform(mlContext.Data.LoadFromEnumerable(shuffled));
    }

    /// <summary>The first <paramref name="count"/> rows of each class, and the rest.</summary>
    public static (IDataView Support, IDataView Queries) Split(MLContext mlContext, IDataView data, int count)
    {
        BlobRow[] rows = [.. mlContext.Data.CreateEnumerable<BlobRow>(data, reuseRowObject: false)];
        var support = rows.GroupBy(r => r.Class).SelectMany(g => g.Take(count)).ToArray();
        var queries = rows.GroupBy(r => r.Class).SelectMany(g => g.Skip(count)).ToArray();
        var key = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(BlobRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(rows));
        return (key.Transform(mlContext.Data.LoadFromEnumerable(support)), key.Transform(mlContext.Data.LoadFromEnumerable(queries)));
    }
}

/// <summary>A row of <see cref="BlobData"/>.</summary>
public sealed class BlobRow
{
    /// <summary>The class name.</summary>
    public string Class { get; set; } = "";

    /// <summary>The features.</summary>
    [VectorType(BlobData.Size)]
    public float[] Features { get; set; } = [];
}

/// <summary>A scored row.</summary>
public sealed class BlobPrediction
{
    /// <summary>The class name of the predicted key.</summary>
    public string PredictedClass { get; set; } = "";

    /// <summary>The class probabilities.</summary>
    public float[] Score { get; set; } = [];
}

using Hypernetworks.MLNet;
using Hypernetworks.Model.FewShot;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.FewShot;

public sealed class FewShotEpisodesTests
{
    [Fact]
    public void Episodes_NeverMixMetaTrainAndMetaTestClasses()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "c", classes: 10, perClass: 12, seed: 3);
        (int[] metaTrain, int[] metaTest) = FewShotEpisodes.SplitClasses(10, 4, seed: 7);
        var options = new EpisodeOptions { Ways = 3, Shots = 2, Queries = 4, Seed = 5 };
        var train = new FewShotEpisodes(mlContext, data, "Features", "Label", options, metaTrain);
        var test = new FewShotEpisodes(mlContext, data, "Features", "Label", options, metaTest);
        string[] keyNames = KeyNames(data);

        Assert.Empty(metaTrain.Intersect(metaTest));
        Assert.Equal(10, metaTrain.Length + metaTest.Length);
        for (int e = 0; e < 30; e++)
        {
            foreach ((FewShotEpisodes sampler, int[] allowed) in new[] { (train, metaTrain), (test, metaTest) })
            {
                FewShotEpisode episode = sampler.Next();
                string[] classes = [.. Classes(mlContext, episode.Support).Concat(Classes(mlContext, episode.Queries))];
                Assert.All(classes, name => Assert.Contains(Array.IndexOf(keyNames, name), allowed));
                Assert.Equal(3, classes.Distinct().Count());
                Assert.Equal(episode.Classes.Order(), classes.Distinct().Order());
                Assert.Equal(6, episode.Support.GetRowCount() ?? Classes(mlContext, episode.Support).Length);
            }
        }
    }

    [Fact]
    public void Constructor_RejectsAugmentations()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "c", classes: 4, perClass: 6, seed: 3);

        var error = Assert.Throws<ArgumentException>(() => new FewShotEpisodes(mlContext, data, "Features", "Label", new EpisodeOptions { Augmentations = ImageAugmentations.Flips, ImageWidth = 2 }));

        Assert.Contains("must be None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ThrowsNamingAClassWithNoRow()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "c", classes: 4, perClass: 6, seed: 3);

        var error = Assert.Throws<ArgumentException>(() => new FewShotEpisodes(mlContext, data, "Features", "Label", new EpisodeOptions { Ways = 2, Shots = 1, Queries = 1 }, [0, 9]));

        Assert.Contains("Class key 9 has no row", error.Message, StringComparison.Ordinal);
    }

    private static string[] Classes(MLContext mlContext, IDataView view)
    {
        IDataView names = mlContext.Transforms.Conversion.MapKeyToValue("Name", "Label").Fit(view).Transform(view);
        return [.. names.GetColumn<string>("Name")];
    }

    private static string[] KeyNames(IDataView data)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        data.Schema["Label"].GetKeyValues(ref values);
        return [.. values.DenseValues().Select(v => v.ToString())];
    }
}

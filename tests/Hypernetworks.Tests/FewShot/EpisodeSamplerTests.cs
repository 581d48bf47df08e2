using Hypernetworks.Model.FewShot;

namespace Hypernetworks.Tests.FewShot;

public class EpisodeSamplerTests
{
    private const int Side = 3;
    private const int Size = Side * Side;

    [Fact]
    public void Sample_NeverMixesMetaTrainAndMetaTestClasses()
    {
        (float[] examples, int[] classes) = Data(classCount: 10, perClass: 8);
        int[] metaTrain = [0, 1, 4, 5, 9];
        int[] metaTest = [2, 3, 6, 7, 8];
        var options = new EpisodeOptions { Ways = 3, Shots = 2, Queries = 3, Augmentations = ImageAugmentations.Rotations, ImageWidth = Side, Seed = 3 };
        var train = new EpisodeSampler(examples, Size, classes, metaTrain, options);
        var test = new EpisodeSampler(examples, Size, classes, metaTest, options);

        for (int e = 0; e < 300; e++)
        {
            Episode trainEpisode = train.Sample();
            Episode testEpisode = test.Sample();
            Assert.All(trainEpisode.Support.Concat(trainEpisode.Queries), row => Assert.Contains(classes[row], metaTrain));
            Assert.All(testEpisode.Support.Concat(testEpisode.Queries), row => Assert.Contains(classes[row], metaTest));
            Assert.All(trainEpisode.Classes, c => Assert.Contains(train.DataClassOf(c), metaTrain));
        }
    }

    [Fact]
    public void Sample_DrawsDistinctClassesAndExamplesOfTheirLabel()
    {
        (float[] examples, int[] classes) = Data(classCount: 6, perClass: 7);
        var sampler = new EpisodeSampler(examples, Size, classes, [0, 1, 2, 3, 4, 5], new EpisodeOptions { Ways = 4, Shots = 2, Queries = 5, Seed = 1 });

        for (int e = 0; e < 100; e++)
        {
            Episode episode = sampler.Sample();
            Assert.Equal(4, episode.Classes.Distinct().Count());
            Assert.Equal(episode.Support.Length + episode.Queries.Length, episode.Support.Concat(episode.Queries).Distinct().Count());
            for (int i = 0; i < episode.Support.Length; i++)
            {
                Assert.Equal(sampler.DataClassOf(episode.Classes[i / 2]), classes[episode.Support[i]]);
            }

            for (int i = 0; i < episode.Queries.Length; i++)
            {
                Assert.Equal(sampler.DataClassOf(episode.Classes[i / 5]), classes[episode.Queries[i]]);
            }
        }
    }

    [Fact]
    public void Sample_IsSeeded()
    {
        (float[] examples, int[] classes) = Data(classCount: 5, perClass: 6);
        var options = new EpisodeOptions { Ways = 3, Shots = 1, Queries = 2, Seed = 42 };
        var a = new EpisodeSampler(examples, Size, classes, [0, 1, 2, 3, 4], options);
        var b = new EpisodeSampler(examples, Size, classes, [0, 1, 2, 3, 4], options);

        for (int e = 0; e < 20; e++)
        {
            Episode x = a.Sample();
            Episode y = b.Sample();
            Assert.Equal(x.Classes, y.Classes);
            Assert.Equal(x.Support, y.Support);
            Assert.Equal(x.Queries, y.Queries);
        }
    }

    [Fact]
    public void Augmentations_MakeRotatedAndMirroredClasses()
    {
        float[] image = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var sampler = new EpisodeSampler(image.Concat(image).Concat(image).ToArray(), Size, [0, 0, 0], [0],
            new EpisodeOptions { Ways = 2, Shots = 1, Queries = 1, Augmentations = ImageAugmentations.Rotations | ImageAugmentations.Flips, ImageWidth = Side });
        var rotated = new float[Size];

        Assert.Equal(8, sampler.ClassCount);
        sampler.CopyExample(0, 0, rotated);
        Assert.Equal(image, rotated);
        sampler.CopyExample(0, 1, rotated);
        Assert.Equal([3f, 6, 9, 2, 5, 8, 1, 4, 7], rotated); // 90° counter-clockwise
        sampler.CopyExample(0, 2, rotated);
        Assert.Equal([9f, 8, 7, 6, 5, 4, 3, 2, 1], rotated);
        sampler.CopyExample(0, 4, rotated);
        Assert.Equal([3f, 2, 1, 6, 5, 4, 9, 8, 7], rotated); // mirrored left to right
    }

    [Fact]
    public void NextBatch_ConditionsEveryQueryOnItsEpisodesSupportSet()
    {
        (float[] examples, int[] classes) = Data(classCount: 4, perClass: 5);
        var options = new EpisodeOptions { Ways = 2, Shots = 2, Queries = 3, EpisodesPerBatch = 2, BatchesPerEpoch = 1, Seed = 5 };
        var sampler = new EpisodeSampler(examples, Size, classes, [0, 1, 2, 3], options);
        int width = 2 * 2 * Size;
        var conditioning = new float[options.BatchRows * width];
        var data = new float[options.BatchRows * Size];
        var labels = new float[options.BatchRows];

        sampler.BeginEpoch(0);
        int rows = sampler.NextBatch(options.BatchRows, conditioning, data, labels);

        Assert.Equal(12, rows);
        Assert.Equal(0, sampler.NextBatch(options.BatchRows, conditioning, data, labels));
        for (int row = 0; row < rows; row++)
        {
            int label = (int)labels[row];
            Assert.Equal((row % 6) / 3, label);
            // Examples encode their class in their values: the query's class is the class of its label's support block.
            float queryClass = data[row * Size];
            float supportClass = conditioning[(row * width) + (label * 2 * Size)];
            Assert.Equal(supportClass, queryClass);
        }
    }

    [Fact]
    public void Constructor_ThrowsNamingAClassWithTooFewExamples()
    {
        (float[] examples, int[] classes) = Data(classCount: 3, perClass: 4);

        var error = Assert.Throws<ArgumentException>(() => new EpisodeSampler(examples, Size, classes, [0, 1, 2], new EpisodeOptions { Ways = 2, Shots = 2, Queries = 3 }));

        Assert.Contains("Class 0 has 4 examples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RejectAugmentationsOfNonSquareExamples()
    {
        (float[] examples, int[] classes) = Data(classCount: 3, perClass: 4);

        var error = Assert.Throws<ArgumentException>(() => new EpisodeSampler(examples, Size, classes, [0, 1, 2], new EpisodeOptions { Ways = 2, Shots = 1, Queries = 1, Augmentations = ImageAugmentations.Flips, ImageWidth = 4 }));

        Assert.Contains("EpisodeOptions.ImageWidth", error.Message, StringComparison.Ordinal);
    }

    /// <summary>perClass examples of each class whose every value is the class id (so a copy shows where it came from).</summary>
    private static (float[] Examples, int[] Classes) Data(int classCount, int perClass)
    {
        int rows = classCount * perClass;
        var examples = new float[rows * Size];
        var classes = new int[rows];
        for (int row = 0; row < rows; row++)
        {
            classes[row] = row % classCount;
            examples.AsSpan(row * Size, Size).Fill(classes[row]);
        }

        return (examples, classes);
    }
}

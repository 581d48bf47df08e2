using Hypernetworks.Benchmarks.Suites;

namespace Hypernetworks.Samples;

/// <summary>Fashion-MNIST as installed by the Debian package dataset-fashion-mnist, split into five two-class tasks.</summary>
public static class SplitFashionData
{
    /// <summary>The number of tasks.</summary>
    public const int Tasks = 5;

    /// <summary>Pixels per image.</summary>
    public const int Pixels = 784;

    /// <summary>Where the package installs the files.</summary>
    public const string Directory = FashionMnist.Directory;

    /// <summary>The class names, by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Whether the training images are installed.</summary>
    public static bool IsInstalled => FashionMnist.IsInstalled;

    /// <summary>The rows of every task of the training (or the test) split, by task.</summary>
    public static List<SplitFashionRow>[] Load(bool test)
    {
        (float[] images, byte[] labels) = FashionMnist.Load(test);
        var tasks = Enumerable.Range(0, Tasks).Select(_ => new List<SplitFashionRow>()).ToArray();
        for (int i = 0; i < labels.Length; i++)
        {
            float[] image = images.AsSpan(i * Pixels, Pixels).ToArray();

            tasks[labels[i] / 2].Add(new SplitFashionRow { Task = (uint)(labels[i] / 2), Features = image, Label = (uint)(labels[i] % 2) });
        }

        return tasks;
    }
}

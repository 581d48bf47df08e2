using System.Buffers.Binary;
using System.IO.Compression;

namespace Hypernetworks.Samples;

/// <summary>Fashion-MNIST as installed by the Debian package dataset-fashion-mnist, split into five two-class tasks.</summary>
public static class SplitFashionData
{
    /// <summary>The number of tasks.</summary>
    public const int Tasks = 5;

    /// <summary>Pixels per image.</summary>
    public const int Pixels = 784;

    /// <summary>Where the package installs the files.</summary>
    public const string Directory = "/usr/share/datasets/fashion-mnist/";

    /// <summary>The class names, by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Whether the training images are installed.</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "train-images-idx3-ubyte.gz"));

    /// <summary>The rows of every task of the training (or the test) split, by task.</summary>
    public static List<SplitFashionRow>[] Load(bool test)
    {
        string prefix = test ? "t10k" : "train";
        byte[] labels = Read(Path.Combine(Directory, $"{prefix}-labels-idx1-ubyte.gz"), 8);
        byte[] pixels = Read(Path.Combine(Directory, $"{prefix}-images-idx3-ubyte.gz"), 16);
        if (pixels.Length != labels.Length * Pixels)
        {
            throw new InvalidDataException($"Fashion-MNIST {prefix}: {pixels.Length} pixels for {labels.Length} labels; expected {Pixels} per label.");
        }

        var tasks = Enumerable.Range(0, Tasks).Select(_ => new List<SplitFashionRow>()).ToArray();
        for (int i = 0; i < labels.Length; i++)
        {
            var image = new float[Pixels];
            for (int p = 0; p < Pixels; p++)
            {
                image[p] = pixels[(i * Pixels) + p] / 255f;
            }

            tasks[labels[i] / 2].Add(new SplitFashionRow { Task = (uint)(labels[i] / 2), Features = image, Label = (uint)(labels[i] % 2) });
        }

        return tasks;
    }

    private static byte[] Read(string path, int headerBytes)
    {
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        byte[] all = memory.ToArray();
        int magic = BinaryPrimitives.ReadInt32BigEndian(all);
        if (magic is not (2049 or 2051))
        {
            throw new InvalidDataException($"{path} is not an IDX file (magic {magic}).");
        }

        return all[headerBytes..];
    }
}

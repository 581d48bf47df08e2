using System.Buffers.Binary;
using System.IO.Compression;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>Reads Fashion-MNIST from the gzip'd IDX files of the Debian package dataset-fashion-mnist.</summary>
internal static class FashionMnist
{
    public const string Directory = "/usr/share/datasets/fashion-mnist/";
    public const int Pixels = 784;

    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "train-images-idx3-ubyte.gz"));

    /// <summary>Images scaled to [0, 1] ([n, 784]) and labels; <paramref name="test"/> selects the t10k split.</summary>
    public static (float[] Images, byte[] Labels) Load(bool test)
    {
        string prefix = test ? "t10k" : "train";
        byte[] labels = Read(Path.Combine(Directory, $"{prefix}-labels-idx1-ubyte.gz"), 8);
        byte[] pixels = Read(Path.Combine(Directory, $"{prefix}-images-idx3-ubyte.gz"), 16);
        if (pixels.Length != labels.Length * Pixels)
        {
            throw new InvalidDataException($"Fashion-MNIST {prefix}: {pixels.Length} pixels for {labels.Length} labels; expected {Pixels} per label.");
        }

        var images = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            images[i] = pixels[i] / 255f;
        }

        return (images, labels);
    }

    private static byte[] Read(string path, int headerBytes)
    {
        using var file = File.OpenRead(path);
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

using System.Buffers.Binary;
using System.IO.Compression;

namespace Hypernetworks.Cli.Tests;

/// <summary>A minimal PNG decoder for screenshots: 8-bit RGB or RGBA, not interlaced; enough to count colours.</summary>
public sealed class PngImage
{
    private PngImage(int width, int height, uint[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixels as 0xRRGGBB, row by row.</summary>
    public uint[] Pixels { get; }

    public static PngImage Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < 8 || file[1] != 'P' || file[2] != 'N' || file[3] != 'G')
        {
            throw new InvalidDataException($"'{path}' is not a PNG file.");
        }

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (int at = 8; at + 8 <= file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            ReadOnlySpan<byte> data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || data[9] is not (2 or 6))
                {
                    throw new InvalidDataException($"'{path}': only 8-bit, non-interlaced RGB or RGBA is read (bit depth {data[8]}, colour type {data[9]}).");
                }

                channels = data[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, Unfilter(raw.ToArray(), width, height, channels));
    }

    private static uint[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        int stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var pixels = new uint[width * height];
        for (int y = 0; y < height; y++)
        {
            int row = y * (stride + 1);
            byte filter = raw[row];
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0;
                int b = previous[i];
                int c = i >= channels ? previous[i - channels] : 0;
                int x = raw[row + 1 + i];
                current[i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + ((a + b) / 2),
                    4 => x + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter} on row {y}."),
                });
            }

            for (int p = 0; p < width; p++)
            {
                int i = p * channels;
                pixels[(y * width) + p] = ((uint)current[i] << 16) | ((uint)current[i + 1] << 8) | current[i + 2];
            }

            (previous, current) = (current, previous);
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

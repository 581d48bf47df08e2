namespace Hypernetworks.Model.FewShot;

/// <summary>Index maps of the rotations and mirror images of a square image.</summary>
internal static class ImageTransforms
{
    /// <summary>The transforms the augmentations make of each class, the identity included (1, 2, 4 or 8).</summary>
    public static int Count(ImageAugmentations augmentations) => Rotations(augmentations) * (augmentations.HasFlag(ImageAugmentations.Flips) ? 2 : 1);

    private static int Rotations(ImageAugmentations augmentations) => augmentations.HasFlag(ImageAugmentations.Rotations) ? 4 : 1;

    /// <summary>
    /// For each transform the augmentations make (identity first), the source pixel of every destination pixel:
    /// transform t mirrors when t ≥ rotations and then rotates by 90° × (t mod rotations), counter-clockwise.
    /// </summary>
    public static int[][] SourceIndices(ImageAugmentations augmentations, int width, int size)
    {
        int rotations = Rotations(augmentations);
        var maps = new int[Count(augmentations)][];
        for (int t = 0; t < maps.Length; t++)
        {
            maps[t] = new int[size];
            bool mirror = t >= rotations;
            int quarterTurns = t % rotations;
            for (int i = 0; i < size; i++)
            {
                if (width == 0)
                {
                    maps[t][i] = i;
                    continue;
                }

                // Walk back from the destination pixel: undo the rotation, then the mirror.
                int row = i / width;
                int column = i % width;
                for (int k = 0; k < quarterTurns; k++)
                {
                    (row, column) = (column, width - 1 - row);
                }

                if (mirror)
                {
                    column = width - 1 - column;
                }

                maps[t][i] = (row * width) + column;
            }
        }

        return maps;
    }
}

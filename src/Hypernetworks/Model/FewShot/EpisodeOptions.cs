namespace Hypernetworks.Model.FewShot;

/// <summary>The shape of few-shot episodes: N-way K-shot support sets with Q queries per class.</summary>
public sealed class EpisodeOptions
{
    /// <summary>Classes per episode (N).</summary>
    public int Ways { get; init; } = 5;

    /// <summary>Support examples per class (K).</summary>
    public int Shots { get; init; } = 1;

    /// <summary>Query examples per class (Q).</summary>
    public int Queries { get; init; } = 15;

    /// <summary>Episodes per training batch.</summary>
    public int EpisodesPerBatch { get; init; } = 4;

    /// <summary>Batches per epoch of <see cref="EpisodeSampler"/> as a training batch source.</summary>
    public int BatchesPerEpoch { get; init; } = 100;

    /// <summary>New classes made from the data's classes (square images only: needs <see cref="ImageWidth"/>).</summary>
    public ImageAugmentations Augmentations { get; init; }

    /// <summary>The side of the square images the augmentations transform (0 when there are none).</summary>
    public int ImageWidth { get; init; }

    /// <summary>Seed of the class, example and label draws.</summary>
    public ulong Seed { get; init; }

    /// <summary>The classes an episode can draw per data class: 1, or 4 with rotations, 2 with flips, 8 with both.</summary>
    public int TransformsPerClass => ImageTransforms.Count(Augmentations);

    /// <summary>Rows of one training batch: episodes × ways × queries.</summary>
    public int BatchRows => EpisodesPerBatch * Ways * Queries;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate(int exampleSize)
    {
        Require(Ways >= 2, nameof(Ways), $"is {Ways}; an episode needs at least 2 classes");
        Require(Shots >= 1, nameof(Shots), $"is {Shots}; it must be at least 1");
        Require(Queries >= 1, nameof(Queries), $"is {Queries}; it must be at least 1");
        Require(EpisodesPerBatch >= 1, nameof(EpisodesPerBatch), $"is {EpisodesPerBatch}; it must be at least 1");
        Require(BatchesPerEpoch >= 1, nameof(BatchesPerEpoch), $"is {BatchesPerEpoch}; it must be at least 1");
        Require((Augmentations & ~(ImageAugmentations.Rotations | ImageAugmentations.Flips)) == 0, nameof(Augmentations), $"is {Augmentations}, not a known combination");
        if (Augmentations != ImageAugmentations.None)
        {
            Require(ImageWidth > 0 && (long)ImageWidth * ImageWidth == exampleSize, nameof(ImageWidth), $"is {ImageWidth}; the augmentations transform square images, so its square must be the {exampleSize} values of an example");
        }
    }

    private static void Require(bool condition, string option, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"EpisodeOptions.{option} {message}.", option);
        }
    }
}

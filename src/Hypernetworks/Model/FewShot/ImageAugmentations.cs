namespace Hypernetworks.Model.FewShot;

/// <summary>
/// Transforms of square images that make new classes from old ones for meta-training: a rotated or flipped class
/// is a class of its own, so that episodes see many more classes than the data has.
/// </summary>
[Flags]
public enum ImageAugmentations
{
    /// <summary>Only the classes as they are.</summary>
    None = 0,

    /// <summary>Each class rotated by 90°, 180° and 270° is a new class.</summary>
    Rotations = 1,

    /// <summary>
    /// Each class mirrored left to right (and, with <see cref="Rotations"/>, each rotation of that) is a new class. An
    /// episode may draw a class and its mirror image: for classes that look the same mirrored (many clothes) those two
    /// cannot be told apart, so use it where mirroring makes a different class.
    /// </summary>
    Flips = 2,
}

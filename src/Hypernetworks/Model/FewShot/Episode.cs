namespace Hypernetworks.Model.FewShot;

/// <summary>
/// One drawn episode: <see cref="Classes"/>[label] is the (augmented) class that carries that label;
/// <see cref="Support"/> and <see cref="Queries"/> list data rows class by class in label order.
/// </summary>
/// <param name="Classes">The augmented class id of each label: data class × <see cref="EpisodeSampler.TransformCount"/> + transform.</param>
/// <param name="Support">Support rows, [ways × shots], label-major.</param>
/// <param name="Queries">Query rows, [ways × queries], label-major.</param>
public sealed record Episode(int[] Classes, int[] Support, int[] Queries);

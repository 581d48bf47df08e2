using Microsoft.ML;

namespace Hypernetworks.MLNet;

/// <summary>One N-way K-shot episode drawn by <see cref="FewShotEpisodes"/>: a support set and the queries of its classes.</summary>
/// <param name="Support">K rows of each of the episode's classes (columns Features and Label).</param>
/// <param name="Queries">Q further rows of each class (columns Features and Label).</param>
/// <param name="Classes">The label values of the episode's classes, as invariant text.</param>
public sealed record FewShotEpisode(IDataView Support, IDataView Queries, IReadOnlyList<string> Classes);

namespace Hypernetworks.MLNet;

/// <summary>The column names trainers and evaluators use unless told otherwise (ML.NET's defaults).</summary>
public static class DefaultColumnNames
{
    /// <summary>The label column.</summary>
    public const string Label = "Label";

    /// <summary>The feature vector column.</summary>
    public const string Features = "Features";

    /// <summary>The raw score column written by trainers.</summary>
    public const string Score = "Score";

    /// <summary>The calibrated probability column of binary classifiers.</summary>
    public const string Probability = "Probability";

    /// <summary>The predicted label column of classifiers.</summary>
    public const string PredictedLabel = "PredictedLabel";
}

using System.Reflection;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>Writes a trial's parameter (named as <see cref="HypernetworkSearchOptions"/>) over a copy of the trainer's base options.</summary>
internal static class HypernetworkOptionsBinding
{
    private static readonly string[] Names = [.. typeof(HypernetworkSearchOptions).GetProperties().Select(p => p.Name)];

    public static void CheckNames(SearchSpace space, string paramName)
    {
        string? unknown = space.Keys.FirstOrDefault(key => !Names.Contains(key, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException(
                $"The search space sweeps '{unknown}', which is not a hypernetwork option; expected some of {string.Join(", ", Names)}.", paramName);
        }
    }

    /// <summary>
    /// The parameter that <see cref="Apply"/> turns back into <paramref name="baseOptions"/>: the base options' own
    /// value of every option <paramref name="space"/> sweeps, in or out of its range (a target given as
    /// <see cref="HypernetworkTrainer.Options.TargetLayerSizes"/> becomes the same hidden widths).
    /// </summary>
    public static Parameter BaseParameter(HypernetworkTrainer.Options baseOptions, SearchSpace space)
    {
        var values = new HypernetworkSearchOptions
        {
            HiddenSizes = [.. baseOptions.HiddenSizes],
            TargetHiddenSizes = baseOptions.TargetLayerSizes is { Count: > 0 } layers
                ? [.. layers.Take(layers.Count - 1).Select(layer => layer.Out)]
                : [.. baseOptions.TargetHiddenSizes],
            Generator = baseOptions.Generator,
            ChunkSize = baseOptions.ChunkSize,
            Rank = baseOptions.Rank,
            LearningRate = baseOptions.LearningRate,
            BatchSize = baseOptions.BatchSize,
            Epochs = baseOptions.Epochs,
            WeightDecay = baseOptions.WeightDecay,
        };
        Parameter all = Parameter.FromObject(values);
        Parameter parameter = Parameter.CreateNestedParameter();
        foreach (string key in space.Keys)
        {
            parameter[key] = all[key];
        }

        return parameter;
    }

    public static HypernetworkTrainer.Options Apply(HypernetworkTrainer.Options baseOptions, Parameter parameter, TrialFit fit)
    {
        HypernetworkTrainer.Options options = Copy(baseOptions);
        foreach (string key in parameter.Keys)
        {
            Parameter value = parameter[key];
            switch (key)
            {
                case nameof(HypernetworkSearchOptions.HiddenSizes):
                    options.HiddenSizes = value.AsType<int[]>();
                    break;
                case nameof(HypernetworkSearchOptions.TargetHiddenSizes):
                    options.TargetHiddenSizes = value.AsType<int[]>();
                    options.TargetLayerSizes = null;
                    break;
                case nameof(HypernetworkSearchOptions.Generator):
                    options.Generator = value.AsType<GeneratorKind>();
                    break;
                case nameof(HypernetworkSearchOptions.ChunkSize):
                    options.ChunkSize = value.AsType<int>();
                    break;
                case nameof(HypernetworkSearchOptions.Rank):
                    options.Rank = value.AsType<int>();
                    break;
                case nameof(HypernetworkSearchOptions.LearningRate):
                    options.LearningRate = value.AsType<float>();
                    break;
                case nameof(HypernetworkSearchOptions.BatchSize):
                    options.BatchSize = value.AsType<int>();
                    break;
                case nameof(HypernetworkSearchOptions.Epochs):
                    options.Epochs = value.AsType<int>();
                    break;
                case nameof(HypernetworkSearchOptions.WeightDecay):
                    options.WeightDecay = value.AsType<float>();
                    break;
                default:
                    throw new ArgumentException($"The parameter sets '{key}', which is not a hypernetwork option.", nameof(parameter));
            }
        }

        if (fit.ValidationSet is not null)
        {
            options.ValidationSet = fit.ValidationSet;
            options.ValidationFraction = 0;
            options.Progress = new ValidationLossReporter(fit.ReportValidationLoss, baseOptions.Progress);
        }

        if (fit.CancellationToken.CanBeCanceled)
        {
            options.CancellationToken = fit.CancellationToken;
        }

        return options;
    }

    public static HypernetworkTrainer.Options Copy(HypernetworkTrainer.Options source)
    {
        // Every settable property is copied, so options the trainer gains later carry over without a change here.
        var copy = new HypernetworkTrainer.Options();
        foreach (PropertyInfo property in typeof(HypernetworkTrainer.Options).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.CanWrite)
            {
                property.SetValue(copy, property.GetValue(source));
            }
        }

        return copy;
    }

    /// <summary>Hands the validation loss of each epoch to the trial, and every report on to the caller's own progress.</summary>
    private sealed class ValidationLossReporter(Action<int, double> report, IProgress<TrainingProgress>? inner) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            inner?.Report(value);
            if (float.IsFinite(value.ValidationLoss))
            {
                report(value.Epoch, value.ValidationLoss);
            }
        }
    }
}

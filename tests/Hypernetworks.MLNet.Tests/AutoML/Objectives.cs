using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>Cheap synthetic objectives with known optima.</summary>
internal static class Objectives
{
    /// <summary>x_i in [-5, 5], initial value 0.</summary>
    public static SearchSpace Box(int dimensions)
    {
        var space = new SearchSpace();
        for (int i = 0; i < dimensions; i++)
        {
            space.Add($"x{i}", new UniformDoubleOption(-5, 5, defaultValue: 0));
        }

        return space;
    }

    /// <summary>A shifted sphere: minimum 0 at x_i = 2 (odd i) or -1 (even i).</summary>
    public static double ShiftedSphere(Parameter parameter)
    {
        double sum = 0;
        foreach (string key in parameter.Keys)
        {
            int i = int.Parse(key.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            double d = parameter[key].AsType<double>() - (i % 2 == 1 ? 2 : -1);
            sum += d * d;
        }

        return sum;
    }

    public static async Task<TrialResult> SweepAsync(SearchSpace space, Func<SearchSpace, ITuner> tuner, int trials, Func<Parameter, double> objective)
    {
        return await new AutoMLExperiment()
            .SetSearchSpace(space)
            .SetTrialRunner(new FunctionTrialRunner(objective))
            .SetTuner(tuner)
            .SetMaxModelToExplore(trials)
            .RunAsync();
    }
}

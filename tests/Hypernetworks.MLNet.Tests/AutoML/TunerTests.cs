using Hypernetworks.MLNet.AutoML;
using Xunit.Abstractions;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class TunerTests
{
    private readonly ITestOutputHelper output;

    public TunerTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task RandomSearch_FindsNearOptimumWithinBudget()
    {
        TrialResult best = await Objectives.SweepAsync(Objectives.Box(2), s => new RandomSearchTuner(s, seed: 1), 200, Objectives.ShiftedSphere);

        Assert.True(best.Metric < 0.5, $"best {best.Metric}");
    }

    [Fact]
    public async Task GridSearch_FindsTheGridPointAtTheOptimum()
    {
        // 11 steps over [-5, 5] put grid points on every integer, including the optimum (-1, 2).
        TrialResult best = await Objectives.SweepAsync(Objectives.Box(2), s => new GridSearchTuner(s, stepCount: 11), 121, Objectives.ShiftedSphere);

        Assert.True(best.Metric < 1e-12, $"best {best.Metric}");
    }

    [Fact]
    public async Task GridSearch_StopsWhenTheGridIsExhausted()
    {
        var space = new SearchSpace { { "a", new ChoiceOption("p", "q", "r") }, { "b", new ChoiceOption(false, true) } };
        var seen = new List<string>();
        var monitor = new RecordingMonitor();

        await new AutoMLExperiment()
            .SetSearchSpace(space)
            .SetTrialRunner(new FunctionTrialRunner(p => { seen.Add(p.ToJson()); return seen.Count; }))
            .SetGridSearchTuner()
            .SetMonitor(monitor)
            .SetMaxModelToExplore(100)
            .RunAsync();

        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Distinct().Count());
    }

    [Fact]
    public async Task CostFrugal_FindsOptimumWithinBudget()
    {
        TrialResult best = await Objectives.SweepAsync(
            Objectives.Box(2), s => new CostFrugalTuner(s, new CostFrugalTunerOptions { Seed = 1 }), 80, Objectives.ShiftedSphere);

        Assert.True(best.Metric < 0.05, $"best {best.Metric}");
    }

    [Fact]
    public async Task CostFrugal_BeatsRandomSearchOnAverageOverSeeds()
    {
        const int Seeds = 8;
        const int Budget = 60;
        double cfo = 0;
        double random = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            int s = seed;
            cfo += (await Objectives.SweepAsync(
                Objectives.Box(6), space => new CostFrugalTuner(space, new CostFrugalTunerOptions { Seed = s }), Budget, Objectives.ShiftedSphere)).Metric;
            random += (await Objectives.SweepAsync(
                Objectives.Box(6), space => new RandomSearchTuner(space, s), Budget, Objectives.ShiftedSphere)).Metric;
        }

        output.WriteLine($"mean best over {Seeds} seeds, {Budget} trials, 6-D sphere: CFO {cfo / Seeds:G4}, random {random / Seeds:G4}");
        Assert.True(cfo < random, $"mean best: CFO {cfo / Seeds}, random {random / Seeds}");
    }

    [Fact]
    public void CostFrugal_FirstProposalIsTheLowCostStart()
    {
        var space = new SearchSpace<SweepOptions>();
        var tuner = new CostFrugalTuner(space, new CostFrugalTunerOptions { LowCostParameters = ["Epochs", "GeneratorHiddenSizes"] });

        SweepOptions first = tuner.Propose(new TrialSettings { TrialId = 1 }).Parameter.AsType<SweepOptions>();

        Assert.Equal(1, first.Epochs);
        Assert.Equal([16], first.GeneratorHiddenSizes);
        Assert.Equal(1e-3, first.LearningRate, 9);
    }

    [Fact]
    public void CostFrugal_MovesToAnImprovingProposal()
    {
        var space = Objectives.Box(2);
        var tuner = new CostFrugalTuner(space, new CostFrugalTunerOptions { Seed = 3 });
        TrialSettings start = tuner.Propose(new TrialSettings { TrialId = 1 });
        tuner.Update(new TrialResult { TrialSettings = start, Loss = 10 });
        TrialSettings step = tuner.Propose(new TrialSettings { TrialId = 2 });
        tuner.Update(new TrialResult { TrialSettings = step, Loss = 1 });

        // The next proposal is a step from the improved point: within one step length of it.
        TrialSettings next = tuner.Propose(new TrialSettings { TrialId = 3 });
        double[] from = space.MappingToFeatureSpace(step.Parameter);
        double[] to = space.MappingToFeatureSpace(next.Parameter);
        double distance = Math.Sqrt(from.Zip(to, (a, b) => (a - b) * (a - b)).Sum());
        Assert.InRange(distance, 1e-9, tuner.StepSize + 1e-9);
    }

    [Fact]
    public void CostFrugal_TriesTheOppositeDirectionAfterAFailure()
    {
        var space = Objectives.Box(2);
        var tuner = new CostFrugalTuner(space, new CostFrugalTunerOptions { Seed = 4 });
        TrialSettings start = tuner.Propose(new TrialSettings { TrialId = 1 });
        tuner.Update(new TrialResult { TrialSettings = start, Loss = 1 });
        TrialSettings plus = tuner.Propose(new TrialSettings { TrialId = 2 });
        tuner.Update(new TrialResult { TrialSettings = plus, Loss = 2 });

        TrialSettings minus = tuner.Propose(new TrialSettings { TrialId = 3 });

        double[] x = space.MappingToFeatureSpace(start.Parameter);
        double[] p = space.MappingToFeatureSpace(plus.Parameter);
        double[] m = space.MappingToFeatureSpace(minus.Parameter);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i] - p[i], m[i] - x[i], 9);
        }
    }

    [Fact]
    public void CostFrugal_ShrinksTheStepAfterRoundsWithoutImprovement()
    {
        var space = Objectives.Box(2);
        var tuner = new CostFrugalTuner(space, new CostFrugalTunerOptions { Seed = 5, Patience = 2 });
        double initial = tuner.StepSize;
        TrialSettings start = tuner.Propose(new TrialSettings { TrialId = 1 });
        tuner.Update(new TrialResult { TrialSettings = start, Loss = 0 });
        for (int id = 2; id < 6; id++)
        {
            TrialSettings proposal = tuner.Propose(new TrialSettings { TrialId = id });
            tuner.Update(new TrialResult { TrialSettings = proposal, Loss = 1 });
        }

        Assert.Equal(initial / 2, tuner.StepSize, 12);
    }

    [Fact]
    public void CostFrugal_RestartsWhenTheStepIsTooSmall()
    {
        var space = Objectives.Box(1);
        var tuner = new CostFrugalTuner(space, new CostFrugalTunerOptions { Seed = 6, Patience = 1, InitialStepSize = 0.1, MinStepSize = 0.03 });
        TrialSettings start = tuner.Propose(new TrialSettings { TrialId = 1 });
        tuner.Update(new TrialResult { TrialSettings = start, Loss = 0 });
        for (int id = 2; id < 8; id++)
        {
            TrialSettings proposal = tuner.Propose(new TrialSettings { TrialId = id });
            tuner.Update(new TrialResult { TrialSettings = proposal, Loss = 1 });
        }

        Assert.Equal(1, tuner.RestartCount);
    }

    [Fact]
    public void CostFrugal_AdoptsABetterTrialItDidNotPropose()
    {
        var space = Objectives.Box(2);
        var tuner = new CostFrugalTuner(space, new CostFrugalTunerOptions { Seed = 7 });
        TrialSettings start = tuner.Propose(new TrialSettings { TrialId = 1 });
        tuner.Update(new TrialResult { TrialSettings = start, Loss = 5 });
        Parameter elsewhere = space.SampleFromFeatureSpace([0.9, 0.9]);
        tuner.Update(new TrialResult { TrialSettings = new TrialSettings { TrialId = 99, Parameter = elsewhere }, Loss = 1 });

        TrialSettings next = tuner.Propose(new TrialSettings { TrialId = 2 });

        double[] to = space.MappingToFeatureSpace(next.Parameter);
        double distance = Math.Sqrt(to.Sum(v => (v - 0.9) * (v - 0.9)));
        Assert.InRange(distance, 0, tuner.StepSize + 1e-9);
    }
}

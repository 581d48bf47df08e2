using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>A trial runner over a delegate, for synthetic objectives.</summary>
internal sealed class FunctionTrialRunner : ITrialRunner
{
    private readonly Func<TrialSettings, ITrialContext, CancellationToken, Task<double>> run;

    public FunctionTrialRunner(Func<TrialSettings, ITrialContext, CancellationToken, Task<double>> run) => this.run = run;

    public FunctionTrialRunner(Func<Parameter, double> objective)
        : this((settings, _, _) => Task.FromResult(objective(settings.Parameter)))
    {
    }

    public async Task<TrialResult> RunAsync(TrialSettings settings, ITrialContext context, CancellationToken cancellationToken) =>
        new() { Metric = await run(settings, context, cancellationToken).ConfigureAwait(false), Model = settings.TrialId };
}

using Hypernetworks.Optimizers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Optimizers;

public class AllocationTests
{
    [Fact]
    public void AdamStep_AllocatesNothing()
    {
        using var fixture = new OptimizerFixture(121);
        fixture.NextGradients();
        using var adam = new Adam(fixture.Parameters);
        Assert.Equal(0, Allocations.OfWarm(adam.Step));
    }

    [Fact]
    public void AdamWStep_AllocatesNothing()
    {
        using var fixture = new OptimizerFixture(122);
        fixture.NextGradients();
        using var adamW = new AdamW(fixture.Parameters);
        Assert.Equal(0, Allocations.OfWarm(adamW.Step));
    }

    [Fact]
    public void SgdStepWithMomentum_AllocatesNothing()
    {
        using var fixture = new OptimizerFixture(123);
        fixture.NextGradients();
        using var sgd = new Sgd(fixture.Parameters, 0.1f, momentum: 0.9f, nesterov: true);
        Assert.Equal(0, Allocations.OfWarm(sgd.Step));
    }

    [Fact]
    public void ZeroGradientsAndClipping_AllocateNothing()
    {
        using var fixture = new OptimizerFixture(124);
        using var sgd = new Sgd(fixture.Parameters, 0.1f);
        Assert.Equal(0, Allocations.OfWarm(() =>
        {
            fixture.NextGradientsInPlace();
            GradientClipping.ClipByGlobalNorm(fixture.Parameters, 0.5f);
            sgd.ZeroGradients();
        }));
    }
}

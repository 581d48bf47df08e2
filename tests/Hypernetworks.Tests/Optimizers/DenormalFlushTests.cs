using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Optimizers;

/// <summary>
/// The optimizers keep every value they write out of float's denormal range: fed denormal gradients, moments and
/// values, or left to decay once the gradient is zero, they write exact zeros instead.
/// </summary>
public class DenormalFlushTests
{
    public static TheoryData<string> Optimizers => ["adam", "adamw", "sgd-momentum", "sgd-nesterov", "sgd"];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_WithDenormalGradientsStateAndValues_WritesNoDenormal(string kind)
    {
        using var fixture = new OptimizerFixture(301);
        using Optimizer optimizer = Create(kind, fixture.Parameters);
        foreach (Parameter parameter in fixture.Parameters)
        {
            Subnormals.Fill(parameter.Value.Span);
            Subnormals.Fill(parameter.Gradient.Span);
        }

        foreach (AlignedBuffer state in optimizer.State)
        {
            Subnormals.Fill(state.Span);
        }

        optimizer.Step();

        AssertNoDenormal(fixture.Parameters, optimizer);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_AfterTheGradientGoesToZero_DecaysTheStateToExactZero(string kind)
    {
        using var fixture = new OptimizerFixture(302);
        using Optimizer optimizer = Create(kind, fixture.Parameters, weightDecay: 0f);
        fixture.NextGradients();
        optimizer.Step();

        // 0.9^800 ≈ 1e-37: without the flush Adam's first moment and SGD's momentum pass through the denormals.
        for (int t = 0; t < 800; t++)
        {
            optimizer.ZeroGradients();
            optimizer.Step();
            AssertNoDenormal(fixture.Parameters, optimizer);
        }

        Assert.All(optimizer.State.Where((_, i) => optimizer.StateNames[i].EndsWith("exp_avg", StringComparison.Ordinal) || optimizer.StateNames[i].EndsWith("momentum_buffer", StringComparison.Ordinal)), s => Assert.True(s.Span.IndexOfAnyExcept(0f) < 0));
    }

    [Fact]
    public void Adam_WithTinyNormalGradients_KeepsTheSecondMomentOutOfTheDenormals()
    {
        // g = 1e-20 is normal, but g² = 1e-40 is not: such a square is left out of v instead of rounding through
        // the denormals, while m still takes the gradient.
        using var fixture = new OptimizerFixture(303);
        using var adam = new Adam(fixture.Parameters, learningRate: 0.01f);
        foreach (Parameter parameter in fixture.Parameters)
        {
            parameter.Gradient.Span.Fill(1e-20f);
        }

        adam.Step();

        AssertNoDenormal(fixture.Parameters, adam);
        Assert.Equal(1e-21f, adam.State[0].Span[0], 1e-27f);
        Assert.Equal(0f, adam.State[1].Span[0]);
    }

    [Fact]
    public void AdamW_DecayingAValueThatStartedTiny_FlushesItToZero()
    {
        using var fixture = new OptimizerFixture(304);
        using var adamw = new AdamW(fixture.Parameters, learningRate: 0.9f, weightDecay: 1f);
        foreach (Parameter parameter in fixture.Parameters)
        {
            parameter.Value.Span.Fill(2e-30f);
            parameter.Gradient.Span.Clear();
        }

        adamw.Step();

        Assert.All(fixture.Parameters, p => Assert.True(p.Value.Span.IndexOfAnyExcept(0f) < 0));
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_WithANaNGradient_StillWritesNaN(string kind)
    {
        // The flush tests magnitudes on the bits, so NaN is never mistaken for a small value and hidden.
        using var fixture = new OptimizerFixture(305);
        using Optimizer optimizer = Create(kind, fixture.Parameters);
        fixture.NextGradients();
        fixture.Weight.Gradient.Span[3] = float.NaN;
        optimizer.Step();
        Assert.True(float.IsNaN(fixture.Weight.Value.Span[3]));
    }

    private static Optimizer Create(string kind, Parameter[] parameters, float weightDecay = 0.1f) => kind switch
    {
        "adam" => new Adam(parameters, learningRate: 0.01f, weightDecay: weightDecay),
        "adamw" => new AdamW(parameters, learningRate: 0.01f, weightDecay: weightDecay),
        "sgd-momentum" => new Sgd(parameters, learningRate: 0.01f, momentum: 0.9f, weightDecay: weightDecay),
        "sgd-nesterov" => new Sgd(parameters, learningRate: 0.01f, momentum: 0.9f, weightDecay: weightDecay, nesterov: true),
        _ => new Sgd(parameters, learningRate: 0.01f, weightDecay: weightDecay),
    };

    private static void AssertNoDenormal(Parameter[] parameters, Optimizer optimizer)
    {
        foreach (Parameter parameter in parameters)
        {
            Subnormals.AssertNone(parameter.Value.Span, parameter.Name);
        }

        for (int i = 0; i < optimizer.State.Count; i++)
        {
            Subnormals.AssertNone(optimizer.State[i].Span, optimizer.StateNames[i]);
        }
    }
}

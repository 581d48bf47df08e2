using Hypernetworks.Model;

namespace Hypernetworks.TorchSharp.Tests.Testing;

/// <summary>Theory data over the model's variants.</summary>
internal static class Matrix
{
    public static TheoryData<GeneratorKind, bool, ConditioningEncoderKind, HypernetworkTask> EveryKindEncoderAndTask()
    {
        var data = new TheoryData<GeneratorKind, bool, ConditioningEncoderKind, HypernetworkTask>();
        foreach ((GeneratorKind kind, bool lowRankBase) in Specs.Generators)
        {
            foreach (ConditioningEncoderKind encoder in new[] { ConditioningEncoderKind.Dense, ConditioningEncoderKind.Embedding })
            {
                foreach (HypernetworkTask task in Enum.GetValues<HypernetworkTask>())
                {
                    data.Add(kind, lowRankBase, encoder, task);
                }
            }
        }

        return data;
    }
}

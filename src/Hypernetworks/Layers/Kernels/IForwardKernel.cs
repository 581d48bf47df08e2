using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>An elementwise function y = f(x) at each vector width, for <see cref="ElementwiseLoop"/>.</summary>
internal interface IForwardKernel
{
    static abstract float Apply(float x);

    static abstract Vector256<float> Apply(Vector256<float> x);

    static abstract Vector512<float> Apply(Vector512<float> x);
}

using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>
/// An activation's backward step gradX = gradY·f'(x) at each vector width, for <see cref="ElementwiseLoop"/>;
/// it may read the input x, the output y = f(x), or both.
/// </summary>
internal interface IBackwardKernel
{
    static abstract float Apply(float x, float y, float gradY);

    static abstract Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY);

    static abstract Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY);
}

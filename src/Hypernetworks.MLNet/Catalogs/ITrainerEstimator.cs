namespace Hypernetworks.MLNet;

/// <summary>
/// An estimator that trains a model (as opposed to a data transform): what the <c>Trainers</c> catalogs return.
/// Public here, where ML.NET keeps its trainer base internal, so that trainers can live outside this library.
/// </summary>
/// <typeparam name="TTransformer">The prediction transformer it produces.</typeparam>
public interface ITrainerEstimator<out TTransformer> : IEstimator<TTransformer>
    where TTransformer : ITransformer
{
    /// <summary>What the trainer needs from its input and supports.</summary>
    TrainerInfo Info { get; }
}

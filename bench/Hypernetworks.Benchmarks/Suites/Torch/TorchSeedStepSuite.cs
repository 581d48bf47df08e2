using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.TorchSharp;
using Hypernetworks.TorchSharp.Native;

namespace Hypernetworks.Benchmarks.Suites.Torch;

/// <summary>
/// seed-step --backend torchsharp: the seed step on three engines in one run, in interleaved rounds so that
/// machine load falls on all alike: our TorchSharp backend's session ("torchsharp"), the same step written directly
/// in TorchSharp ("torchsharp-bare"), and the managed engine's session ("managed"). Each starts from the same
/// initial parameters. Prints one JSON line per engine.
/// </summary>
internal sealed class TorchSeedStepSuite : IBenchmarkSuite
{
    public string Name => "seed-step/torchsharp";

    public string Description => "seed-step on the TorchSharp backend, a bare TorchSharp loop and the managed engine: --iters N --warmup N --rounds N --threads N";

    public void Run(BenchmarkOptions options)
    {
        int iters = options.GetInt("iters", 50);
        int warmup = options.GetInt("warmup", 60);
        int rounds = Math.Max(1, options.GetInt("rounds", 5));
        int threads = options.GetInt("threads", 1);
        LibTorchRuntime.EnsureLoaded();
        global::TorchSharp.torch.set_num_threads(threads);
        var work = new SeedWorkload();
        using var managedNet = new Hypernetwork(work.Spec, seed: 0);
        using var torchNet = new Hypernetwork(work.Spec, seed: 0);
        using var bareNet = new Hypernetwork(work.Spec, seed: 0);
        var trainingOptions = new TrainingOptions { LearningRate = 1e-3f };
        using TrainingSession managed = TrainingBackend.Managed.Open(managedNet, trainingOptions);
        using TrainingSession torch = new TorchSharpBackend().Open(torchNet, trainingOptions);
        using var bare = new BareTorchSeedStep(bareNet, work);
        (string Impl, Func<float> Step)[] engines =
        [
            ("torchsharp", () => Step(torch, work)),
            ("torchsharp-bare", bare.Step),
            ("managed", () => Step(managed, work)),
        ];

        var elapsed = new double[engines.Length];
        var best = Enumerable.Repeat(double.MaxValue, engines.Length).ToArray();
        var losses = new float[engines.Length];
        foreach ((_, Func<float> step) in engines)
        {
            for (int i = 0; i < warmup; i++)
            {
                step();
            }
        }

        int perRound = Math.Max(1, iters / rounds);
        for (int r = 0; r < rounds; r++)
        {
            for (int e = 0; e < engines.Length; e++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < perRound; i++)
                {
                    losses[e] = engines[e].Step();
                }

                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                elapsed[e] += ms;
                best[e] = Math.Min(best[e], ms / perRound);
            }
        }

        for (int e = 0; e < engines.Length; e++)
        {
            Console.Error.WriteLine($"seed-step {engines[e].Impl}: loss {losses[e]:F4} after {warmup + (rounds * perRound)} steps");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                suite = "seed-step",
                impl = engines[e].Impl,
                threads,
                @params = managedNet.ParameterCount,
                ms_per_step = Math.Round(elapsed[e] / (rounds * perRound), 3),
                best_round_ms_per_step = Math.Round(best[e], 3),
            }));
        }
    }

    private static float Step(TrainingSession session, SeedWorkload work)
    {
        float loss = session.ComputeGradients(work.Conditioning, work.Data, work.Labels).Loss;
        session.Update(1e-3f);
        return loss;
    }
}

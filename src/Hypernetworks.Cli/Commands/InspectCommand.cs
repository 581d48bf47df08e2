using System.CommandLine;
using System.Text.Json;
using Hypernetworks.Cli.Inspection;
using Microsoft.ML;
using Spectre.Console;

namespace Hypernetworks.Cli.Commands;

/// <summary><c>hypernet inspect</c>: shows a model's pipeline, input schema and hypernetwork, and how its size compares with what it generates.</summary>
internal static class InspectCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var model = new Argument<FileInfo>("model") { Description = "The model file (.zip)." };
        var json = new Option<bool>("--json") { Description = "Print the description as JSON." };
        var command = new Command("inspect", "Show a model's pipeline, its input schema, its hypernetwork (generator, target layers, encoder) and its parameter count against the target network it generates.")
        {
            model, json,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(
            token => Task.Run(() => Run(result.GetValue(model)!.FullName, result.GetValue(json)), token),
            cancellationToken));
        return command;
    }

    private static void Run(string modelPath, bool json)
    {
        using ModelFile model = ModelFile.Load(new MLContext(seed: 0), modelPath);
        ModelDescription d = ModelDescription.Of(model);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    file = d.File,
                    pipeline = d.Pipeline,
                    inputSchema = d.InputSchema.Select(c => new { name = c.Name, type = c.Type }),
                    hypernetwork = d.Hypernetwork.ToDictionary(p => p.Name, p => p.Value),
                    hypernetworkParameters = d.HypernetworkParameters,
                    generatedParameters = d.GeneratedParameters,
                    size = d.Size,
                },
                Indented));
            return;
        }

        AnsiConsole.MarkupLine($"[bold]Model[/] {Markup.Escape(d.File)}");
        var pipeline = new Table().AddColumn("#").AddColumn("Pipeline step");
        for (int i = 0; i < d.Pipeline.Count; i++)
        {
            pipeline.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(d.Pipeline[i]));
        }

        AnsiConsole.Write(pipeline);
        AnsiConsole.Write(Pairs("Input column", "Type", d.InputSchema));
        AnsiConsole.Write(Pairs("Hypernetwork", "Value", d.Hypernetwork));
        AnsiConsole.MarkupLine(Markup.Escape(d.Size));
    }

    private static Table Pairs(string left, string right, IEnumerable<(string, string)> rows)
    {
        var table = new Table().AddColumn(left).AddColumn(right);
        foreach ((string a, string b) in rows)
        {
            table.AddRow(Markup.Escape(a), Markup.Escape(b));
        }

        return table;
    }
}

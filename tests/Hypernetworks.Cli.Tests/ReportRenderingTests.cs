using System.Text.RegularExpressions;

namespace Hypernetworks.Cli.Tests;

public sealed partial class ReportRenderingTests(TrainedModel trained, SweptModel swept) : IClassFixture<TrainedModel>, IClassFixture<SweptModel>
{
    private const string SkipMessage = "Chromium is not installed (apt-get install -y chromium): the reports cannot be rendered.";

    [SkippableFact]
    public void TrainingReport_RendersItsChartsInChromium()
    {
        Skip.IfNot(Chromium.IsInstalled, SkipMessage);
        Assert.True(trained.Train.ExitCode == 0, trained.Train.ToString());

        AssertRendersCharts(trained.ReportPath, minimumCharts: 2, minimumLines: 2);
    }

    [SkippableFact]
    public void SweepReport_RendersItsChartsInChromium()
    {
        Skip.IfNot(Chromium.IsInstalled, SkipMessage);
        Assert.True(swept.Resumed.ExitCode == 0, swept.Resumed.ToString());

        AssertRendersCharts(swept.ReportPath, minimumCharts: 4, minimumLines: 2);
    }

    private static void AssertRendersCharts(string report, int minimumCharts, int minimumLines)
    {
        string dom = Chromium.DumpDom(report);
        Assert.True(Svg().Matches(dom).Count >= minimumCharts, "too few svg charts in the rendered DOM");
        Assert.True(DrawnPolyline().Matches(dom).Count >= minimumLines, "too few polylines with points in the rendered DOM");
        Assert.True(Circle().Matches(dom).Count + Bar().Matches(dom).Count > 0, "no dots or bars in the rendered DOM");

        string png = Path.ChangeExtension(report, ".png");
        Chromium.Screenshot(report, png);
        PngImage image = PngImage.Read(png);
        Assert.Equal(1200, image.Width);
        int distinct = image.Pixels.Distinct().Count();
        uint background = image.Pixels.GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        double inked = image.Pixels.Count(p => p != background) / (double)image.Pixels.Length;
        Assert.True(distinct > 50, $"the screenshot has only {distinct} colours");
        Assert.True(inked > 0.05, $"only {inked:P1} of the screenshot differs from its background");
        Assert.Contains(image.Pixels, p => p == 0x1f77b4);
    }

    [GeneratedRegex("<svg[^>]*class=\"chart\"")]
    private static partial Regex Svg();

    [GeneratedRegex("<polyline points=\"[0-9.]+,[0-9.]+ [0-9.]+,[0-9.]+")]
    private static partial Regex DrawnPolyline();

    [GeneratedRegex("<circle cx=\"[0-9.]+\"")]
    private static partial Regex Circle();

    [GeneratedRegex("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"[0-9.]+\" fill=\"#2ca02c\"")]
    private static partial Regex Bar();
}

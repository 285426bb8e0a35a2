using System.Linq;
using ScottPlot;
using V2G.Sim.Simulation;

namespace V2G.Sim.Output
{
    /// <summary>
    /// Draws a run (--plot FILE) as one PNG of four panels against time: power and setpoint, DC
    /// voltage and current, SoC, grid frequency; every panel marks the states the controller entered.
    /// </summary>
    public static class PlotWriter
    {
        public static void Write(RunResult r, string path, int widthPx = 1400, int heightPx = 1100)
        {
            double[] t = r.Samples.Select(s => s.TimeS).ToArray();
            var multiplot = new Multiplot();
            multiplot.AddPlots(4);
            Plot power = multiplot.GetPlot(0);
            Plot dc = multiplot.GetPlot(1);
            Plot soc = multiplot.GetPlot(2);
            Plot grid = multiplot.GetPlot(3);

            var p = power.Add.ScatterLine(t, r.Samples.Select(s => s.PowerW / 1000.0).ToArray());
            p.LegendText = "DC power (kW, + to the vehicle)";
            var sp = power.Add.ScatterLine(t, r.Samples.Select(s => s.SetpointW / 1000.0).ToArray());
            sp.LegendText = "target (kW)";
            sp.LinePattern = LinePattern.Dashed;
            power.Title($"{r.Scenario}: {r.Result}, {r.EnergyChargedWh / 1000.0:0.00} kWh charged, {r.EnergyDischargedWh / 1000.0:0.00} kWh discharged");
            power.YLabel("kW");
            power.ShowLegend(Alignment.LowerLeft);

            var v = dc.Add.ScatterLine(t, r.Samples.Select(s => s.VoltageV).ToArray());
            v.LegendText = "DC voltage (V)";
            var i = dc.Add.ScatterLine(t, r.Samples.Select(s => s.CurrentA).ToArray());
            i.LegendText = "DC current (A)";
            i.Axes.YAxis = dc.Axes.Right;
            dc.Axes.Right.Label.Text = "A";
            dc.YLabel("V");
            dc.ShowLegend(Alignment.LowerLeft);

            soc.Add.ScatterLine(t, r.Samples.Select(s => s.SocPercent).ToArray()).LegendText = "SoC (%)";
            soc.YLabel("SoC %");

            grid.Add.ScatterLine(t, r.Samples.Select(s => s.GridFrequencyHz).ToArray()).LegendText = "grid frequency (Hz)";
            grid.YLabel("Hz");
            grid.XLabel("simulated time (s)");

            // States entered within a few percent of the run of each other would print on top of one
            // another: only the first of such a cluster, and every fault, gets its label.
            double endS = t.Length > 0 ? t[^1] : 1;
            double minLabelGapS = endS * 0.04;
            double lastLabelS = double.NegativeInfinity;
            foreach (StateMark mark in r.StateMarks)
            {
                bool label = mark.State == "fault" || mark.TimeS - lastLabelS >= minLabelGapS;
                if (label)
                {
                    lastLabelS = mark.TimeS;
                }

                foreach (Plot plot in new[] { power, dc, soc, grid })
                {
                    var line = plot.Add.VerticalLine(mark.TimeS);
                    line.LineColor = mark.State == "fault" ? Colors.Red : Colors.Gray.WithAlpha(0.5);
                    line.LinePattern = LinePattern.Dotted;
                    if (plot == power && label)
                    {
                        line.LabelText = mark.State;
                        line.LabelOppositeAxis = true;
                        line.LabelFontSize = 9;
                    }
                }
            }

            foreach (Plot plot in new[] { power, dc, soc, grid })
            {
                plot.Axes.SetLimitsX(0, endS);
            }

            multiplot.SavePng(path, widthPx, heightPx);
        }
    }
}

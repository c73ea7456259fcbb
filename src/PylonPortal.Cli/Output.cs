using System.Globalization;

namespace PylonPortal.Cli;

/// <summary>Terminal output: aligned tables and numbers a person can read.</summary>
public static class Output
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string N(decimal value, int decimals = 1) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Seconds(long milliseconds) => Seconds(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Prints rows as columns padded to their widest cell; numbers align right.</summary>
    public static void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string indent = "  ")
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => i < r.Count ? r[i].Length : 0)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => IsNumber(cell) && i > 0 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            Console.WriteLine(indent + string.Join("  ", cells).TrimEnd());
        }
    }

    private static bool IsNumber(string cell) =>
        cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '-' or '+') && cell.All(c => char.IsDigit(c) || c is ',' or '.' or '-' or '+' or ' ' or 's' or '%');
}

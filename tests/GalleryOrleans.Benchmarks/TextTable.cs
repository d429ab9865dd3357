namespace GalleryOrleans.Benchmarks;

/// <summary>A titled table printed with aligned columns.</summary>
internal sealed class TextTable(string title, params string[] headers)
{
    private readonly List<string[]> rows = [];
    private readonly List<string> notes = [];

    public void AddRow(params string[] cells) => rows.Add(cells);

    public void AddNote(string note) => notes.Add(note);

    public void Print(TextWriter output)
    {
        var all = rows.Prepend(headers).ToArray();
        var widths = Enumerable.Range(0, headers.Length).Select(column => all.Max(row => column < row.Length ? row[column].Length : 0)).ToArray();
        output.WriteLine();
        output.WriteLine(title);
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
        foreach (var note in notes)
        {
            output.WriteLine("  " + note);
        }
    }
}

namespace GalleryOrleans.TestKit;

/// <summary>Processes as Linux lists them in /proc.</summary>
public static class ProcessTree
{
    /// <summary>The process and every process below it.</summary>
    public static IReadOnlyList<int> WithDescendants(int root)
    {
        var parents = Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => (Id: int.Parse(name!), Parent: ParentOf(int.Parse(name!))))
            .Where(process => process.Parent is not null)
            .ToLookup(process => process.Parent!.Value, process => process.Id);
        var found = new List<int> { root };
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(parents[found[i]]);
        }
        return found;
    }

    /// <summary>The process's command line with spaces between the arguments; empty once it has gone.</summary>
    public static string CommandLine(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Whether the process exists and has not ended (a zombie has ended).</summary>
    public static bool IsRunning(int id) => StatFields(id) is { } fields && fields[0] != "Z";

    private static int? ParentOf(int id) => StatFields(id) is { } fields ? int.Parse(fields[1]) : null;

    /// <summary>The fields of /proc/ID/stat after the command name (state, parent id, ...).</summary>
    private static string[]? StatFields(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // The command name is in parentheses and may itself hold spaces and parentheses.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}

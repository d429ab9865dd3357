using System.Globalization;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// The top-level images that libheif's heif-info lists, in the order heif-convert writes them, as lines such as
/// "image: 4032x3024 (id=49), primary". The sizes are after the file's rotation and mirroring.
/// </summary>
internal static partial class HeifInfo
{
    public sealed record Listed(int Width, int Height, bool Primary);

    public static IReadOnlyList<Listed> Parse(string output) =>
        ImageLine().Matches(output).Select(m => new Listed(
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            m.Groups[3].Success)).ToList();

    [GeneratedRegex(@"^image: (\d{1,9})x(\d{1,9}) \(id=\d+\)(, primary)?", RegexOptions.Multiline)]
    private static partial Regex ImageLine();
}

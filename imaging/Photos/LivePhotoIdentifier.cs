namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// The content identifier that pairs a Live Photo's still and motion parts, as the gallery accepts it from a file:
/// the UUID shape Apple writes, so a stranger's metadata cannot become an arbitrary key.
/// </summary>
internal static class LivePhotoIdentifier
{
    private const int MaxLength = 64;

    public static string? Accept(string? text) =>
        text is { Length: > 0 and <= MaxLength } && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? text.ToUpperInvariant() : null;
}

namespace GalleryOrleans.Imaging.Photos;

/// <summary>Why an upload could not be processed; each maps to one HTTP answer.</summary>
public enum UnreadableMediaReason
{
    /// <summary>Not an image format we accept (415).</summary>
    NotAnImage,

    /// <summary>A recognised format this libvips build cannot decode, such as HEVC-coded HEIC (415).</summary>
    Unsupported,

    /// <summary>Dimensions exceed <see cref="ImageLimits"/> (413).</summary>
    TooLarge,

    /// <summary>The header was readable but the pixel data is truncated or damaged (400).</summary>
    Corrupt,
}

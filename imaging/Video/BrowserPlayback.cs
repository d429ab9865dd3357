namespace GalleryOrleans.Imaging.Video;

/// <summary>
/// Which uploads every current browser plays as they are: H.264 (8-bit 4:2:0) in MP4 with AAC or MP3 sound, and
/// VP8, VP9 or AV1 in WebM with Opus or Vorbis. Anything else (HEVC, ProRes, QuickTime, AVI, ...) gets a rendition.
/// </summary>
public static class BrowserPlayback
{
    public static bool PlaysAsUploaded(string contentType, VideoFacts facts) => contentType switch
    {
        "video/mp4" => facts.Codec == "h264" && facts.PixelFormat is "yuv420p" or "yuvj420p" && facts.AudioCodec is null or "aac" or "mp3",
        "video/webm" => facts.Codec is "vp8" or "vp9" or "av1" && facts.AudioCodec is null or "opus" or "vorbis",
        _ => false,
    };
}

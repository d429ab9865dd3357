namespace GalleryOrleans.Imaging.MediaTools;

/// <summary>Limits for the external decoders (libheif's and ffmpeg's programs), from the "Media" section.</summary>
public sealed class MediaToolOptions
{
    public const string Section = "Media";

    /// <summary>Wall-clock limit of one HEIF decode, probe or poster frame.</summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Address-space limit of one decode, probe or poster frame, in MiB.</summary>
    public long DecodeMemoryMiB { get; set; } = 2048;

    /// <summary>How many decodes, probes and poster frames run at once on a silo.</summary>
    public int DecodeConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Wall-clock limit of one video transcode.</summary>
    public TimeSpan TranscodeTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Address-space limit of one video transcode, in MiB.</summary>
    public long TranscodeMemoryMiB { get; set; } = 4096;
}

using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

[GenerateSerializer]
public sealed class MultipartState
{
    [Id(0)] public Guid Owner { get; set; }
    [Id(1)] public string Bucket { get; set; } = "";
    [Id(2)] public string Key { get; set; } = "";
    [Id(3)] public string ContentType { get; set; } = "";
    [Id(4)] public Dictionary<string, string> Metadata { get; set; } = [];
    [Id(5)] public Dictionary<int, StoredPart> Parts { get; set; } = [];
    [Id(6)] public DateTime Initiated { get; set; }

    /// <summary>When the bucket was created: tells it apart from a later bucket of the same name.</summary>
    [Id(7)] public DateTime BucketCreated { get; set; }
    [Id(8)] public Dictionary<string, string> Headers { get; set; } = [];
}

[GenerateSerializer]
public sealed record StoredPart([property: Id(0)] UploadedPart Part, [property: Id(1)] ObjectLocation Location);

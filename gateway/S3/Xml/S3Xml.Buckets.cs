namespace GalleryOrleans.Gateway.S3.Xml;

/// <summary>A bucket in ListAllMyBucketsResult.</summary>
public sealed record BucketEntry(string Name, DateTimeOffset CreationDate);

public static partial class S3Xml
{
    /// <summary>ListAllMyBucketsResult; <paramref name="continuationToken"/> resumes after this page when more buckets follow.</summary>
    public static byte[] ListAllMyBuckets(string ownerId, string ownerDisplayName, IEnumerable<BucketEntry> buckets, string? continuationToken = null) =>
        Document("ListAllMyBucketsResult", Namespace, writer =>
        {
            Person(writer, "Owner", ownerId, ownerDisplayName);
            Elements(writer, "Buckets", list =>
            {
                foreach (var bucket in buckets)
                {
                    Elements(list, "Bucket", entry =>
                    {
                        Element(entry, "Name", bucket.Name);
                        Element(entry, "CreationDate", bucket.CreationDate);
                    });
                }
            });
            if (continuationToken is not null)
            {
                Element(writer, "ContinuationToken", continuationToken);
            }
        });
}

public static partial class S3Xml
{
    /// <summary>GetBucketLocation's answer: empty, which S3 clients read as us-east-1.</summary>
    public static byte[] LocationConstraint() => Document("LocationConstraint", Namespace, _ => { });
}

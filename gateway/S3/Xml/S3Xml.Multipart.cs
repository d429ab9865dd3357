using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Gateway.S3.Xml;

/// <summary>A stored part in ListPartsResult.</summary>
public sealed record PartEntry(int PartNumber, DateTimeOffset LastModified, string ETag, long Size);

/// <summary>
/// One page of ListParts. <see cref="NextPartNumberMarker"/> is the last part number of this page when more parts
/// follow, null on the last page.
/// </summary>
public sealed record ListPartsPage(
    string Bucket,
    string Key,
    string UploadId,
    int PartNumberMarker,
    int MaxParts,
    IReadOnlyList<PartEntry> Parts,
    int? NextPartNumberMarker,
    string StorageClass = "STANDARD");

public static partial class S3Xml
{
    public static byte[] InitiateMultipartUpload(string bucket, string key, string uploadId) =>
        Document("InitiateMultipartUploadResult", Namespace, writer =>
        {
            Element(writer, "Bucket", bucket);
            Element(writer, "Key", key);
            Element(writer, "UploadId", uploadId);
        });

    /// <param name="etag">The multipart ETag (<c>md5-of-part-md5s-partcount</c>), with or without quotes.</param>
    public static byte[] CompleteMultipartUpload(string location, string bucket, string key, string etag) =>
        Document("CompleteMultipartUploadResult", Namespace, writer =>
        {
            Element(writer, "Location", location);
            Element(writer, "Bucket", bucket);
            Element(writer, "Key", key);
            Element(writer, "ETag", S3Format.QuoteETag(etag));
        });

    /// <summary>ListMultipartUploadsResult; the next markers name the last upload or common prefix of a truncated page.</summary>
    public static byte[] ListMultipartUploads(string bucket, ListUploadsRequest request, UploadListing listing, string ownerId) =>
        Document("ListMultipartUploadsResult", Namespace, writer =>
        {
            Element(writer, "Bucket", bucket);
            Element(writer, "KeyMarker", request.KeyMarker);
            Element(writer, "UploadIdMarker", request.UploadIdMarker);
            if (listing.NextKeyMarker is not null)
            {
                Element(writer, "NextKeyMarker", listing.NextKeyMarker);
                Element(writer, "NextUploadIdMarker", listing.NextUploadIdMarker ?? "");
            }

            Element(writer, "Prefix", request.Prefix);
            if (request.Delimiter.Length > 0)
            {
                Element(writer, "Delimiter", request.Delimiter);
            }

            Element(writer, "MaxUploads", request.MaxUploads);
            Element(writer, "IsTruncated", listing.IsTruncated);
            foreach (var upload in listing.Uploads)
            {
                Elements(writer, "Upload", entry =>
                {
                    Element(entry, "Key", upload.Key);
                    Element(entry, "UploadId", upload.UploadId);
                    Person(entry, "Initiator", ownerId);
                    Person(entry, "Owner", ownerId);

                    Element(entry, "StorageClass", "STANDARD");
                    Element(entry, "Initiated", new DateTimeOffset(upload.Initiated, TimeSpan.Zero));
                });
            }
            foreach (var prefix in listing.CommonPrefixes)
            {
                Elements(writer, "CommonPrefixes", common => Element(common, "Prefix", prefix));
            }
        });

    public static byte[] ListParts(ListPartsPage page) =>
        Document("ListPartsResult", Namespace, writer =>
        {
            Element(writer, "Bucket", page.Bucket);
            Element(writer, "Key", page.Key);
            Element(writer, "UploadId", page.UploadId);
            Element(writer, "StorageClass", page.StorageClass);
            Element(writer, "PartNumberMarker", page.PartNumberMarker);
            if (page.NextPartNumberMarker is { } next)
            {
                Element(writer, "NextPartNumberMarker", next);
            }

            Element(writer, "MaxParts", page.MaxParts);
            Element(writer, "IsTruncated", page.NextPartNumberMarker is not null);
            foreach (var part in page.Parts)
            {
                Elements(writer, "Part", entry =>
                {
                    Element(entry, "PartNumber", part.PartNumber);
                    Element(entry, "LastModified", part.LastModified);
                    Element(entry, "ETag", S3Format.QuoteETag(part.ETag));
                    Element(entry, "Size", part.Size);
                });
            }
        });
}

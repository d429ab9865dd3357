using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.SigV4;

namespace GalleryOrleans.Gateway.S3.Xml;

public static partial class S3Xml
{
    /// <summary>
    /// ListVersionsResult of an unversioned bucket: each object is its own latest and only version, <c>null</c>.
    /// A truncated page resumes after its last key or common prefix.
    /// </summary>
    public static byte[] ListVersions(string bucket, ListVersionsQuery query, ListObjectsPage page, string ownerId) =>
        Document("ListVersionsResult", Namespace, writer =>
        {
            var listing = query.Listing;
            string Encode(string value) => listing.UrlEncoded ? UriEncoding.Encode(value, keepSlash: true) : value;

            Element(writer, "Name", bucket);
            Element(writer, "Prefix", Encode(listing.Prefix));
            Element(writer, "KeyMarker", Encode(query.KeyMarker ?? ""));
            Element(writer, "VersionIdMarker", query.VersionIdMarker ?? "");
            if (page.NextMarker is not null)
            {
                Element(writer, "NextKeyMarker", Encode(page.NextMarker));
                Element(writer, "NextVersionIdMarker", ListVersionsQuery.NullVersionId);
            }

            WritePageState(writer, listing, page, Encode);
            foreach (var entry in page.Objects)
            {
                Elements(writer, "Version", version =>
                {
                    Element(version, "Key", Encode(entry.Key));
                    Element(version, "VersionId", ListVersionsQuery.NullVersionId);
                    Element(version, "IsLatest", true);
                    Element(version, "LastModified", entry.LastModified);
                    Element(version, "ETag", S3Format.QuoteETag(entry.ETag));
                    Element(version, "Size", entry.Size);
                    Element(version, "StorageClass", entry.StorageClass);
                    Person(version, "Owner", ownerId);
                });
            }

            WriteCommonPrefixes(writer, page, Encode);
        });
}

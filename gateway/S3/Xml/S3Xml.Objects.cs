namespace GalleryOrleans.Gateway.S3.Xml;

/// <summary>A key that DeleteObjects could not delete.</summary>
public sealed record DeleteFailure(string Key, string Code, string Message);

public static partial class S3Xml
{
    public static byte[] CopyObject(DateTimeOffset lastModified, string etag) => CopyResult("CopyObjectResult", lastModified, etag);

    /// <summary>The answer to UploadPartCopy.</summary>
    public static byte[] CopyPart(DateTimeOffset lastModified, string etag) => CopyResult("CopyPartResult", lastModified, etag);

    /// <summary>DeleteResult of DeleteObjects; in quiet mode only the failures are listed, as S3 does.</summary>
    public static byte[] DeleteResult(IEnumerable<string> deletedKeys, IEnumerable<DeleteFailure> failures, bool quiet) =>
        Document("DeleteResult", Namespace, writer =>
        {
            if (!quiet)
            {
                foreach (var key in deletedKeys)
                {
                    Elements(writer, "Deleted", deleted => Element(deleted, "Key", key));
                }
            }

            foreach (var failure in failures)
            {
                Elements(writer, "Error", error =>
                {
                    Element(error, "Key", failure.Key);
                    Element(error, "Code", failure.Code);
                    Element(error, "Message", failure.Message);
                });
            }
        });

    private static byte[] CopyResult(string root, DateTimeOffset lastModified, string etag) =>
        Document(root, Namespace, writer =>
        {
            Element(writer, "LastModified", lastModified);
            Element(writer, "ETag", S3Format.QuoteETag(etag));
        });
}

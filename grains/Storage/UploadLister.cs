using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// ListMultipartUploads over the ordered upload index: uploads after the markers, with the prefix; with a delimiter,
/// keys that share the part up to the next delimiter roll up into one common prefix, and the scan jumps past them.
/// </summary>
public static class UploadLister
{
    public static async Task<UploadListing> ListAsync(MultipartCatalog catalog, string bucket, ListUploadsRequest request)
    {
        var page = new Page(request.MaxUploads);
        var delimiter = request.Delimiter.Length == 0 ? null : request.Delimiter;
        var (keyMarker, uploadIdMarker, from) = (request.KeyMarker, request.UploadIdMarker, "");
        // A key marker inside a rolled-up prefix means that whole prefix was already answered.
        if (KeyRange.CommonPrefixOf(keyMarker, request.Prefix, delimiter) is { } answered)
        {
            if (KeyRange.UpperBound(answered) is not { } next)
            {
                return page.Finished();
            }
            from = next;
        }
        while (true)
        {
            var requested = page.Room + 1;
            var batch = await catalog.ListAsync(bucket, request.Prefix, keyMarker, uploadIdMarker, from, requested);
            var jumped = false;
            foreach (var upload in batch)
            {
                if (page.Room == 0)
                {
                    return page.Truncated();
                }
                if (KeyRange.CommonPrefixOf(upload.Key, request.Prefix, delimiter) is not { } commonPrefix)
                {
                    page.Add(upload);
                    (keyMarker, uploadIdMarker, from) = (upload.Key, upload.UploadId, "");
                    continue;
                }
                page.Add(commonPrefix);
                if (KeyRange.UpperBound(commonPrefix) is not { } next)
                {
                    return page.Finished();
                }
                from = next;
                jumped = true;
                break;
            }
            if (!jumped && batch.Count < requested)
            {
                return page.Finished();
            }
        }
    }

    private sealed class Page(int size)
    {
        private readonly List<UploadInProgress> uploads = [];
        private readonly List<string> prefixes = [];
        private (string? Key, string? UploadId) last;

        public int Room => size - uploads.Count - prefixes.Count;

        public void Add(UploadInProgress upload)
        {
            uploads.Add(upload);
            last = (upload.Key, upload.UploadId);
        }

        public void Add(string commonPrefix)
        {
            prefixes.Add(commonPrefix);
            last = (commonPrefix, null);
        }

        public UploadListing Finished() => new(uploads, false, prefixes, null, null);

        public UploadListing Truncated() => new(uploads, true, prefixes, last.Key, last.UploadId);
    }
}

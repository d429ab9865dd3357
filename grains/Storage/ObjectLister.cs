using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// S3 listing over the ordered object index: keys after the marker, with the prefix; with a delimiter,
/// keys that share the part up to the next delimiter roll up into one common prefix, and the scan
/// jumps past all of them instead of reading each.
/// </summary>
public static class ObjectLister
{
    public static async Task<ObjectListing> ListAsync(BucketCatalog catalog, string bucket, ListObjectsRequest request)
    {
        var objects = new List<ObjectInfo>();
        var prefixes = new List<string>();
        var delimiter = string.IsNullOrEmpty(request.Delimiter) ? null : request.Delimiter;
        string? after = request.After;
        string? from = null;
        string? last = null;
        // A marker inside a rolled-up prefix means that whole prefix was already answered.
        if (after is not null && KeyRange.CommonPrefixOf(after, request.Prefix, delimiter) is { } answered)
        {
            (after, from) = (null, KeyRange.UpperBound(answered));
            if (from is null)
            {
                return new ObjectListing(objects, prefixes, false, null);
            }
        }
        while (true)
        {
            var requested = request.MaxKeys - objects.Count - prefixes.Count + 1;
            var batch = await catalog.ListObjectsAsync(bucket, request.Prefix, after, from, requested);
            var jumped = false;
            foreach (var info in batch)
            {
                if (objects.Count + prefixes.Count == request.MaxKeys)
                {
                    return new ObjectListing(objects, prefixes, true, last);
                }
                if (KeyRange.CommonPrefixOf(info.Key, request.Prefix, delimiter) is not { } commonPrefix)
                {
                    objects.Add(info);
                    (last, after, from) = (info.Key, info.Key, null);
                    continue;
                }
                prefixes.Add(commonPrefix);
                last = commonPrefix;
                (after, from) = (null, KeyRange.UpperBound(commonPrefix));
                if (from is null)
                {
                    return new ObjectListing(objects, prefixes, false, null);
                }
                jumped = true;
                break;
            }
            if (!jumped && batch.Count < requested)
            {
                return new ObjectListing(objects, prefixes, false, null);
            }
        }
    }
}

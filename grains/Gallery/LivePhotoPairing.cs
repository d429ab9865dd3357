using GalleryOrleans.Abstractions.Gallery;
using Npgsql;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Records a newly processed media so that a Live Photo's still and motion part, which carry one content
/// identifier, become one media whichever arrives first: a video finding its photo joins it as the motion part
/// (and is not recorded on its own); a photo finding its video waiting takes it over, keeping the video's row so that
/// undoing the photo's upload can give the video back (<see cref="MotionPart.FormerVideo"/>). The owner's media holding an
/// identifier is unique (an index), so two parts recorded at the same moment meet on the retry.
/// </summary>
public sealed class LivePhotoPairing(GalleryCatalog catalog, MediaProcessor processor, IGrainFactory grains)
{
    private const int Attempts = 3;

    /// <summary>Either the record as stored, or the photo that the new video joined.</summary>
    public sealed record Outcome(MediaRecord? Recorded, MediaView? JoinedPhoto);

    public async Task<Outcome> RecordAsync(MediaRecord created)
    {
        var record = created;
        for (var attempt = 1; ; attempt++)
        {
            var holder = record.ContentIdentifier is { } identifier ? await catalog.FindByContentIdentifierAsync(record.OwnerId, identifier) : null;
            if (holder is { Kind: "image", Details.Motion: null } && record is { Kind: "video", Details.Video: { } video })
            {
                var motion = new MotionPart(record.Details.Original, record.ContentType, video);
                var joined = await grains.GetGrain<IMediaGrain>(holder.Id).AttachMotion(record.OwnerId, motion.ToTransfer());
                if (joined.Succeeded)
                {
                    await processor.DeleteFilesAsync(record.OwnerId, record.Details.Thumbnails.Values);
                    return new Outcome(null, joined.Value);
                }
            }
            else if (holder is { Kind: "video" } && record is { Kind: "image", Details.Motion: null }
                && await grains.GetGrain<IMediaGrain>(holder.Id).HandOverAsMotion(record.OwnerId) is { } waiting)
            {
                record = record with { Details = record.Details with { Motion = MotionPart.From(waiting) with { FormerVideo = holder } } };
                holder = null;
            }
            // A second copy of a part already paired is a media of its own, without the identifier.
            if (holder is not null)
            {
                record = record with { ContentIdentifier = null };
            }
            try
            {
                await catalog.InsertMediaAsync(record);
                return new Outcome(record, null);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation && attempt < Attempts)
            {
                // The other part was recorded meanwhile: the next round pairs with it.
            }
        }
    }
}

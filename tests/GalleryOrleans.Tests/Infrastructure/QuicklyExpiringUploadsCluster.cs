namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A cluster whose multipart uploads are abandoned after an hour instead of a week, on a clock the test moves.</summary>
public sealed class QuicklyExpiringUploadsCluster : AdjustableClockCluster
{
    public static readonly TimeSpan AbandonedUploadAge = TimeSpan.FromHours(1);

    protected override IDictionary<string, string?> CommonSettings() => new Dictionary<string, string?>(base.CommonSettings())
    {
        ["Storage:AbandonedUploadAge"] = AbandonedUploadAge.ToString(),
    };
}

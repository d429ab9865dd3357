using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Http;

namespace GalleryOrleans.Gateway.Storage;

/// <summary>/api/buckets: the gallery's view of the caller's buckets, on the same grains as the S3 API.</summary>
internal static class BucketEndpoints
{
    public sealed record NewBucketBody(string? Name) : IRequestBody
    {
        public void Validate(FieldErrors errors, HttpContext context)
        {
            if (!BucketNames.IsValid(Name))
            {
                errors.Add("name", "3 to 63 lower-case letters, digits, dots and hyphens, as S3 bucket names.");
            }
        }
    }

    public sealed record BucketView(string Name, DateTime CreatedAt, long ObjectCount, long SizeBytes)
    {
        public static BucketView From(BucketInfo info) => new(info.Name, info.CreatedAt, info.ObjectCount, info.SizeBytes);
    }

    public static void MapBucketEndpoints(this IEndpointRouteBuilder app)
    {
        var buckets = app.MapGroup("/api/buckets").WithTags("Buckets").RequireAuthorization();
        buckets.MapGet("", ListAsync);
        buckets.MapPost("", CreateAsync).WithJsonBody<NewBucketBody>();
        buckets.MapDelete("/{name}", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IClusterClient cluster)
    {
        var buckets = await cluster.GetGrain<IBucketDirectoryGrain>(0).ListBuckets(context.User.UserId());
        return Results.Ok(new { items = buckets.Select(BucketView.From), nextCursor = (string?)null });
    }

    private static async Task<IResult> CreateAsync(JsonBody<NewBucketBody> json, HttpContext context, IClusterClient cluster)
    {
        var body = json.Value;
        var result = await cluster.GetGrain<IBucketGrain>(body.Name!).Create(context.User.UserId());
        return result.Failure switch
        {
            StorageFailure.None => Results.Created($"/api/buckets/{body.Name}", BucketView.From(result.Value!)),
            StorageFailure.InvalidBucketName => Problems.Validation("name", $"Names starting with '{BucketNames.ReservedPrefix}' are reserved."),
            _ => Problems.Conflict("Bucket exists", "A bucket with this name exists."),
        };
    }

    private static async Task<IResult> DeleteAsync(string name, HttpContext context, IClusterClient cluster)
    {
        if (!BucketNames.IsValid(name))
        {
            return Problems.NotFound("No such bucket");
        }
        var failure = await cluster.GetGrain<IBucketGrain>(name).Delete(context.User.UserId());
        return failure switch
        {
            StorageFailure.None => Results.NoContent(),
            StorageFailure.BucketNotEmpty => Problems.Conflict("Bucket not empty", "Delete its objects first."),
            _ => Problems.NotFound("No such bucket"),
        };
    }
}

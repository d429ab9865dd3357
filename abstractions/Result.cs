namespace GalleryOrleans.Abstractions;

/// <summary>
/// What a grain answers for an operation that can be refused: a value, or the reason (a failure enum
/// whose default member means none) with an optional detail for the person reading the error.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Result<T, TFailure>(
    [property: Id(0)] T? Value,
    [property: Id(1)] TFailure Failure,
    [property: Id(2)] string? Detail = null)
    where TFailure : struct, Enum
{
    public bool Succeeded => EqualityComparer<TFailure>.Default.Equals(Failure, default);

    public static Result<T, TFailure> Ok(T value) => new(value, default);

    public static Result<T, TFailure> Fail(TFailure failure, string? detail = null) => new(default, failure, detail);
}

namespace GalleryOrleans.Abstractions.Auth;

/// <summary>The public face of a user: never the password hash, reset token or Google id.</summary>
[GenerateSerializer, Immutable]
public sealed record UserView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Username,
    [property: Id(2)] string Email,
    [property: Id(3)] bool EmailVerified,
    [property: Id(4)] string? FirstName,
    [property: Id(5)] string? LastName,
    [property: Id(6)] string? PhoneNumber,
    [property: Id(7)] DateOnly? BirthDate,
    [property: Id(8)] bool GoogleLinked,
    [property: Id(9)] DateTime CreatedAt,
    [property: Id(10)] DateTime UpdatedAt);

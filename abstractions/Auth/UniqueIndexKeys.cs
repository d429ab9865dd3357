namespace GalleryOrleans.Abstractions.Auth;

public static class UniqueIndexKeys
{
    public static string Email(string email) => "email:" + email.Trim().ToLowerInvariant();

    public static string Username(string username) => "username:" + username.Trim().ToLowerInvariant();

    public static string Google(string subject) => "google:" + subject;
}

namespace GalleryOrleans.Abstractions.Auth;

/// <summary>
/// Keeps one value unique across users (an email, a username, a Google subject). Keyed by
/// "kind:normalised value"; being one grain per value, concurrent claims are serialised by Orleans.
/// </summary>
public interface IUniqueIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the value for a user; false when another user holds it.</summary>
    Task<bool> Claim(Guid userId);

    Task Release(Guid userId);

    Task<Guid?> Owner();
}

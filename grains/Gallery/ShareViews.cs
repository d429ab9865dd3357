using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Grains.Auth;
using GalleryOrleans.Grains.Email;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>The owner's view of a share link: the token (decrypted), its public URL and its status.</summary>
public sealed class ShareViews(SecretProtector protector, PublicUrls urls)
{
    public byte[] Protect(string token) => protector.Protect(token);

    public ShareView View(ShareRecord share, DateTime now)
    {
        var token = protector.Unprotect(share.TokenEncrypted);
        var status = share.Revoked ? "revoked" : share.IsExpired(now) ? "expired" : "active";
        return new ShareView(token, urls.Path($"s/{token}"), share.Kind, share.AlbumId, share.MediaId, share.ExpiresAt,
            share.CodeHash is not null, share.RecipientName, status, share.ViewCount, share.CreatedAt,
            share.IncludeOriginals);
    }
}

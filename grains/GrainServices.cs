using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Grains.Auth;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Email;
using GalleryOrleans.Grains.Gallery;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.MediaTools;
using GalleryOrleans.Grains.Similarity;
using GalleryOrleans.Grains.Storage;
using GalleryOrleans.Imaging.Video;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Grains;

/// <summary>The services the grains depend on, bound from the silo's configuration.</summary>
public static class GrainServices
{
    public static IServiceCollection AddGalleryGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        var tokenSettings = configuration.GetSection(TokenSettings.Section).Get<TokenSettings>() ?? new TokenSettings();
        tokenSettings.JwtSigningKey(); // fail at start, not at the first sign-in, when the key is missing
        var email = configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(tokenSettings);
        services.AddSingleton(configuration.GetSection(TokenSettings.Section).Get<AuthOptions>() ?? new AuthOptions());
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton(email);
        services.AddSingleton(new PublicUrls(configuration["PublicBaseUrl"] ?? "http://localhost:8080"));
        services.AddSingleton<AccountEmails>();
        IEmailSender transport = email switch
        {
            { Smtp.Host: { Length: > 0 } } => new SmtpEmailSender(email),
            { PickupDirectory: { Length: > 0 } directory } => new PickupDirectoryEmailSender(directory),
            _ => throw new InvalidOperationException("Set Email:Smtp:Host or Email:PickupDirectory."),
        };
        services.AddSingleton<OutboxStore>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<EmailOutbox>(provider, transport));
        services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<EmailOutbox>());
        services.AddHostedService(provider => provider.GetRequiredService<EmailOutbox>());
        services.AddSingleton(NpgsqlDataSource.Create(configuration.GetConnectionString("Catalog")
            ?? configuration.GetConnectionString("Orleans")
            ?? throw new InvalidOperationException("ConnectionStrings:Catalog is not set.")));
        services.AddSingleton<CatalogDatabase>();
        services.AddSingleton<BucketCatalog>();
        services.AddSingleton<MultipartCatalog>();
        var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddSingleton(provider => new StorageLayout(storage, provider.GetRequiredService<ILocalSiloDetails>().Name));
        services.AddSingleton<WriterHandover>();
        services.AddHostedService<TempFileSweeper>();
        services.AddSingleton(new ImageInspector(ImageLimits.Default));
        services.AddSingleton(ImageLimits.Default);
        services.AddSingleton(configuration.GetSection(MediaToolOptions.Section).Get<MediaToolOptions>() ?? new MediaToolOptions());
        services.AddSingleton<MediaToolRunner>();
        services.AddSingleton<HeifDecoder>();
        services.AddSingleton<VideoProbe>();
        services.AddSingleton<VideoPoster>();
        services.AddSingleton<VideoInspector>();
        services.AddSingleton<VideoTranscoder>();
        services.AddSingleton<VideoMetadataStripper>();
        services.AddSingleton<MediaProcessor>();
        services.AddSingleton<LivePhotoPairing>();
        services.AddSingleton<SharedCopyMaker>();
        services.AddSingleton<GalleryCatalog>();
        services.AddSingleton<SearchCatalog>();
        services.AddSingleton(configuration.GetSection(LibraryOptions.Section).Get<LibraryOptions>() ?? new LibraryOptions());
        services.AddSingleton<ShareCatalog>();
        services.AddSingleton<TrashCatalog>();
        services.AddSingleton(configuration.GetSection(TrashOptions.Section).Get<TrashOptions>() ?? new TrashOptions());
        services.AddSingleton<ShareViews>();
        services.AddSingleton<ShareSessions>();
        services.AddSingleton<SimilarityCatalog>();
        services.AddSingleton(configuration.GetSection(SimilarityOptions.Section).Get<SimilarityOptions>() ?? new SimilarityOptions());
        services.AddSingleton<PhotoEmbedder>();
        return services;
    }
}

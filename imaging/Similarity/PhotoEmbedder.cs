using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>A photo's stored embedding and sharpness.</summary>
public sealed record PhotoSignals(byte[] Embedding, double Sharpness);

/// <summary>
/// Computes photos' embeddings on a bounded pool per silo: at most one per core at a time, off the Orleans
/// scheduler. The model is loaded on first use, so silos that never embed never load it.
/// </summary>
public sealed class PhotoEmbedder(SimilarityOptions options) : IDisposable
{
    private readonly Lazy<EmbeddingModel> model = new(() => new EmbeddingModel(options.ModelDirectory ?? EmbeddingModel.DefaultDirectory));
    private readonly SemaphoreSlim slots = new(Environment.ProcessorCount);

    /// <exception cref="NetVips.VipsException">The file cannot be decoded.</exception>
    public async Task<PhotoSignals> EmbedAsync(string path, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() =>
            {
                var sample = PhotoSample.FromFile(path);
                return new PhotoSignals(PhotoEmbedding.Quantise(model.Value.Embed(sample)), sample.Sharpness);
            }, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose()
    {
        if (model.IsValueCreated)
        {
            model.Value.Dispose();
        }
        slots.Dispose();
    }
}

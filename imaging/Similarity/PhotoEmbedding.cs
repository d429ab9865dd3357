using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// An embedding as stored: a version byte and one signed byte per dimension, scaled so the largest magnitude is
/// 127. The scale need not be kept, since vectors are compared by cosine and are renormalised when read.
/// </summary>
public static class PhotoEmbedding
{
    public const byte CurrentVersion = 1;
    public const int SerializedLength = 1 + EmbeddingModel.Dimensions;

    public static byte[] Quantise(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != EmbeddingModel.Dimensions)
        {
            throw new ArgumentException($"An embedding has {EmbeddingModel.Dimensions} dimensions.", nameof(embedding));
        }
        var bytes = new byte[SerializedLength];
        bytes[0] = CurrentVersion;
        QuantiseInto(embedding, MemoryMarshal.Cast<byte, sbyte>(bytes.AsSpan(1)));
        return bytes;
    }

    /// <summary>
    /// Writes the embedding scaled so its largest magnitude is 127 and returns the norm of the bytes written (0 for a
    /// zero vector, which is written as zeros).
    /// </summary>
    internal static float QuantiseInto(ReadOnlySpan<float> embedding, Span<sbyte> destination)
    {
        var largest = MathF.Abs(TensorPrimitives.MaxMagnitude(embedding));
        var scale = largest > 0 ? 127f / largest : 0f;
        var squares = 0;
        for (var i = 0; i < embedding.Length; i++)
        {
            var value = (sbyte)MathF.Round(embedding[i] * scale);
            destination[i] = value;
            squares += value * value;
        }
        return MathF.Sqrt(squares);
    }

    /// <summary>The unit vector the stored bytes stand for, written to <paramref name="destination"/>.</summary>
    /// <exception cref="FormatException">The bytes are not an embedding of <see cref="CurrentVersion"/>.</exception>
    public static void Read(ReadOnlySpan<byte> stored, Span<float> destination)
    {
        if (stored.Length != SerializedLength || stored[0] != CurrentVersion)
        {
            throw new FormatException($"An embedding is {SerializedLength} bytes of version {CurrentVersion}.");
        }
        for (var i = 0; i < EmbeddingModel.Dimensions; i++)
        {
            destination[i] = unchecked((sbyte)stored[1 + i]);
        }
        var norm = TensorPrimitives.Norm(destination[..EmbeddingModel.Dimensions]);
        if (norm > 0)
        {
            TensorPrimitives.Divide(destination[..EmbeddingModel.Dimensions], norm, destination);
        }
    }

    public static float[] Read(ReadOnlySpan<byte> stored)
    {
        var vector = new float[EmbeddingModel.Dimensions];
        Read(stored, vector);
        return vector;
    }
}

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// Embeddings as the catalog stores them: one signed byte per dimension (largest magnitude 127), 512 bytes a photo
/// instead of 2 KiB of floats, with each row's norm. The cosine of two rows is their exact integer dot product over
/// the product of norms, the same value the renormalised floats give. A row without embedding has norm 0 and
/// matches nothing.
/// </summary>
public sealed class QuantisedRows
{
    private const int D = EmbeddingModel.Dimensions;
    private readonly sbyte[] values;
    private readonly float[] norms;

    private QuantisedRows(sbyte[] values, float[] norms)
    {
        this.values = values;
        this.norms = norms;
    }

    public int Count => norms.Length;

    /// <summary>Rows from unit vectors (or null for a photo without embedding).</summary>
    public static QuantisedRows From(IReadOnlyList<float[]?> embeddings)
    {
        var values = new sbyte[(long)embeddings.Count * D];
        var norms = new float[embeddings.Count];
        Parallel.For(0, embeddings.Count, row =>
        {
            if (embeddings[row] is { } embedding)
            {
                norms[row] = PhotoEmbedding.QuantiseInto(embedding, values.AsSpan(row * D, D));
            }
        });
        return new QuantisedRows(values, norms);
    }

    /// <summary>Rows from a row-major matrix of unit (or zero) vectors.</summary>
    public static QuantisedRows FromMatrix(ReadOnlyMemory<float> matrix)
    {
        var count = matrix.Length / D;
        var values = new sbyte[(long)count * D];
        var norms = new float[count];
        Parallel.For(0, count, row => norms[row] = PhotoEmbedding.QuantiseInto(matrix.Span.Slice(row * D, D), values.AsSpan(row * D, D)));
        return new QuantisedRows(values, norms);
    }

    public ReadOnlySpan<sbyte> Row(int row) => values.AsSpan(row * D, D);

    public bool IsEmpty(int row) => norms[row] == 0;

    public float Cosine(int a, int b) =>
        IsEmpty(a) || IsEmpty(b) ? 0f : Int8Dot.Dot(Row(a), Row(b)) / (norms[a] * norms[b]);

    /// <summary>The unit vector a row stands for.</summary>
    public void Unit(int row, Span<float> destination)
    {
        var source = Row(row);
        var scale = IsEmpty(row) ? 0f : 1f / norms[row];
        for (var i = 0; i < D; i++)
        {
            destination[i] = source[i] * scale;
        }
    }
}

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// The embeddings' <see cref="Dimensions"/> principal directions (of the uncentred second moment, so the first is
/// about the mean direction all ReLU features share), found on a sample by subspace iteration. Each row gets its
/// coordinates in that orthonormal basis and the length of what is left over, which bound its cosine with any other
/// row from above: cos(a, b) = &lt;Pa, Pb&gt; + &lt;Ra, Rb&gt; &lt;= &lt;Pa, Pb&gt; + |Ra| |Rb| (Cauchy-Schwarz), so
/// discarding pairs whose bound is below the threshold loses no pair, whatever the basis.
/// </summary>
internal sealed class ReducedSpace
{
    public const int Dimensions = 32;

    /// <summary>Bytes held per photo: its point and residual.</summary>
    public const int BytesPerRow = (Dimensions + 1) * sizeof(float);
    private const int D = EmbeddingModel.Dimensions;
    private const int SampleSize = 4096;
    private const int Iterations = 30;

    private ReducedSpace(float[] coordinates, float[] residuals)
    {
        Coordinates = coordinates;
        Residuals = residuals;
    }

    /// <summary>Row-major, <see cref="Dimensions"/> per row (a row without embedding is all zero).</summary>
    public float[] Coordinates { get; }

    /// <summary>Per row, the length of the part of its unit vector outside the basis.</summary>
    public float[] Residuals { get; }

    public static ReducedSpace Project(QuantisedRows rows, IReadOnlyList<int> embedded)
    {
        var basis = PrincipalBasis(rows, embedded);
        var coordinates = new float[(long)rows.Count * Dimensions];
        var residuals = new float[rows.Count];
        Parallel.For(0, embedded.Count, () => new float[D], (i, _, unit) =>
        {
            var row = embedded[i];
            rows.Unit(row, unit);
            var point = coordinates.AsSpan(row * Dimensions, Dimensions);
            for (var k = 0; k < Dimensions; k++)
            {
                point[k] = TensorPrimitives.Dot(basis.AsSpan(k * D, D), unit);
            }
            residuals[row] = MathF.Sqrt(MathF.Max(0f, 1f - TensorPrimitives.Dot(point, point)));
            return unit;
        }, _ => { });
        return new ReducedSpace(coordinates, residuals);
    }

    public ReadOnlySpan<float> Point(int row) => Coordinates.AsSpan(row * Dimensions, Dimensions);

    /// <summary>Dot product of two points of the reduced space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var sum = Vector256.LoadUnsafe(ref x) * Vector256.LoadUnsafe(ref y)
            + Vector256.LoadUnsafe(ref x, 8) * Vector256.LoadUnsafe(ref y, 8)
            + (Vector256.LoadUnsafe(ref x, 16) * Vector256.LoadUnsafe(ref y, 16)
            + Vector256.LoadUnsafe(ref x, 24) * Vector256.LoadUnsafe(ref y, 24));
        return Vector256.Sum(sum);
    }

    /// <summary>Top eigenvectors of the sample's second-moment matrix, row-major <see cref="Dimensions"/> x 512.</summary>
    private static float[] PrincipalBasis(QuantisedRows rows, IReadOnlyList<int> embedded)
    {
        var sampleSize = Math.Min(SampleSize, embedded.Count);
        var sample = new float[sampleSize * D];
        Parallel.For(0, sampleSize, s => rows.Unit(embedded[(int)((long)s * embedded.Count / sampleSize)], sample.AsSpan(s * D, D)));
        var moment = new float[D * D];
        Parallel.For(0, D, i =>
        {
            var output = moment.AsSpan(i * D, D);
            for (var s = 0; s < sampleSize; s++)
            {
                var row = sample.AsSpan(s * D, D);
                if (row[i] != 0)
                {
                    TensorPrimitives.MultiplyAdd(row, row[i], output, output);
                }
            }
        });

        // Start from the coordinate axes, then repeatedly multiply by the moment matrix and re-orthonormalise.
        var basis = new float[Dimensions * D];
        for (var k = 0; k < Dimensions; k++)
        {
            basis[k * D + k * (D / Dimensions)] = 1f;
        }
        var next = new float[Dimensions * D];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Parallel.For(0, Dimensions, k =>
            {
                var vector = basis.AsSpan(k * D, D);
                for (var i = 0; i < D; i++)
                {
                    next[k * D + i] = TensorPrimitives.Dot(moment.AsSpan(i * D, D), vector);
                }
            });
            Orthonormalise(next);
            (basis, next) = (next, basis);
        }
        Orthonormalise(basis); // a second pass makes the float basis orthonormal to rounding, which the bound relies on
        return basis;
    }

    /// <summary>Modified Gram-Schmidt over the rows; a row that collapses is left at zero (it then bounds nothing away).</summary>
    private static void Orthonormalise(float[] vectors)
    {
        for (var k = 0; k < Dimensions; k++)
        {
            var vector = vectors.AsSpan(k * D, D);
            for (var j = 0; j < k; j++)
            {
                var previous = vectors.AsSpan(j * D, D);
                TensorPrimitives.MultiplyAdd(previous, -TensorPrimitives.Dot(previous, vector), vector, vector);
            }
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 1e-6f)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
            else
            {
                vector.Clear();
            }
        }
    }
}

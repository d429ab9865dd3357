namespace GalleryOrleans.Imaging.Photos;

/// <summary>Sharpness as the variance of the 4-neighbour Laplacian over a gray raster's interior.</summary>
public static class LaplacianVariance
{
    public static double Of(ReadOnlySpan<byte> gray, int width, int height)
    {
        if (width < 3 || height < 3)
        {
            return 0;
        }
        double sum = 0, sumOfSquares = 0;
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * width;
            for (var x = 1; x < width - 1; x++)
            {
                var at = row + x;
                double laplacian = gray[at - 1] + gray[at + 1] + gray[at - width] + gray[at + width] - 4 * gray[at];
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
            }
        }
        var count = (double)(width - 2) * (height - 2);
        var mean = sum / count;
        return sumOfSquares / count - mean * mean;
    }
}

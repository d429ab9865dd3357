using System.Numerics.Tensors;
using GalleryOrleans.Imaging.Photos;
using Microsoft.ML.OnnxRuntime;

namespace GalleryOrleans.Imaging.Similarity;

/// <summary>
/// ResNet18 (ImageNet) image embeddings from the ONNX files of the Microsoft.ML.DnnImageFeaturizer.ResNet18
/// package: the 512-d pooled features, L2-normalised, so that the dot product of two is their cosine.
/// The network expects planar BGR in 0..255 minus a per-pixel mean image; that mean is read from the
/// package's own preprocessing graph (which computes input - mean) by running it once on zeros.
/// Thread-safe; each call runs on the calling thread only.
/// </summary>
public sealed class EmbeddingModel : IDisposable
{
    public const int Dimensions = 512;
    public const string NetworkFile = "ResNet18.onnx";
    public const string PreprocessFile = "ResNetPreprocess.onnx";

    private const string InputName = "Input247";
    private const string OutputName = "Pooling395_Output_0";
    private static readonly long[] InputShape = [1, 3, PhotoSample.ModelSide, PhotoSample.ModelSide];

    private readonly InferenceSession network;
    private readonly float[] mean;

    public EmbeddingModel(string modelDirectory)
    {
        using var options = SingleThreaded();
        network = new InferenceSession(Path.Combine(modelDirectory, NetworkFile), options);
        mean = ReadMean(Path.Combine(modelDirectory, PreprocessFile), options);
    }

    /// <summary>The per-pixel mean image the network expects subtracted, planar BGR.</summary>
    internal ReadOnlySpan<float> Mean => mean;

    /// <summary>The folder the build copies the model files to, beside the program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Models");

    public float[] Embed(PhotoSample sample)
    {
        var input = new float[sample.Bgr.Length];
        TensorPrimitives.Subtract(sample.Bgr, mean, input);
        using var value = OrtValue.CreateTensorValueFromMemory(input, InputShape);
        using var run = new RunOptions();
        using var outputs = network.Run(run, [InputName], [value], [OutputName]);
        var embedding = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var norm = TensorPrimitives.Norm(embedding);
        if (norm > 0)
        {
            TensorPrimitives.Divide(embedding, norm, embedding);
        }
        return embedding;
    }

    public void Dispose() => network.Dispose();

    // Uploads run side by side; one thread per inference keeps a busy silo from oversubscribing its cores.
    private static SessionOptions SingleThreaded() => new() { IntraOpNumThreads = 1, InterOpNumThreads = 1 };

    private static float[] ReadMean(string preprocessPath, SessionOptions options)
    {
        using var preprocess = new InferenceSession(preprocessPath, options);
        var input = preprocess.InputMetadata.Keys.Single();
        using var zeros = OrtValue.CreateTensorValueFromMemory(new float[3 * PhotoSample.ModelSide * PhotoSample.ModelSide], InputShape);
        using var run = new RunOptions();
        using var outputs = preprocess.Run(run, [input], [zeros], preprocess.OutputNames);
        var negated = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        TensorPrimitives.Negate(negated, negated);
        return negated;
    }
}

using System.Text.RegularExpressions;
using GalleryOrleans.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// The kustomize base in deploy/k8s as kustomize reads it: the namespace and the resources its
/// kustomization.yaml lists, parsed without kubectl. The base has no patches, so the files are the output
/// but for the namespace and the image names.
/// </summary>
internal sealed partial class KubernetesBase
{
    private KubernetesBase(string directory, string @namespace, IReadOnlyList<string> files, IReadOnlyList<Resource> resources)
    {
        Directory = directory;
        Namespace = @namespace;
        Files = files;
        Resources = resources;
    }

    public static KubernetesBase Instance { get; } = Load(Path.Combine(RepositoryRoot.Path, "deploy", "k8s"));

    public string Directory { get; }
    public string Namespace { get; }
    public IReadOnlyList<string> Files { get; }
    public IReadOnlyList<Resource> Resources { get; }

    public Workload Silo => Workload.Of(Single("Deployment", "gallery-silo"));
    public Workload Gateway => Workload.Of(Single("Deployment", "gallery-gateway"));

    public IEnumerable<Workload> Workloads =>
        Resources.Where(resource => resource.Kind is "Deployment" or "StatefulSet" or "DaemonSet").Select(Workload.Of);

    public IEnumerable<Resource> OfKind(string kind) => Resources.Where(resource => resource.Kind == kind);

    public Resource Single(string kind, string name) =>
        Assert.Single(Resources, resource => resource.Kind == kind && resource.Name == name);

    public string ReadText(string file) => File.ReadAllText(Path.Combine(Directory, file));

    private static KubernetesBase Load(string directory)
    {
        var kustomization = Parse(Path.Combine(directory, "kustomization.yaml")).Single();
        var @namespace = kustomization.Text("namespace") ?? throw new InvalidOperationException("kustomization.yaml sets no namespace.");
        var files = kustomization.Items("resources").Select(item => item.Scalar()).ToList();
        var resources = files
            .SelectMany(file => Parse(Path.Combine(directory, file)).Select(root => new Resource(file, root)))
            .ToList();
        return new KubernetesBase(directory, @namespace, files, resources);
    }

    private static List<YamlMappingNode> Parse(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        return stream.Documents
            .Select(document => document.RootNode)
            .OfType<YamlMappingNode>()
            .ToList();
    }

    /// <summary>The secret the manifests read, as deploy/k8s/create-secrets.sh makes it.</summary>
    public SecretScript SecretsScript()
    {
        var text = ReadText("create-secrets.sh");
        return new SecretScript(
            Name: ScriptVariable().Match(text) is { Success: true } secret ? secret.Groups["value"].Value : "",
            Namespace: ScriptNamespace().Match(text) is { Success: true } ns ? ns.Groups["value"].Value : "",
            Keys: FromLiteral().Matches(text).Select(match => match.Groups["key"].Value).ToHashSet(StringComparer.Ordinal),
            Files: FromFile().Matches(text).ToDictionary(match => match.Groups["key"].Value, match => match.Groups["file"].Value, StringComparer.Ordinal),
            Text: text);
    }

    [GeneratedRegex(@"^secret=(?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ScriptVariable();

    [GeneratedRegex(@"^namespace=(?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ScriptNamespace();

    [GeneratedRegex(@"--from-(literal|file)=(?<key>[A-Za-z0-9._-]+)=")]
    private static partial Regex FromLiteral();

    /// <summary>A key whose value is a file the script made: the key and the file's name.</summary>
    [GeneratedRegex(@"--from-file=(?<key>[A-Za-z0-9._-]+)=""?\$\w+/(?<file>[A-Za-z0-9._-]+)""?")]
    private static partial Regex FromFile();
}

/// <summary>Keys holds every key of the secret; Files those that are files, with the name the script made them under.</summary>
internal sealed record SecretScript(string Name, string Namespace, IReadOnlySet<string> Keys, IReadOnlyDictionary<string, string> Files, string Text);

internal sealed record Resource(string File, YamlMappingNode Root)
{
    public string Kind => Root.Text("kind") ?? "";
    public string Name => Root.Node("metadata")?.Text("name") ?? "";
    public YamlMappingNode Spec => Root.Node("spec") as YamlMappingNode ?? new YamlMappingNode();
    public override string ToString() => $"{Kind}/{Name} ({File})";
}

/// <summary>A Deployment or StatefulSet: its replicas, pod labels and the pod spec.</summary>
internal sealed record Workload(Resource Resource, int Replicas, IReadOnlyDictionary<string, string> PodLabels, YamlMappingNode PodSpec)
{
    public static Workload Of(Resource resource)
    {
        var template = resource.Spec.Node("template") ?? throw new InvalidOperationException($"{resource} has no pod template.");
        return new Workload(
            resource,
            int.Parse(resource.Spec.Text("replicas") ?? "1"),
            template.Node("metadata")?.Node("labels").Pairs() ?? new Dictionary<string, string>(),
            template.Node("spec") as YamlMappingNode ?? throw new InvalidOperationException($"{resource} has no pod spec."));
    }

    public IEnumerable<YamlNode> Containers => PodSpec.Items("containers");

    public YamlNode Container(string name) => Assert.Single(Containers, container => container.Text("name") == name);

    /// <summary>Kubernetes' default when the field is absent.</summary>
    public int TerminationGracePeriodSeconds => int.Parse(PodSpec.Text("terminationGracePeriodSeconds") ?? "30");

    public IEnumerable<YamlNode> Volumes => PodSpec.Items("volumes");

    public bool Selects(IReadOnlyDictionary<string, string> selector) =>
        selector.Count > 0 && selector.All(pair => PodLabels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override string ToString() => Resource.ToString();
}

/// <summary>One entry of a container's env: a literal value, a downward API field, or a secret key.</summary>
internal sealed record EnvVar(string Name, string? Value, string? FieldPath, string? SecretName, string? SecretKey)
{
    public static IReadOnlyList<EnvVar> Of(YamlNode container) => container.Items("env")
        .Select(entry => new EnvVar(
            entry.Text("name") ?? "",
            entry.Text("value"),
            entry.Node("valueFrom")?.Node("fieldRef")?.Text("fieldPath"),
            entry.Node("valueFrom")?.Node("secretKeyRef")?.Text("name"),
            entry.Node("valueFrom")?.Node("secretKeyRef")?.Text("key")))
        .ToList();

    /// <summary>The configuration key this variable sets (`__` separates sections, as the .NET host reads it).</summary>
    public string ConfigurationKey => Name.Replace("__", ":", StringComparison.Ordinal);
}

internal static class YamlNodes
{
    public static YamlNode? Node(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping
            ? mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode scalar && scalar.Value == key).Value
            : null;

    public static string? Text(this YamlNode? node, string key) => (node.Node(key) as YamlScalarNode)?.Value;

    public static string Scalar(this YamlNode node) =>
        (node as YamlScalarNode)?.Value ?? throw new InvalidOperationException($"Expected a scalar at {node.Start}.");

    public static IEnumerable<YamlNode> Items(this YamlNode? node, string key) =>
        node.Node(key) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.ToDictionary(pair => pair.Key.Scalar(), pair => pair.Value.Scalar(), StringComparer.Ordinal)
            : new Dictionary<string, string>();

    /// <summary>Every scalar under a node, with the path to it, for checks over whole documents.</summary>
    public static IEnumerable<(string Path, string Value)> Scalars(this YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (path, scalar.Value ?? "");
                break;
            case YamlMappingNode mapping:
                foreach (var pair in mapping.Children)
                {
                    foreach (var inner in pair.Value.Scalars($"{path}.{pair.Key.Scalar()}"))
                    {
                        yield return inner;
                    }
                }
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    foreach (var inner in sequence.Children[i].Scalars($"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }
}

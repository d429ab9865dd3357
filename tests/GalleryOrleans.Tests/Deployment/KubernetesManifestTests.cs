using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using GalleryOrleans.Gateway;
using GalleryOrleans.Gateway.Hosting;
using GalleryOrleans.Gateway.Health;
using GalleryOrleans.Grains.Storage;
using GalleryOrleans.Silo;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using GatewayOptions = GalleryOrleans.Gateway.Hosting.GatewayOptions;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// Checks deploy/k8s for what would break a deployment without any cluster: settings the programs do not
/// read, a silo that cannot be found or named, a volume that is not shared, a grace period shorter than the
/// silo's stop, selectors and ports that point nowhere, secret values in the repository. The silo and the
/// gateway are built (not started) from the manifests' environment to read the options they would run with.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private const string PodIp = "10.1.2.3";
    private const string PodName = "gallery-silo-5c9d7b-x2kq4";

    private static KubernetesBase Base => KubernetesBase.Instance;

    [Fact]
    public void Kustomization_lists_every_manifest_and_each_parses()
    {
        var onDisk = Directory.GetFiles(Base.Directory, "*.yaml")
            .Select(Path.GetFileName)
            .Where(name => name != "kustomization.yaml")
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, Base.Files.Order(StringComparer.Ordinal));
        Assert.All(Base.Files, file => Assert.Contains(Base.Resources, resource => resource.File == file));
        Assert.All(Base.Resources, resource => Assert.False(string.IsNullOrEmpty(resource.Kind) || string.IsNullOrEmpty(resource.Name), $"{resource} lacks kind or name"));
        var ns = Assert.Single(Base.OfKind("Namespace"));
        Assert.Equal(Base.Namespace, ns.Name);
    }

    [Fact]
    public void Silo_and_gateway_set_only_settings_their_programs_read()
    {
        var silo = EnvVar.Of(Base.Silo.Container("silo")).Select(env => env.Name).ToList();
        var gateway = EnvVar.Of(Base.Gateway.Container("gateway")).Select(env => env.Name).ToList();
        // Listed, so a failure names the variables no program reads.
        Assert.Equal([], silo.Where(name => !ProgramSettings.Silo.Reads(name)));
        Assert.Equal([], gateway.Where(name => !ProgramSettings.Gateway.Reads(name)));
        Assert.Equal(silo.Count, silo.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(gateway.Count, gateway.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Silo_is_named_and_addressed_from_the_downward_api()
    {
        var env = EnvVar.Of(Base.Silo.Container("silo")).ToDictionary(e => e.Name);
        Assert.Equal("metadata.name", env[KubernetesHostingOptions.PodNameEnvironmentVariable].FieldPath);
        Assert.Equal("metadata.namespace", env[KubernetesHostingOptions.PodNamespaceEnvironmentVariable].FieldPath);
        Assert.Equal("status.podIP", env[KubernetesHostingOptions.PodIPEnvironmentVariable].FieldPath);
        // The silo advertises Orleans:AdvertisedIp, loopback when unset, whatever POD_IP says.
        Assert.Equal("status.podIP", env["Orleans__AdvertisedIp"].FieldPath);
        // The hosting names the silo after its pod and finds silos of deleted pods by that name.
        if (env.TryGetValue("Orleans__SiloName", out var name))
        {
            Assert.Equal("metadata.name", name.FieldPath);
        }

        using var silo = BuildSilo();
        var endpoints = silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse(PodIp), endpoints.AdvertisedIPAddress);
    }

    [Fact]
    public void Silos_and_gateway_agree_on_service_and_cluster_ids()
    {
        var silo = Base.Silo;
        var env = EnvVar.Of(silo.Container("silo")).ToDictionary(e => e.Name);
        var gateway = EnvVar.Of(Base.Gateway.Container("gateway")).ToDictionary(e => e.Name);
        foreach (var (variable, label, setting) in new[]
        {
            (KubernetesHostingOptions.ServiceIdEnvironmentVariable, KubernetesHostingOptions.ServiceIdLabel, "Orleans__ServiceId"),
            (KubernetesHostingOptions.ClusterIdEnvironmentVariable, KubernetesHostingOptions.ClusterIdLabel, "Orleans__ClusterId"),
        })
        {
            // The hosting lists the cluster's pods by this label and takes the id from the variable.
            Assert.True(silo.PodLabels.TryGetValue(label, out var labelled), $"silo pods lack the {label} label");
            Assert.Equal(labelled, Resolve(silo, env[variable]));
            if (env.TryGetValue(setting, out var own))
            {
                Assert.Equal(labelled, Resolve(silo, own));
            }
            // The gateway finds the silos in the membership table under the same ids.
            Assert.True(gateway.TryGetValue(setting, out var client), $"the gateway does not set {setting}");
            Assert.Equal(labelled, client.Value);
        }
        // Only silo pods carry the labels, or the hosting would take a gateway pod for a silo without one.
        Assert.All(Base.Workloads.Where(w => w.Resource.Name != silo.Resource.Name), other =>
            Assert.DoesNotContain(KubernetesHostingOptions.ServiceIdLabel, other.PodLabels.Keys));
    }

    [Fact]
    public void Storage_root_is_on_a_read_write_many_claim_that_the_silo_mounts()
    {
        var silo = Base.Silo;
        var container = silo.Container("silo");
        var root = Assert.Single(EnvVar.Of(container), env => env.Name == "Storage__Root").Value;
        Assert.NotNull(root);
        Assert.StartsWith("/", root);

        var mount = Assert.Single(container.Items("volumeMounts"), m => Contains(m.Text("mountPath")!, root));
        Assert.NotEqual("true", mount.Text("readOnly"));
        var volume = Assert.Single(silo.Volumes, v => v.Text("name") == mount.Text("name"));
        var claimName = volume.Node("persistentVolumeClaim").Text("claimName");
        Assert.NotNull(claimName);
        var claim = Base.Single("PersistentVolumeClaim", claimName);
        Assert.Contains("ReadWriteMany", claim.Spec.Items("accessModes").Select(mode => mode.Scalar()));
        // The silos run as a non-root user: the group that owns the volume's files must be theirs.
        Assert.NotNull(silo.PodSpec.Node("securityContext").Text("fsGroup"));

        using var built = BuildSilo();
        Assert.Equal(root, built.Services.GetRequiredService<StorageOptions>().Root);
    }

    [Fact]
    public void Gateway_mounts_the_silos_storage_root_writable_to_stream_object_files_and_stage_puts_itself()
    {
        var siloRoot = Assert.Single(EnvVar.Of(Base.Silo.Container("silo")), env => env.Name == "Storage__Root").Value;
        var siloMount = Assert.Single(Base.Silo.Container("silo").Items("volumeMounts"), m => Contains(m.Text("mountPath")!, siloRoot!));
        var siloClaim = Base.Silo.Volumes.Single(v => v.Text("name") == siloMount.Text("name")).Node("persistentVolumeClaim").Text("claimName");

        var container = Base.Gateway.Container("gateway");
        var root = Assert.Single(EnvVar.Of(container), env => env.Name == "Storage__Root").Value;
        Assert.Equal(siloRoot, root);
        var mount = Assert.Single(container.Items("volumeMounts"), m => Contains(m.Text("mountPath")!, root!));
        Assert.NotEqual("true", mount.Text("readOnly"));
        // The same path inside the same claim: a location named by a grain is the same file on both sides.
        Assert.Equal(siloMount.Text("mountPath"), mount.Text("mountPath"));
        var volume = Assert.Single(Base.Gateway.Volumes, v => v.Text("name") == mount.Text("name"));
        Assert.Equal(siloClaim, volume.Node("persistentVolumeClaim").Text("claimName"));
    }

    [Fact]
    public void Silo_grace_period_outlasts_its_graceful_stop_which_outlasts_grain_deactivation()
    {
        using var silo = BuildSilo();
        var shutdown = silo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        var deactivation = silo.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.DeactivationTimeout;
        Assert.Equal(SiloHostBuilder.ShutdownTimeout, shutdown);
        Assert.True(shutdown > deactivation, $"the silo stops within {shutdown}, one grain may take {deactivation}");
        var grace = TimeSpan.FromSeconds(Base.Silo.TerminationGracePeriodSeconds);
        Assert.True(grace > shutdown, $"Kubernetes kills the silo after {grace}, its graceful stop may take {shutdown}");
    }

    [Fact]
    public async Task Gateway_grace_period_outlasts_its_host_shutdown()
    {
        await using var gateway = BuildGateway();
        var shutdown = gateway.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        var grace = TimeSpan.FromSeconds(Base.Gateway.TerminationGracePeriodSeconds);
        Assert.True(grace > shutdown, $"Kubernetes kills the gateway after {grace}, its stop may take {shutdown}");
    }

    [Fact]
    public void Silo_disruption_budget_selects_the_silos_and_lets_one_go()
    {
        var budgets = Base.OfKind("PodDisruptionBudget")
            .Where(pdb => Base.Silo.Selects(pdb.Spec.Node("selector").Node("matchLabels").Pairs()))
            .ToList();
        var budget = Assert.Single(budgets);
        var selector = budget.Spec.Node("selector").Node("matchLabels").Pairs();
        Assert.All(Base.Workloads.Where(w => w.Resource.Name != Base.Silo.Resource.Name), other => Assert.False(other.Selects(selector), $"the silo budget also selects {other}"));
        // A budget that never allows an eviction blocks every node drain.
        if (budget.Spec.Text("maxUnavailable") is { } maxUnavailable)
        {
            Assert.True(int.Parse(maxUnavailable) >= 1);
        }
        else
        {
            Assert.True(int.Parse(budget.Spec.Text("minAvailable")!) < Base.Silo.Replicas, "minAvailable leaves no silo to evict");
        }
        Assert.True(Base.Silo.Replicas >= 2, "one silo is no cluster");
    }

    [Fact]
    public void Every_selector_matches_pods_and_every_service_port_a_container_port()
    {
        foreach (var workload in Base.Workloads)
        {
            Assert.True(workload.Selects(workload.Resource.Spec.Node("selector").Node("matchLabels").Pairs()), $"{workload} does not select its own pods");
        }
        foreach (var service in Base.OfKind("Service"))
        {
            var selector = service.Spec.Node("selector").Pairs();
            var backends = Base.Workloads.Where(w => w.Selects(selector)).ToList();
            var backend = Assert.Single(backends);
            var ports = backend.Containers.SelectMany(c => c.Items("ports")).ToList();
            Assert.All(service.Spec.Items("ports"), port =>
            {
                var target = port.Text("targetPort") ?? port.Text("port")!;
                Assert.Contains(ports, p => p.Text("name") == target || p.Text("containerPort") == target);
            });
        }
        var statefulSet = Assert.Single(Base.OfKind("StatefulSet"));
        Assert.Contains(Base.OfKind("Service"), service => service.Name == statefulSet.Spec.Text("serviceName"));
    }

    [Fact]
    public void Silo_ports_and_probes_are_the_configured_listeners()
    {
        var container = Base.Silo.Container("silo");
        using var silo = BuildSilo();
        var endpoints = silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        var ports = ContainerPorts(container);
        Assert.Equal(endpoints.SiloPort, ports["silo"]);
        Assert.Equal(endpoints.GatewayPort, ports["gateway"]);
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            // The silo serves no HTTP: a probe can only be a TCP connection to one of its listeners.
            var tcp = container.Node(probe).Node("tcpSocket");
            Assert.NotNull(tcp);
            Assert.Contains(PortNumber(ports, tcp.Text("port")!), new[] { endpoints.SiloPort, endpoints.GatewayPort });
        }
    }

    [Fact]
    public async Task Gateway_ports_and_probes_are_its_listeners_and_health_routes()
    {
        var container = Base.Gateway.Container("gateway");
        await using var gateway = BuildGateway();
        var options = gateway.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        Assert.False(options.LoopbackOnly, "a gateway on loopback is unreachable from its Service");
        var ports = ContainerPorts(container);
        Assert.Equal(options.HttpPort, ports["http"]);
        Assert.Equal(options.S3Port, ports["s3"]);

        var routes = ((IEndpointRouteBuilder)gateway).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText?.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (probe, path) in new[] { ("livenessProbe", "/healthz"), ("readinessProbe", "/readyz") })
        {
            var get = container.Node(probe).Node("httpGet");
            Assert.Equal(path, get.Text("path"));
            Assert.Contains(path, routes);
            Assert.Equal(options.HttpPort, PortNumber(ports, get.Text("port")!));
        }
    }

    [Fact]
    public async Task Gateway_dashboard_is_closed_but_to_the_operator_login_from_the_secret()
    {
        var env = EnvVar.Of(Base.Gateway.Container("gateway")).ToDictionary(e => e.Name);
        Assert.NotNull(env["Dashboard__Username"].SecretKey);
        Assert.NotNull(env["Dashboard__Password"].SecretKey);
        await using var gateway = BuildGateway();
        var dashboard = gateway.Configuration.GetSection(DashboardAccessOptions.Section).Get<DashboardAccessOptions>() ?? new DashboardAccessOptions();
        Assert.False(dashboard.Open);
        Assert.False(string.IsNullOrEmpty(dashboard.Password));
    }

    [Fact]
    public void Silo_may_read_and_label_the_pods_of_its_namespace()
    {
        var silo = Base.Silo;
        var account = silo.PodSpec.Text("serviceAccountName");
        Assert.NotNull(account);
        Assert.Equal(account, Base.Single("ServiceAccount", account).Name);
        Assert.NotEqual("false", silo.PodSpec.Text("automountServiceAccountToken"));
        var binding = Assert.Single(Base.OfKind("RoleBinding"), b => b.Root.Items("subjects").Any(s =>
            s.Text("kind") == "ServiceAccount" && s.Text("name") == account && (s.Text("namespace") ?? Base.Namespace) == Base.Namespace));
        var roleRef = binding.Root.Node("roleRef");
        Assert.Equal("Role", roleRef.Text("kind"));
        var role = Base.Single("Role", roleRef.Text("name")!);
        // What Microsoft.Orleans.Hosting.Kubernetes does: read its own pod, patch the orleans/* labels onto it,
        // list and watch the cluster's pods.
        var verbs = role.Root.Items("rules")
            .Where(rule => rule.Items("apiGroups").Any(g => g.Scalar() == "") && rule.Items("resources").Any(r => r.Scalar() == "pods"))
            .SelectMany(rule => rule.Items("verbs").Select(v => v.Scalar()))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["get", "list", "watch", "patch"]), verbs);
    }

    [Fact]
    public void No_secret_value_is_in_the_repository_and_every_secret_reference_is_created_by_the_script()
    {
        var script = Base.SecretsScript();
        Assert.Equal(Base.Namespace, script.Namespace);
        Assert.Empty(Base.OfKind("Secret"));
        foreach (var workload in Base.Workloads)
        {
            foreach (var env in workload.Containers.SelectMany(EnvVar.Of))
            {
                if (SensitiveName().IsMatch(env.Name.Replace("_", "", StringComparison.Ordinal)))
                {
                    Assert.True(env.SecretKey is not null, $"{workload}: {env.Name} must come from a secret");
                }
                if (env.SecretKey is not null)
                {
                    Assert.Equal(script.Name, env.SecretName);
                    Assert.Contains(env.SecretKey, script.Keys);
                }
            }
        }
        foreach (var resource in Base.Resources)
        {
            foreach (var (path, value) in resource.Root.Scalars())
            {
                Assert.False(PasswordInText().IsMatch(value), $"{resource}{path} holds a password");
                Assert.False(KeyLike().IsMatch(value), $"{resource}{path} looks like a key");
            }
        }
        // The default connection string names the PostgreSQL Service and port of these manifests.
        var target = ScriptHost().Match(script.Text);
        Assert.True(target.Success);
        var service = Base.Single("Service", target.Groups["host"].Value);
        Assert.Contains(service.Spec.Items("ports"), port => port.Text("port") == target.Groups["port"].Value);
    }

    [Fact]
    public async Task Gateway_believes_forwarded_headers_from_the_ingress_range_only()
    {
        await using var gateway = BuildGateway();
        var options = gateway.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var forwarded = TrustedProxies.Options(options.TrustedProxies);
        Assert.True(forwarded.KnownIPNetworks.Count + forwarded.KnownProxies.Count > 0, "no proxy is trusted");
        // A range that takes in everyone would let any client claim any address.
        Assert.All(forwarded.KnownIPNetworks, network => Assert.True(network.PrefixLength >= 8, $"{network} trusts too much"));
    }

    [Fact]
    public void Only_silos_and_the_gateway_reach_the_silo_ports()
    {
        var silo = Base.Silo;
        var (sources, ports) = AllowedIngress(silo);
        Assert.Equal(ContainerPorts(silo.Container("silo")).Values.Order(), ports.Order());
        Assert.Equal(["gallery-gateway", "gallery-silo"], sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_the_programs_holding_the_connection_string_reach_postgres()
    {
        var postgres = Assert.Single(Base.Workloads, workload => workload.Resource.Kind == "StatefulSet");
        var (sources, ports) = AllowedIngress(postgres);
        Assert.Equal(postgres.Containers.SelectMany(ContainerPorts).Select(port => port.Value).Order(), ports.Order());
        var clients = Base.Workloads
            .Where(workload => workload.Containers.SelectMany(EnvVar.Of).Any(env => env.Name == "ConnectionStrings__Orleans"))
            .Select(workload => workload.Resource.Name);
        Assert.Equal(clients.Order(StringComparer.Ordinal), sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_gateway_finds_the_silos_through_a_headless_service_and_holds_no_connection_string()
    {
        var env = EnvVar.Of(Base.Gateway.Container("gateway")).ToDictionary(e => e.Name);
        var target = env["Orleans__SiloGateways__0"].Value!;
        var (host, port) = (target[..target.LastIndexOf(':')], int.Parse(target[(target.LastIndexOf(':') + 1)..]));
        var service = Assert.Single(Base.OfKind("Service"), service => service.Name == host);
        var servicePort = Assert.Single(service.Spec.Items("ports"), p => p.Text("port") == port.ToString());

        Assert.DoesNotContain(env.Keys, name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        // Headless: the name resolves to the silo pods themselves, not to one virtual address.
        Assert.Equal("None", service.Spec.Text("clusterIP"));
        Assert.True(Base.Silo.Selects(service.Spec.Node("selector").Pairs()), $"{host} does not select the silo pods");
        Assert.Equal(ContainerPorts(Base.Silo.Container("silo"))["gateway"], PortNumber(ContainerPorts(Base.Silo.Container("silo")), servicePort.Text("targetPort")!));
        Assert.Equal(ContainerPorts(Base.Silo.Container("silo"))["gateway"], port);
        await using var gateway = BuildGateway();
        Assert.Equal("SiloGatewayDns", gateway.Services.GetRequiredService<Orleans.Messaging.IGatewayListProvider>().GetType().Name);
    }

    [Fact]
    public void Silo_and_gateway_read_the_cluster_certificates_from_the_secret()
    {
        foreach (var (workload, container) in new[] { (Base.Silo, "silo"), (Base.Gateway, "gateway") })
        {
            var env = EnvVar.Of(workload.Container(container)).ToDictionary(e => e.Name);
            foreach (var setting in new[] { "CertificatePath", "KeyPath", "CaPath" })
            {
                Assert.True(env.TryGetValue($"Orleans__Tls__{setting}", out var path), $"{workload} does not set Orleans__Tls__{setting}");
                var key = SecretFileKey(workload, workload.Container(container), path.Value!);
                Assert.True(key is not null, $"{workload}: {path.Value} is not a file of a mounted secret");
                Assert.Contains(key, Base.SecretsScript().Files.Keys);
            }
        }
        // The CA's key stays out of the cluster: with it, anyone could issue a certificate the silos accept.
        Assert.DoesNotContain(Base.SecretsScript().Files.Values, file => file == "ca.key");
    }

    /// <summary>
    /// The workloads whose pods the NetworkPolicies selecting a workload let in, and on which ports. Policies add
    /// up, so every policy that selects the workload counts; only same-namespace pod selectors are allowed as
    /// sources, so no address range or other namespace gets in unnoticed.
    /// </summary>
    private static (List<string> Sources, List<int> Ports) AllowedIngress(Workload target)
    {
        var policies = Base.OfKind("NetworkPolicy")
            .Where(policy => target.Selects(policy.Spec.Node("podSelector").Node("matchLabels").Pairs()))
            .ToList();
        Assert.NotEmpty(policies);
        var targetPorts = target.Containers.SelectMany(ContainerPorts).ToDictionary(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var ports = new HashSet<int>();
        foreach (var policy in policies)
        {
            Assert.Contains("Ingress", policy.Spec.Items("policyTypes").Select(type => type.Scalar()));
            foreach (var rule in policy.Spec.Items("ingress"))
            {
                var from = rule.Items("from").ToList();
                Assert.True(from.Count > 0, $"{policy}: a rule without 'from' lets every pod in");
                Assert.True(rule.Items("ports").Any(), $"{policy}: a rule without ports opens every port");
                foreach (var peer in from)
                {
                    Assert.Null(peer.Node("ipBlock"));
                    Assert.Null(peer.Node("namespaceSelector"));
                    var selector = peer.Node("podSelector").Node("matchLabels").Pairs();
                    sources.UnionWith(Base.Workloads.Where(workload => workload.Selects(selector)).Select(workload => workload.Resource.Name));
                }
                ports.UnionWith(rule.Items("ports").Select(port => PortNumber(targetPorts, port.Text("port")!)));
            }
        }
        return (sources.ToList(), ports.ToList());
    }

    private static IHost BuildSilo() => SiloHostBuilder.Build([], Settings(Base.Silo, "silo"));

    private static Microsoft.AspNetCore.Builder.WebApplication BuildGateway() => GatewayApp.Build([], Settings(Base.Gateway, "gateway"));

    /// <summary>
    /// The configuration a container would get from its env: literal values as written, downward API fields
    /// and secret keys replaced by plausible values of their kind, paths into a mounted secret by files the
    /// secret script makes.
    /// </summary>
    private static Dictionary<string, string?> Settings(Workload workload, string container)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var env in EnvVar.Of(workload.Container(container)))
        {
            settings[env.ConfigurationKey] = env switch
            {
                { Value: { } value } when SecretFileKey(workload, workload.Container(container), value) is { } key =>
                    Path.Combine(ScriptMadeFiles.Value, Base.SecretsScript().Files[key]),
                { Value: { } value } => value,
                { FieldPath: not null } => Resolve(workload, env),
                { SecretKey: { } key } when key.Contains("connection-string", StringComparison.Ordinal) =>
                    "Host=postgres.invalid;Database=gallery;Username=gallery;Password=test",
                { SecretKey: { } key } when key.Contains("signing-key", StringComparison.Ordinal) =>
                    Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
                { SecretKey: not null } => "test-" + env.SecretKey,
                _ => throw new InvalidOperationException($"{workload}: {env.Name} has neither a value nor a source."),
            };
        }
        return settings;
    }

    /// <summary>The files deploy/k8s/create-secrets.sh puts into the secret, made by the script it calls.</summary>
    private static readonly Lazy<string> ScriptMadeFiles = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "galleryorleans-k8s-tls-" + Guid.NewGuid().ToString("N")[..8]);
        ClusterCertificates.CreateAsync(directory).GetAwaiter().GetResult();
        return directory;
    });

    /// <summary>The secret key of the file a path names, if the path lies in a secret volume the container mounts.</summary>
    private static string? SecretFileKey(Workload workload, YamlDotNet.RepresentationModel.YamlNode container, string path)
    {
        foreach (var mount in container.Items("volumeMounts"))
        {
            var mountPath = mount.Text("mountPath")!.TrimEnd('/');
            if (!path.StartsWith(mountPath + "/", StringComparison.Ordinal))
            {
                continue;
            }
            var secret = workload.Volumes.Single(volume => volume.Text("name") == mount.Text("name")).Node("secret");
            var item = secret.Items("items").SingleOrDefault(item => item.Text("path") == path[(mountPath.Length + 1)..]);
            return item?.Text("key");
        }
        return null;
    }

    private static string? Resolve(Workload workload, EnvVar env) => env.FieldPath switch
    {
        null => env.Value,
        "metadata.name" => PodName,
        "metadata.namespace" => Base.Namespace,
        "status.podIP" => PodIp,
        { } path when LabelField().Match(path) is { Success: true } label =>
            workload.PodLabels.TryGetValue(label.Groups["label"].Value, out var value) ? value : null,
        { } path => throw new InvalidOperationException($"{workload}: {env.Name} reads {path}, which this test does not know."),
    };

    private static Dictionary<string, int> ContainerPorts(YamlDotNet.RepresentationModel.YamlNode container) =>
        container.Items("ports").ToDictionary(port => port.Text("name")!, port => int.Parse(port.Text("containerPort")!), StringComparer.Ordinal);

    private static int PortNumber(Dictionary<string, int> ports, string port) =>
        int.TryParse(port, out var number) ? number : ports[port];

    /// <summary>Whether a path is at or below a mount point.</summary>
    private static bool Contains(string mountPath, string path) =>
        path == mountPath.TrimEnd('/') || path.StartsWith(mountPath.TrimEnd('/') + "/", StringComparison.Ordinal);

    [GeneratedRegex(@"password|secret|signingkey|connectionstring|token|apikey", RegexOptions.IgnoreCase)]
    private static partial Regex SensitiveName();

    [GeneratedRegex(@"(password|pwd)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInText();

    [GeneratedRegex(@"^[A-Za-z0-9+/]{32,}={0,2}$")]
    private static partial Regex KeyLike();

    [GeneratedRegex(@"^metadata\.labels\['(?<label>[^']+)'\]$")]
    private static partial Regex LabelField();

    [GeneratedRegex(@"Host=(?<host>[a-z0-9.-]+);Port=(?<port>\d+);")]
    private static partial Regex ScriptHost();
}

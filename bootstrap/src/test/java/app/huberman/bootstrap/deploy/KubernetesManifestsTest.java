package app.huberman.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.huberman.adapters.rest.common.RequestBodies;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes} (docs/operations/kubernetes.md) are
 * checked here, as no cluster and no Kustomize binary is at hand in CI. Every YAML document binds
 * strictly to the Fabric8 Kubernetes model (an unknown or misspelt field fails, where Fabric8's own
 * reader would keep it as an "additional property"), Kustomize files and the ServiceMonitor to
 * records of their fields. The overlays are rendered here the way Kustomize would for the features
 * they use (resources, components, namespace, images, replicas, JSON 6902 patches), and the values
 * that break a deployment silently are compared with the app: probe paths, ports, variable names,
 * secrets kept out of ConfigMaps, the security context, the selectors of HPA, PDB, Service and
 * ServiceMonitor.
 */
class KubernetesManifestsTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path KUBERNETES = REPOSITORY.resolve("deploy/kubernetes");
  private static final Path SECRET_EXAMPLE = KUBERNETES.resolve("secret.example.yaml");
  private static final List<Path> RENDERED =
      List.of(KUBERNETES.resolve("base"), KUBERNETES.resolve("overlays/production"));

  /** Names ending in one of these words hold a secret (not AUTH_TOKEN_TTL nor APPLE_KEY_ID). */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(^|_)(PASSWORD|SECRET|KEY|TOKEN|PEM)$");

  private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern DOCKERFILE_ENV = Pattern.compile("(?m)^\\s*(?:ENV\\s+)?([A-Z_]+)=");
  private static final Pattern TMPDIR = Pattern.compile("-Djava\\.io\\.tmpdir=([^\\s\"]+)");
  private static final Pattern JVM_SIZE =
      Pattern.compile("(-Xmx|-Xss|-XX:[A-Za-z]+=)(\\d+)([kmg])");
  private static final Set<String> JVM_VARIABLES =
      Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
  private static final long MIB = 1024L * 1024L;

  /**
   * What the JVM uses beyond the heap, metaspace, code cache and direct memory, which the options
   * cap: thread stacks, GC structures, symbols, compiler arenas. About 70 MB after load
   * (docs/benchmarks.md, "Memory in a 1 GiB container"); the limit must leave twice that. The AOT
   * cache holds class metadata that is then not in metaspace, so it fits under the metaspace cap.
   */
  private static final long UNCAPPED_ALLOWANCE = 150 * MIB;

  private static final Pattern RSS_TARGET = Pattern.compile("RSS after load \\| ≤ (\\d+) MB");

  /** The model's types by kind; anything else under deploy/kubernetes is refused. */
  private static final Map<String, Class<?>> KINDS =
      Map.ofEntries(
          Map.entry("ConfigMap", ConfigMap.class),
          Map.entry("Secret", Secret.class),
          Map.entry("Service", Service.class),
          Map.entry("Deployment", Deployment.class),
          Map.entry("Job", Job.class),
          Map.entry("Ingress", Ingress.class),
          Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("ServiceMonitor", ServiceMonitor.class),
          Map.entry("Kustomization", Kustomization.class),
          Map.entry("Component", Kustomization.class));

  private static final String COMPONENT = "app.kubernetes.io/component";

  private static final YAMLMapper STRICT = strictMapper();

  @Test
  void everyDocumentBindsStrictlyToItsModel() throws IOException {
    List<Path> files = yamlFiles();
    assertThat(files).hasSizeGreaterThan(10);

    for (Path file : files) {
      for (JsonNode document : documents(file)) {
        bind(document, file);
      }
    }
  }

  @Test
  void aMisspeltFieldFails() {
    JsonNode document = read("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replika: 2\n");

    try {
      STRICT.treeToValue(document, Deployment.class);
      fail("replika was accepted");
    } catch (IOException expected) {
      assertThat(expected).hasMessageContaining("replika");
    }
  }

  @Test
  void everyManifestIsInAKustomizationOrIsTheSecretTemplate() throws IOException {
    Set<Path> used = new HashSet<>();
    for (Path root : RENDERED) {
      collectFiles(root, used);
    }
    used.add(SECRET_EXAMPLE.normalize());

    assertThat(yamlFiles()).allSatisfy(file -> assertThat(used).contains(file.normalize()));
  }

  @Test
  void theProbesAskForTheHealthEndpointsTheAppServes() throws IOException {
    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    Path checks = REPOSITORY.resolve("adapters/monitoring/src/main/java/app/huberman/adapters");
    Map<String, String> kinds =
        Map.of(
            "/health/started", "@Startup",
            "/health/live", "@Liveness",
            "/health/ready", "@Readiness");
    kinds.forEach(
        (path, annotation) -> {
          assertThat(readme).as("README documents %s", path).contains(path);
          assertThat(annotatedIn(checks, annotation)).as("a check is %s", annotation).isTrue();
        });

    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      Container app = appContainer(manifests.deployment());
      assertThat(httpPath(app.getStartupProbe())).isEqualTo("/health/started");
      assertThat(httpPath(app.getLivenessProbe())).isEqualTo("/health/live");
      assertThat(httpPath(app.getReadinessProbe())).isEqualTo("/health/ready");
    }
  }

  @Test
  void containerServiceProbeAndAppPortAreOne() throws IOException {
    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      Container app = appContainer(manifests.deployment());
      int port = Integer.parseInt(manifests.config().getData().get("APP_PORT"));
      assertThat(app.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(port);

      for (Probe probe :
          List.of(app.getStartupProbe(), app.getLivenessProbe(), app.getReadinessProbe())) {
        assertThat(containerPort(app, probe.getHttpGet().getPort())).isEqualTo(port);
      }
      Service service = manifests.one(Service.class);
      assertThat(service.getSpec().getPorts())
          .allSatisfy(p -> assertThat(containerPort(app, p.getTargetPort())).isEqualTo(port));

      Set<String> servicePorts = new HashSet<>();
      service.getSpec().getPorts().forEach(p -> servicePorts.add(p.getName()));
      for (Ingress ingress : manifests.all(Ingress.class)) {
        for (HTTPIngressPath path : paths(ingress)) {
          assertThat(path.getBackend().getService().getName())
              .isEqualTo(service.getMetadata().getName());
          assertThat(servicePorts).contains(path.getBackend().getService().getPort().getName());
        }
      }
      for (ServiceMonitor monitor : manifests.all(ServiceMonitor.class)) {
        assertThat(monitor.spec().endpoints())
            .allSatisfy(
                e -> {
                  assertThat(servicePorts).contains(e.port());
                  assertThat(e.path()).isEqualTo("/metrics");
                });
      }
    }
  }

  @Test
  void everyVariableIsADocumentedSettingAndSecretsStayInTheSecret() throws IOException {
    Set<String> documented = documentedVariables();
    Secret secret = (Secret) bind(documents(SECRET_EXAMPLE).getFirst(), SECRET_EXAMPLE);
    assertThat(documented).containsAll(secret.getStringData().keySet());
    assertThat(secret.getData()).as("placeholders go in stringData").isNullOrEmpty();
    assertThat(secret.getStringData().values())
        .as("the template holds placeholders only")
        .allSatisfy(value -> assertThat(value).isIn("", "change-me"));
    assertThat(secret.getStringData().keySet())
        .as("the Secret holds what the README calls passwords and keys")
        .contains("DB_PASSWORD", "REDIS_PASSWORD", "STRIPE_WEBHOOK_SECRET");

    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      ConfigMap config = manifests.config();
      assertThat(documented).containsAll(config.getData().keySet());
      assertThat(config.getData().keySet())
          .as("no secret in the ConfigMap")
          .noneMatch(name -> SECRET_NAME.matcher(name).find());

      for (PodSpec pod : pods(manifests)) {
        for (Container container : pod.getContainers()) {
          if (container.getEnv() != null) {
            assertThat(container.getEnv())
                .extracting(EnvVar::getName)
                .allMatch(documented::contains);
          }
          assertThat(container.getEnvFrom())
              .extracting(EnvFromSource::getConfigMapRef)
              .filteredOn(Objects::nonNull)
              .allSatisfy(
                  ref -> assertThat(ref.getName()).isEqualTo(config.getMetadata().getName()));
          assertThat(container.getEnvFrom())
              .extracting(EnvFromSource::getSecretRef)
              .filteredOn(Objects::nonNull)
              .allSatisfy(
                  ref -> assertThat(ref.getName()).isEqualTo(secret.getMetadata().getName()));
        }
      }
    }
  }

  @Test
  void podsRunAsNonRootOnAReadOnlyRootWithAWritableTmpdir() throws IOException {
    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      Matcher tmpdir =
          TMPDIR.matcher(Files.readString(REPOSITORY.resolve("docker/app/Dockerfile")));
      assertThat(tmpdir.find()).as("the image's JAVA_TOOL_OPTIONS sets java.io.tmpdir").isTrue();

      for (PodSpec pod : pods(manifests)) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        Set<String> emptyDirs = new HashSet<>();
        for (Volume volume : pod.getVolumes()) {
          if (volume.getEmptyDir() != null) {
            emptyDirs.add(volume.getName());
          }
        }
        for (Container container : pod.getContainers()) {
          assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
          assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
          assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
          assertThat(container.getVolumeMounts())
              .filteredOn(mount -> emptyDirs.contains(mount.getName()))
              .extracting(mount -> mount.getMountPath())
              .contains(tmpdir.group(1), "/tmp");
        }
      }
    }
  }

  @Test
  void resourcesTimeoutsAndTheDrainFitTheMeasuredApp() throws IOException {
    Matcher rss = RSS_TARGET.matcher(Files.readString(REPOSITORY.resolve("docs/benchmarks.md")));
    assertThat(rss.find()).as("docs/benchmarks.md states the RSS target").isTrue();
    BigDecimal rssTarget = BigDecimal.valueOf(Long.parseLong(rss.group(1)) * 1_000_000L);

    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      Map<String, String> config = manifests.config().getData();
      Deployment deployment = manifests.deployment();
      Container app = appContainer(deployment);
      Map<String, Quantity> limits = app.getResources().getLimits();
      Map<String, Quantity> requests = app.getResources().getRequests();
      assertThat(Quantity.getAmountInBytes(limits.get("memory"))).isGreaterThan(rssTarget);
      assertThat(Quantity.getAmountInBytes(requests.get("memory")))
          .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
      assertThat(requests).containsKey("cpu");

      Probe startup = app.getStartupProbe();
      assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
          .as("the startup probe waits as long as STARTUP_TIMEOUT")
          .isGreaterThanOrEqualTo(Integer.parseInt(config.get("STARTUP_TIMEOUT")));

      long drain = java.time.Duration.parse(config.get("SHUTDOWN_DRAIN")).toSeconds();
      assertThat(drain).as("the pod serves while the endpoints let go of it").isPositive();
      assertThat(app.getLifecycle())
          .as("the app drains itself; a preStop hook would add to it")
          .isNull();
      assertThat(config).containsEntry("MIGRATE_ON_START", "false");
      assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
          .as("the grace period covers SHUTDOWN_DRAIN, the port closed and SHUTDOWN_TIMEOUT")
          .isGreaterThan(drain + 6 + Long.parseLong(config.get("SHUTDOWN_TIMEOUT")));
      assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
          .isEqualTo(new IntOrString(0));
    }
  }

  /**
   * The JVM options live in bootstrap/jvm.options alone (the image reads it): the memory limit is
   * the 1 GiB they are sized for, and the caps they set, with room for what they do not cap, fit
   * it. A ConfigMap that set JVM options would override the file's sizing without the test seeing.
   */
  @Test
  void memoryLimitFitsTheJvmOptions() throws IOException {
    Map<String, Long> options =
        jvmSizes(Files.readString(REPOSITORY.resolve("bootstrap/jvm.options")));
    long capped =
        options.get("-Xmx")
            + options.get("-XX:MaxMetaspaceSize=")
            + options.get("-XX:ReservedCodeCacheSize=")
            + options.get("-XX:MaxDirectMemorySize=");
    assertThat(options.get("-Xss")).as("thread stacks are capped").isLessThanOrEqualTo(MIB);

    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      assertThat(manifests.config().getData().keySet())
          .as("JVM options come from the image's bootstrap/jvm.options")
          .doesNotContainAnyElementsOf(JVM_VARIABLES);
      for (PodSpec pod : pods(manifests)) {
        for (Container container : pod.getContainers()) {
          assertThat(container.getEnv())
              .extracting(EnvVar::getName)
              .doesNotContainAnyElementsOf(JVM_VARIABLES);
          long limit =
              Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"))
                  .longValueExact();
          assertThat(limit).as(container.getName() + "'s memory limit").isEqualTo(1024 * MIB);
          assertThat(capped + UNCAPPED_ALLOWANCE)
              .as("heap, metaspace, code cache and direct memory leave room in the limit")
              .isLessThanOrEqualTo(limit);
        }
      }
    }
  }

  /** The sizes the options set, in bytes, by option ("-Xmx", "-XX:MaxMetaspaceSize=", ...). */
  private static Map<String, Long> jvmSizes(String options) {
    Map<String, Long> sizes = new java.util.HashMap<>();
    for (String line : options.lines().map(String::strip).toList()) {
      Matcher size = JVM_SIZE.matcher(line);
      if (!line.startsWith("#") && size.matches()) {
        long unit =
            switch (size.group(3)) {
              case "k" -> 1024L;
              case "m" -> MIB;
              default -> 1024 * MIB;
            };
        sizes.put(size.group(1), Long.parseLong(size.group(2)) * unit);
      }
    }
    assertThat(sizes)
        .containsKeys(
            "-Xmx",
            "-Xss",
            "-XX:MaxMetaspaceSize=",
            "-XX:ReservedCodeCacheSize=",
            "-XX:MaxDirectMemorySize=");
    return sizes;
  }

  @Test
  void hpaPdbServiceAndMonitorSelectTheDeploymentsPods() throws IOException {
    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      Deployment deployment = manifests.deployment();
      Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
      assertThat(podLabels)
          .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

      HorizontalPodAutoscaler hpa = manifests.one(HorizontalPodAutoscaler.class);
      assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
      assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(hpa.getSpec().getScaleTargetRef().getName())
          .isEqualTo(deployment.getMetadata().getName());
      assertThat(hpa.getSpec().getMinReplicas())
          .as("the Deployment starts at the HPA's minimum")
          .isEqualTo(deployment.getSpec().getReplicas());
      assertThat(hpa.getSpec().getMetrics())
          .anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
      assertThat(appContainer(deployment).getResources().getRequests())
          .as("CPU utilisation is relative to the request")
          .containsKey("cpu");

      PodDisruptionBudget pdb = manifests.one(PodDisruptionBudget.class);
      assertThat(pdb.getSpec().getSelector().getMatchLabels())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

      Service service = manifests.one(Service.class);
      assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
      for (ServiceMonitor monitor : manifests.all(ServiceMonitor.class)) {
        assertThat(service.getMetadata().getLabels())
            .containsAllEntriesOf(monitor.spec().selector().getMatchLabels());
      }
    }
  }

  @Test
  void theMigrationJobRunsTheCliMigrateWithTheAppsImageAndSettings() throws IOException {
    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      Container app = appContainer(manifests.deployment());
      Job job = manifests.one(Job.class);
      PodSpec pod = job.getSpec().getTemplate().getSpec();
      assertThat(pod.getRestartPolicy()).isEqualTo("Never");
      assertThat(pod.getContainers()).hasSize(1);
      Container migrate = pod.getContainers().getFirst();
      assertThat(migrate.getArgs()).containsExactly("migrate");
      assertThat(migrate.getCommand()).as("the image's entry point runs the jar").isNullOrEmpty();
      assertThat(migrate.getImage()).isEqualTo(app.getImage());
      assertThat(migrate.getEnvFrom()).isEqualTo(app.getEnvFrom());
      // The first step of a release applies these two alone: `-l 'app.kubernetes.io/component in
      // (config,migrate)'` (docs/operations/kubernetes.md).
      assertThat(job.getMetadata().getLabels()).containsEntry(COMPONENT, "migrate");
      assertThat(manifests.config().getMetadata().getLabels()).containsEntry(COMPONENT, "config");
      assertThat(Files.readString(REPOSITORY.resolve("docs/operations/kubernetes.md")))
          .contains("-l '" + COMPONENT + " in (config,migrate)'");
    }
  }

  @Test
  void theIngressPublishesTheApiOnlyWithTheAppsBodyLimit() throws IOException {
    for (Path root : RENDERED) {
      Manifests manifests = render(root);
      List<Ingress> ingresses = manifests.all(Ingress.class);
      assertThat(ingresses).isNotEmpty();
      boolean rateLimited = false;
      for (Ingress ingress : ingresses) {
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertThat(bytes(annotations.get("nginx.ingress.kubernetes.io/proxy-body-size")))
            .isEqualTo(RequestBodies.MAX_BODY_BYTES);
        rateLimited |= annotations.containsKey("nginx.ingress.kubernetes.io/limit-rpm");
        assertThat(paths(ingress))
            .extracting(HTTPIngressPath::getPath)
            .allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
      }
      assertThat(rateLimited).as("the sign-in paths are rate limited").isTrue();
    }
  }

  @Test
  void theProductionOverlayChangesWhatItSaysItChanges() throws IOException {
    Path overlay = KUBERNETES.resolve("overlays/production");
    Kustomization kustomization = kustomization(overlay);
    Manifests production = render(overlay);

    for (Object resource : production.resources()) {
      assertThat(metadata(resource).getNamespace()).isEqualTo(kustomization.namespace());
    }
    Kustomization.Image image = kustomization.images().getFirst();
    assertThat(appContainer(production.deployment()).getImage())
        .isEqualTo(image.newName() + ":" + image.newTag());
    assertThat(production.deployment().getSpec().getReplicas())
        .isEqualTo(kustomization.replicas().getFirst().count());
    assertThat(production.all(Ingress.class))
        .allSatisfy(
            ingress ->
                assertThat(ingress.getSpec().getRules())
                    .extracting(IngressRule::getHost)
                    .doesNotContain("api.example.com"));
    assertThat(production.all(ServiceMonitor.class)).hasSize(1);
  }

  // ---- rendering, the Kustomize features these files use ----

  /** The resources a kustomization (or component) directory renders to, bound to their models. */
  private static Manifests render(Path directory) throws IOException {
    List<JsonNode> nodes = renderNodes(directory);
    List<Object> resources = new ArrayList<>();
    for (JsonNode node : nodes) {
      resources.add(bind(node, directory));
    }
    return new Manifests(resources);
  }

  private static List<JsonNode> renderNodes(Path directory) throws IOException {
    Kustomization kustomization = kustomization(directory);
    List<JsonNode> nodes = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (String resource : list(kustomization.resources())) {
      sources.add(directory.resolve(resource));
    }
    for (String component : list(kustomization.components())) {
      Path path = directory.resolve(component);
      assertThat(kustomization(path).kind()).as("%s is a Component", path).isEqualTo("Component");
      sources.add(path);
    }
    for (Path source : sources) {
      assertThat(source).as("named in %s", directory).exists();
      if (Files.isDirectory(source)) {
        nodes.addAll(renderNodes(source));
      } else {
        nodes.addAll(documents(source));
      }
    }
    for (Kustomization.Patch patch : list(kustomization.patches())) {
      Kustomization.Target target = patch.target();
      List<JsonNode> matches =
          nodes.stream()
              .filter(node -> node.path("kind").asText().equals(target.kind()))
              .filter(node -> node.path("metadata").path("name").asText().equals(target.name()))
              .filter(node -> node.path("apiVersion").asText().equals(apiVersion(target)))
              .toList();
      assertThat(matches).as("the target of %s exists", patch.path()).hasSize(1);
      Path file = directory.resolve(patch.path());
      List<Operation> operations =
          List.of(STRICT.treeToValue(documents(file).getFirst(), Operation[].class));
      assertThat(operations).as("%s holds operations", file).isNotEmpty();
      for (Operation operation : operations) {
        apply(operation, (ObjectNode) matches.getFirst(), file);
      }
    }
    for (Kustomization.Replica replica : list(kustomization.replicas())) {
      ObjectNode deployment = named(nodes, "Deployment", replica.name(), directory);
      ((ObjectNode) deployment.get("spec")).put("replicas", replica.count());
    }
    for (Kustomization.Image image : list(kustomization.images())) {
      int replaced = 0;
      for (JsonNode node : nodes) {
        for (JsonNode container :
            node.path("spec").path("template").path("spec").path("containers")) {
          if (container.path("image").asText().equals(image.name())) {
            ((ObjectNode) container).put("image", image.newName() + ":" + image.newTag());
            replaced++;
          }
        }
      }
      assertThat(replaced).as("containers run the image %s", image.name()).isPositive();
    }
    if (kustomization.namespace() != null) {
      for (JsonNode node : nodes) {
        ((ObjectNode) node.get("metadata")).put("namespace", kustomization.namespace());
      }
    }
    return nodes;
  }

  private static String apiVersion(Kustomization.Target target) {
    return target.group() == null || target.group().isEmpty()
        ? target.version()
        : target.group() + "/" + target.version();
  }

  /** A JSON 6902 replace or add, as Kustomize applies it; replace needs the path to exist. */
  private static void apply(Operation operation, ObjectNode document, Path file) {
    JsonPointer pointer = JsonPointer.compile(operation.path());
    JsonNode parent = document.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    assertThat(parent.isMissingNode()).as("%s: %s", file, operation.path()).isFalse();
    switch (operation.op()) {
      case "replace" -> {
        assertThat(document.at(pointer).isMissingNode())
            .as("%s replaces %s, which exists", file, operation.path())
            .isFalse();
        if (parent.getNodeType() == JsonNodeType.ARRAY) {
          ((ArrayNode) parent).set(Integer.parseInt(last), operation.value());
        } else {
          ((ObjectNode) parent).set(last, operation.value());
        }
      }
      case "add" -> {
        if (parent.getNodeType() == JsonNodeType.ARRAY) {
          ArrayNode array = (ArrayNode) parent;
          if (last.equals("-")) {
            array.add(operation.value());
          } else {
            array.insert(Integer.parseInt(last), operation.value());
          }
        } else {
          ((ObjectNode) parent).set(last, operation.value());
        }
      }
      default -> fail("%s: only replace and add are rendered here, not %s", file, operation.op());
    }
  }

  private static ObjectNode named(List<JsonNode> nodes, String kind, String name, Path where) {
    List<JsonNode> matches =
        nodes.stream()
            .filter(node -> node.path("kind").asText().equals(kind))
            .filter(node -> node.path("metadata").path("name").asText().equals(name))
            .toList();
    assertThat(matches).as("%s names the %s %s", where, kind, name).hasSize(1);
    return (ObjectNode) matches.getFirst();
  }

  private static void collectFiles(Path directory, Set<Path> used) throws IOException {
    used.add(directory.resolve("kustomization.yaml").normalize());
    Kustomization kustomization = kustomization(directory);
    List<String> named = new ArrayList<>(list(kustomization.resources()));
    named.addAll(list(kustomization.components()));
    for (String resource : named) {
      Path path = directory.resolve(resource);
      if (Files.isDirectory(path)) {
        collectFiles(path, used);
      } else {
        used.add(path.normalize());
      }
    }
    for (Kustomization.Patch patch : list(kustomization.patches())) {
      used.add(directory.resolve(patch.path()).normalize());
    }
  }

  // ---- reading and binding ----

  private static Kustomization kustomization(Path directory) throws IOException {
    Path file = directory.resolve("kustomization.yaml");
    assertThat(file).exists();
    return (Kustomization) bind(documents(file).getFirst(), file);
  }

  /** Binds a document to its kind's model; unknown fields and unknown kinds fail. */
  private static Object bind(JsonNode document, Path where) {
    if (document.isArray()) {
      try {
        return List.of(STRICT.treeToValue(document, Operation[].class));
      } catch (JsonProcessingException e) {
        throw new AssertionError(where + ": a JSON 6902 patch: " + e.getOriginalMessage(), e);
      }
    }
    String kind = document.path("kind").asText();
    Class<?> type = KINDS.get(kind);
    assertThat(type).as("%s: a kind this test knows, not '%s'", where, kind).isNotNull();
    try {
      return STRICT.treeToValue(document, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(where + ": " + kind + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The YAML documents of a file (a patch file is one document, a list of operations). */
  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (JsonParser parser = STRICT.createParser(file.toFile())) {
      while (parser.nextToken() != null) {
        JsonNode document = STRICT.readTree(parser);
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    }
    return documents;
  }

  private static JsonNode read(String yaml) {
    try {
      return STRICT.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(KUBERNETES)) {
      return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  /**
   * Jackson fails on unknown properties, and Fabric8's {@code @JsonAnySetter} (which would keep a
   * misspelt field as an additional property) is ignored.
   */
  private static YAMLMapper strictMapper() {
    YAMLMapper mapper = new YAMLMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.setAnnotationIntrospector(
        new JacksonAnnotationIntrospector() {
          private static final long serialVersionUID = 1L;

          @Override
          public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
          }
        });
    return mapper;
  }

  // ---- what the app documents and serves ----

  /**
   * The settings in microprofile-config.properties, the README's "Configuration" table, and the
   * variables the image itself sets (docker/app/Dockerfile: JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS,
   * APPLE_ROOT_CA_PEM).
   */
  private static Set<String> documentedVariables() throws IOException {
    Set<String> names = new HashSet<>();
    Properties properties = new Properties();
    properties.load(
        new StringReader(
            Files.readString(
                REPOSITORY.resolve(
                    "bootstrap/src/main/resources/META-INF/microprofile-config.properties"))));
    properties.stringPropertyNames().stream()
        .filter(name -> VARIABLE.matcher(name).matches())
        .forEach(names::add);

    String readme = Files.readString(REPOSITORY.resolve("README.md"));
    String table =
        readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Layout"));
    for (String line : table.lines().toList()) {
      if (line.startsWith("| ")) {
        for (String name : line.substring(2, line.indexOf(" |", 1)).split(" / ", -1)) {
          if (VARIABLE.matcher(name.strip()).matches()) {
            names.add(name.strip());
          }
        }
      }
    }
    Matcher env =
        DOCKERFILE_ENV.matcher(Files.readString(REPOSITORY.resolve("docker/app/Dockerfile")));
    while (env.find()) {
      names.add(env.group(1));
    }
    assertThat(names).contains("DB_PASSWORD", "SHUTDOWN_TIMEOUT", "JDK_JAVA_OPTIONS");
    return names;
  }

  private static boolean annotatedIn(Path directory, String annotation) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .anyMatch(p -> read(p).contains(annotation + "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- small helpers ----

  private static String httpPath(Probe probe) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet()).isNotNull();
    return probe.getHttpGet().getPath();
  }

  /** The container port a named or numbered port means. */
  private static int containerPort(Container container, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
  }

  private static Container appContainer(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.getFirst();
  }

  private static List<HTTPIngressPath> paths(Ingress ingress) {
    List<HTTPIngressPath> paths = new ArrayList<>();
    for (IngressRule rule : ingress.getSpec().getRules()) {
      paths.addAll(rule.getHttp().getPaths());
    }
    return paths;
  }

  private static List<PodSpec> pods(Manifests manifests) {
    List<PodSpec> pods = new ArrayList<>();
    pods.add(manifests.deployment().getSpec().getTemplate().getSpec());
    for (Job job : manifests.all(Job.class)) {
      PodTemplateSpec template = job.getSpec().getTemplate();
      pods.add(template.getSpec());
    }
    return pods;
  }

  /** An nginx size (1m, 512k, 1048576) in bytes. */
  private static long bytes(String size) {
    assertThat(size).isNotNull();
    String lower = size.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("m")) {
      return Long.parseLong(lower.substring(0, lower.length() - 1)) * 1024 * 1024;
    }
    if (lower.endsWith("k")) {
      return Long.parseLong(lower.substring(0, lower.length() - 1)) * 1024;
    }
    return Long.parseLong(lower);
  }

  private static ObjectMeta metadata(Object resource) {
    if (resource instanceof io.fabric8.kubernetes.api.model.HasMetadata hasMetadata) {
      return hasMetadata.getMetadata();
    }
    if (resource instanceof ServiceMonitor monitor) {
      return monitor.metadata();
    }
    throw new AssertionError("no metadata: " + resource);
  }

  private static <T> List<T> list(List<T> maybe) {
    return maybe == null ? List.of() : maybe;
  }

  /** The rendered resources of one kustomization. */
  private record Manifests(List<Object> resources) {

    <T> List<T> all(Class<T> type) {
      return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T one(Class<T> type) {
      List<T> all = all(type);
      assertThat(all).as("one %s", type.getSimpleName()).hasSize(1);
      return all.getFirst();
    }

    Deployment deployment() {
      return one(Deployment.class);
    }

    ConfigMap config() {
      return one(ConfigMap.class);
    }
  }

  /** The fields of kustomization.yaml (Kustomization or Component) these files may use. */
  private record Kustomization(
      String apiVersion,
      String kind,
      String namespace,
      List<String> resources,
      List<String> components,
      List<Image> images,
      List<Replica> replicas,
      List<Patch> patches) {

    record Image(String name, String newName, String newTag) {}

    record Replica(String name, int count) {}

    record Patch(String path, Target target) {}

    record Target(String group, String version, String kind, String name) {}
  }

  /** A JSON 6902 operation of a patch file. */
  private record Operation(String op, String path, JsonNode value) {}

  /** The Prometheus Operator's ServiceMonitor (monitoring.coreos.com/v1), the fields used here. */
  private record ServiceMonitor(
      String apiVersion, String kind, ObjectMeta metadata, ServiceMonitor.Spec spec) {

    ServiceMonitor {
      assertThat(apiVersion).isEqualTo("monitoring.coreos.com/v1");
    }

    record Spec(LabelSelector selector, List<Endpoint> endpoints) {}

    record Endpoint(String port, String path, String interval, String scrapeTimeout) {}
  }
}

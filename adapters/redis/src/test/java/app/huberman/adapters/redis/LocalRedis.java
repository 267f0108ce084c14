package app.huberman.adapters.redis;

import app.huberman.adapters.redis.RedisTopology.Cluster;
import app.huberman.adapters.redis.RedisTopology.Sentinel;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;

/**
 * Throw-away Redis servers on free ports of 127.0.0.1, started from {@code redis-server} (on the
 * {@code PATH}, or {@code REDIS_SERVER_BIN}) before a test class and killed after it: a primary
 * with a replica and three Sentinels, or a cluster of three primaries. Their files live in a
 * temporary directory, deleted afterwards. Never the shared Redis on 6379. The clients it hands out
 * are shut down after each test.
 */
public final class LocalRedis implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  public static final String MASTER_NAME = "it-primary";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final boolean cluster;
  private final String password;
  private final Map<Integer, Process> servers = new LinkedHashMap<>();
  private final List<Integer> sentinels = new ArrayList<>();
  private final List<RedissonClient> clients = new ArrayList<>();
  private Path dir;
  private Thread killOnExit;

  private LocalRedis(boolean cluster, String password) {
    this.cluster = cluster;
    this.password = password;
  }

  /** A primary, one replica, three Sentinels (quorum two); every server wants {@code password}. */
  public static LocalRedis sentinel(String password) {
    return new LocalRedis(false, password);
  }

  /** Three primaries sharing the 16,384 slots, no replicas; every node wants {@code password}. */
  public static LocalRedis cluster(String password) {
    return new LocalRedis(true, password);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("huberman-redis-it-");
    killOnExit = new Thread(this::killAll);
    Runtime.getRuntime().addShutdownHook(killOnExit);
    try {
      if (cluster) {
        startCluster();
      } else {
        startSentinels();
      }
    } catch (Exception | AssertionError e) {
      afterAll(context);
      throw e;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(RedissonClient::shutdown);
    clients.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    killAll();
    if (killOnExit != null) {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** Settings that reach these servers, as the application would build them. */
  public RedisSettings settings() {
    RedisTopology topology =
        cluster
            ? new Cluster(addresses(primaries()))
            : new Sentinel(MASTER_NAME, addresses(sentinels), "");
    return new RedisSettings(topology, password, false);
  }

  /** A new client of these servers, shut down after the test. */
  public RedissonClient client() {
    RedissonClient client = settings().createClient();
    clients.add(client);
    return client;
  }

  /** The ports of the data servers (not the Sentinels), in start order. */
  public List<Integer> primaries() {
    return servers.keySet().stream().filter(port -> !sentinels.contains(port)).toList();
  }

  /** Runs {@code redis-cli} against one server and answers its output. */
  public String cli(int port, String... command) {
    List<String> args = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", "" + port));
    args.addAll(List.of("--no-auth-warning", "-a", password));
    args.addAll(List.of(command));
    return run(args);
  }

  /** Kills one server with SIGKILL, as a crash would. */
  public void kill(int port) throws InterruptedException {
    Process process = servers.get(port);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The port of the primary the Sentinels name now. */
  public int currentPrimary() {
    String[] reply =
        run(List.of(
                "redis-cli",
                "-h",
                "127.0.0.1",
                "-p",
                "" + sentinels.get(0),
                "SENTINEL",
                "get-master-addr-by-name",
                MASTER_NAME))
            .strip()
            .split("\\s+");
    return Integer.parseInt(reply[reply.length - 1]);
  }

  private void startSentinels() throws IOException, InterruptedException {
    int primary = start(freePort(), List.of());
    int replica = start(freePort(), List.of("--replicaof", "127.0.0.1", "" + primary));
    await(
        "the replica to sync",
        () -> cli(replica, "INFO", "replication").contains("master_link_status:up"));
    for (int i = 0; i < 3; i++) {
      int port = freePort();
      Path conf = dir.resolve("sentinel-" + port + ".conf");
      Files.writeString(
          conf,
          String.join(
              "\n",
              "port " + port,
              "bind 127.0.0.1",
              "dir " + dir,
              "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primary + " 2",
              "sentinel auth-pass " + MASTER_NAME + " " + password,
              "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
              "sentinel failover-timeout " + MASTER_NAME + " 5000",
              ""),
          StandardCharsets.UTF_8);
      sentinels.add(port);
      launch(port, List.of("redis-server", conf.toString(), "--sentinel"));
    }
    // Redisson refuses Sentinels that do not know each other yet (they meet through the primary).
    for (int port : sentinels) {
      await(
          "Sentinel " + port + " to know the other two",
          () ->
              run(List.of("redis-cli", "-p", "" + port, "SENTINEL", "master", MASTER_NAME))
                  .matches("(?s).*num-other-sentinels\\s+2\\s.*"));
    }
  }

  private void startCluster() throws IOException, InterruptedException {
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int port = freeClusterPort();
      start(
          port,
          List.of(
              "--cluster-enabled",
              "yes",
              "--cluster-config-file",
              dir.resolve("nodes-" + port + ".conf").toString(),
              "--cluster-node-timeout",
              "2000"));
      nodes.add("127.0.0.1:" + port);
    }
    List<String> create =
        new ArrayList<>(List.of("redis-cli", "--no-auth-warning", "-a", password));
    create.add("--cluster");
    create.add("create");
    create.addAll(nodes);
    create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    run(create);
    for (int port : primaries()) {
      await(
          "node " + port + " to see the cluster ok",
          () -> cli(port, "CLUSTER", "INFO").contains("cluster_state:ok"));
    }
  }

  /** Starts one data server with the password, without persistence; answers its port. */
  private int start(int port, List<String> extra) throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                binary(),
                "--port",
                "" + port,
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--dbfilename",
                "dump-" + port + ".rdb",
                "--save",
                "",
                "--appendonly",
                "no",
                "--requirepass",
                password,
                "--masterauth",
                password));
    args.addAll(extra);
    launch(port, args);
    return port;
  }

  private void launch(int port, List<String> args) throws IOException, InterruptedException {
    if (args.get(0).equals("redis-server")) {
      args = new ArrayList<>(args);
      args.set(0, binary());
    }
    Process process;
    try {
      process =
          new ProcessBuilder(args)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("server-" + port + ".log").toFile())
              .start();
    } catch (IOException e) {
      throw new IOException(
          "Cannot start "
              + args.get(0)
              + ": install redis-server (it brings redis-cli) or set"
              + " REDIS_SERVER_BIN",
          e);
    }
    servers.put(port, process);
    await("port " + port + " to listen", () -> listens(port));
  }

  private static String binary() {
    String configured = System.getenv("REDIS_SERVER_BIN");
    return configured == null || configured.isBlank() ? "redis-server" : configured;
  }

  private void killAll() {
    servers.values().forEach(Process::destroyForcibly);
    for (Process process : servers.values()) {
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static List<RedisAddress> addresses(List<Integer> ports) {
    return ports.stream().map(port -> new RedisAddress("127.0.0.1", port)).toList();
  }

  private static String run(List<String> args) {
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", args.subList(0, 1)) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("Gave up waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static boolean listens(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    return RedisTestServer.unusedPort();
  }

  /** A port whose cluster bus port (10,000 above it) is free too. */
  private static int freeClusterPort() {
    while (true) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 50_000);
      if (free(port) && free(port + 10_000)) {
        return port;
      }
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

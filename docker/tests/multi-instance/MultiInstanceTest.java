import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Three instances of the runnable behind the project's nginx config, one PostgreSQL and one Redis
 * (issue 20, acceptance 1). Run by multi-instance-test.sh, which starts nginx and migrates the
 * database; this starts, restarts and kills the instances and drives the load.
 *
 * <p>Shared state: a login limit reached across instances, a token revoked on one refused by the
 * others within a second, the entitlement cache evicted everywhere, a webhook redelivered to every
 * instance stored and processed once, each scheduler tick run once. Then, under load through nginx
 * (logins, profile reads, signed Stripe webhooks): a rolling restart (SIGTERM, start again, one
 * instance after another) with no answer but 2xx (requests nginx had to resend are reported), and a
 * SIGKILL of one instance where only requests
 * in flight on it may fail. At the end every accepted webhook is stored and processed, and every
 * processing job ran, once.
 *
 * <p>Arguments: jar, database, nginx port, work directory, three instance ports.
 */
public final class MultiInstanceTest {

  static final String SECRET = "whsec_multi_" + UUID.randomUUID().toString().replace("-", "");
  static final String PASSWORD = "multi-instance correct horse";
  static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  static final Pattern USER_UUID = Pattern.compile("\"uuid\":\"([^\"]+)\"");
  static final Pattern JOB_SUCCEEDED =
      Pattern.compile("\"event\":\"job.succeeded\".*\"job_uuid\":\"([^\"]+)\",\"job_type\":\"([^\"]+)\"");

  final Path jar;
  final String database;
  final int nginxPort;
  final Path work;
  final int[] ports;
  final Process[] processes;
  final int[] generations;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  final List<String> failures = new ArrayList<>();
  final Map<String, Object> report = new LinkedHashMap<>();
  final AtomicInteger addresses = new AtomicInteger();

  MultiInstanceTest(String[] args) {
    jar = Path.of(args[0]);
    database = args[1];
    nginxPort = Integer.parseInt(args[2]);
    work = Path.of(args[3]);
    ports = new int[] {Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6])};
    processes = new Process[3];
    generations = new int[3];
  }

  public static void main(String[] args) throws Exception {
    MultiInstanceTest test = new MultiInstanceTest(args);
    int status;
    try {
      status = test.run();
    } catch (Exception | AssertionError e) {
      // Exit here, whatever threads still run: a failed start must fail CI, not hang it.
      e.printStackTrace();
      status = 1;
    } finally {
      test.stopAll();
    }
    System.exit(status);
  }

  int run() throws Exception {
    long started = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      start(i);
    }
    for (int i = 0; i < 3; i++) {
      awaitReady(i, Duration.ofMinutes(5));
    }
    say("3 instances ready after " + seconds(started) + " s");
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      accounts.add(register(i % 3));
    }
    for (Account account : accounts) {
      subscribe(account);
    }
    sharedLimits(accounts.getFirst());
    revokedEverywhere(accounts.get(1));
    entitlementEvictedEverywhere(register(2));
    redeliveredWebhookOnce();

    long nginxErrorsBefore = Files.size(nginxErrorLog());
    Load rolling = new Load(accounts, "evt_rolling_");
    rolling.start();
    Thread.sleep(3_000);
    for (int i = 0; i < 3; i++) {
      restart(i);
      Thread.sleep(3_000);
    }
    rolling.stop();
    report.put("rolling restart", rolling.counts());
    // None: a stopping instance refuses new connections, which nginx retries elsewhere, POSTs
    // included, and answers every request on a connection it had accepted.
    if (rolling.non2xx() != 0) {
      failures.add("rolling restart: " + rolling.non2xx() + " answers were not 2xx: " + rolling.failed);
    }
    // Reported, not failed: a connection nginx opens just as the port stops accepting is reset by
    // the kernel with its request (scaling.md, "Stopping an instance"); nginx resends a GET.
    List<String> cut = connectionsCutUnderARequest(nginxErrorsBefore);
    report.put("rolling restart: upstream connections cut under a request", cut.size());
    cut.forEach(line -> say("nginx: " + line));

    Load loss = new Load(accounts, "evt_loss_");
    loss.start();
    Thread.sleep(4_000);
    processes[1].destroyForcibly();
    processes[1].waitFor();
    say("instance 1 killed (SIGKILL)");
    Thread.sleep(4_000);
    start(1);
    awaitReady(1, Duration.ofMinutes(5));
    Thread.sleep(3_000);
    loss.stop();
    report.put("instance loss (SIGKILL)", loss.counts());

    webhooksProcessedOnce("rolling restart", rolling.acceptedEvents, 0);
    // A job running on the killed instance runs again once its visibility timeout passes: at
    // most as many as its workers held (QUEUE_WORKERS).
    webhooksProcessedOnce("instance loss (SIGKILL)", loss.acceptedEvents, 2);
    if (loss.failedTotal() > 16) {
      failures.add("the SIGKILL failed " + loss.failedTotal() + " requests: more than were in flight on it");
    }
    jobsRunOnce(2);
    ticksRunOnce();
    report.forEach((name, value) -> say(name + ": " + value));
    say("took " + seconds(started) + " s");
    if (failures.isEmpty()) {
      say("PASSED");
      return 0;
    }
    failures.forEach(failure -> say("FAILED: " + failure));
    return 1;
  }

  Path nginxErrorLog() {
    return work.resolve("nginx/logs/error.log");
  }

  /**
   * The errors nginx logged, since the given length of its error log, for a request sent on a
   * connection the instance then closed or reset (connection refused is not one: nothing was sent).
   */
  List<String> connectionsCutUnderARequest(long since) throws IOException {
    byte[] log = Files.readAllBytes(nginxErrorLog());
    String added = new String(log, (int) since, log.length - (int) since, StandardCharsets.UTF_8);
    return added.lines()
        .filter(line -> line.contains("while reading response header from upstream")
            || line.contains("while sending request to upstream"))
        .filter(line -> !line.contains("upstream server temporarily disabled"))
        .toList();
  }

  // The checks of shared state, each against the instances directly.

  /** Failed logins for one account from one address count together on every instance. */
  void sharedLimits(Account account) throws Exception {
    String address = nextAddress();
    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < 6; attempt++) {
      statuses.add(
          post(instance(attempt % 3), "/api/v1/login", login(account.email, "not the password"), null, address)
              .statusCode());
    }
    report.put("login limit across instances (A,B,C,A,B,C)", statuses);
    if (!statuses.equals(List.of(401, 401, 401, 401, 401, 429))) {
      failures.add("the login limit is not shared: " + statuses);
    }
  }

  /** A token logged out on one instance is refused by the others within a second. */
  void revokedEverywhere(Account account) throws Exception {
    String token = account.token;
    for (int i = 0; i < 3; i++) {
      expect(get(instance(i), "/api/v1/user/profile", token), 200, "profile before logout");
    }
    expect(post(instance(0), "/api/v1/logout", "", token, nextAddress()), 200, "logout");
    long loggedOut = System.nanoTime();
    // Each instance trusts a token verdict for up to a second (TokenVerdictCache.FRESHNESS); the
    // requests that find out take time of their own on a loaded machine.
    for (int i = 1; i < 3; i++) {
      int status = 0;
      while (System.nanoTime() - loggedOut < 1_500_000_000L) {
        status = get(instance(i), "/api/v1/user/profile", token).statusCode();
        if (status == 401) {
          break;
        }
        Thread.sleep(20);
      }
      if (status != 401) {
        failures.add("a token revoked on instance 0 still works on instance " + i + " after 1.5 s");
      }
    }
    report.put("token revoked on A refused by B and C within (ms)", (System.nanoTime() - loggedOut) / 1_000_000);
  }

  /** Premium granted by a webhook on one instance shows on the others despite their cache. */
  void entitlementEvictedEverywhere(Account account) throws Exception {
    for (int i = 0; i < 3; i++) {
      expectBody(get(instance(i), "/api/v1/user/entitlements", account.token), "\"premium\":false");
    }
    long sent = System.nanoTime();
    subscribe(account);
    for (int i = 0; i < 3; i++) {
      boolean premium = false;
      while (!premium && System.nanoTime() - sent < 15_000_000_000L) {
        premium = get(instance(i), "/api/v1/user/entitlements", account.token).body().contains("\"premium\":true");
        if (!premium) {
          Thread.sleep(50);
        }
      }
      if (!premium) {
        failures.add("instance " + i + " still serves the cached free entitlement 15 s after the purchase");
      }
    }
    report.put("premium visible on all 3 after the webhook (ms)", (System.nanoTime() - sent) / 1_000_000);
  }

  /** The same event delivered to each instance at once: stored once, processed once. */
  void redeliveredWebhookOnce() throws Exception {
    String id = "evt_redelivered_" + shortId();
    String body = subscriptionUpdated(id, "sub_nobody_" + shortId(), Instant.now());
    List<Thread> threads = new ArrayList<>();
    List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 3; i++) {
      int index = i;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      HttpResponse<String> answer = stripe(instance(index), body);
                      answers.add(answer.statusCode() + " " + answer.body());
                    } catch (Exception e) {
                      answers.add(e.toString());
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long fresh = answers.stream().filter(a -> a.contains("\"duplicate\":false")).count();
    long duplicates = answers.stream().filter(a -> a.contains("\"duplicate\":true")).count();
    awaitProcessed(Set.of(id), Duration.ofSeconds(60));
    String stored = sql("SELECT count(*) || ' row, attempts ' || max(attempts) FROM webhook_events WHERE event_id = '" + id + "'");
    report.put("one event sent to all 3 at once", fresh + " stored, " + duplicates + " duplicates; " + stored);
    if (fresh != 1 || duplicates != 2 || !stored.equals("1 row, attempts 1")) {
      failures.add("a redelivered webhook was not stored and processed exactly once: " + answers + " / " + stored);
    }
  }

  /** Every webhook the phase got accepted is stored once and processed once. */
  void webhooksProcessedOnce(String phase, Set<String> accepted, int mayRunTwice) throws Exception {
    awaitProcessed(accepted, Duration.ofMinutes(3)); // past the processing job's visibility timeout
    String list = String.join("','", accepted);
    String where = " FROM webhook_events WHERE event_id IN ('" + list + "')";
    int stored = Integer.parseInt(sql("SELECT count(*)" + where));
    int processed = Integer.parseInt(sql("SELECT count(*)" + where + " AND processed_at IS NOT NULL"));
    int twice = Integer.parseInt(sql("SELECT count(*)" + where + " AND attempts > 1"));
    report.put(
        phase + ": webhooks",
        "accepted " + accepted.size() + ", stored " + stored + ", processed " + processed
            + ", processed more than once " + twice);
    if (accepted.isEmpty() || stored != accepted.size() || processed != accepted.size()) {
      failures.add(phase + ": accepted " + accepted.size() + " webhooks, stored " + stored + ", processed " + processed);
    }
    if (twice > mayRunTwice) {
      failures.add(phase + ": " + twice + " webhooks processed more than once");
    }
  }

  /**
   * Every stored event enqueued one processing job in the same transaction; each ran once, but for
   * those the SIGKILL interrupted.
   */
  void jobsRunOnce(int killedWorkers) throws Exception {
    int enqueued = Integer.parseInt(sql("SELECT count(*) FROM webhook_events"));
    int queued = Integer.parseInt(sql("SELECT count(*) FROM jobs WHERE type = 'subscriptions.process-webhook'"));
    int failed = Integer.parseInt(sql("SELECT count(*) FROM failed_jobs WHERE type = 'subscriptions.process-webhook'"));
    Map<String, Integer> runs = new TreeMap<>();
    for (Path log : logs()) {
      for (String line : Files.readAllLines(log)) {
        Matcher matcher = JOB_SUCCEEDED.matcher(line);
        if (matcher.find() && matcher.group(2).equals("subscriptions.process-webhook")) {
          runs.merge(matcher.group(1), 1, Integer::sum);
        }
      }
    }
    long twice = runs.values().stream().filter(count -> count > 1).count();
    report.put(
        "webhook processing jobs",
        "enqueued " + enqueued + ", run " + runs.size() + ", run more than once " + twice
            + ", still queued " + queued + ", failed " + failed);
    // The killed instance's last log lines die with it: a job it finished just before the SIGKILL
    // has run (its webhook is processed, checked above) but may have no job.succeeded line. At most
    // as many as its workers.
    int unlogged = enqueued - runs.size();
    if (unlogged < 0 || unlogged > killedWorkers || queued != 0 || failed != 0) {
      failures.add("enqueued " + enqueued + " processing jobs, " + runs.size() + " ran, " + queued + " still queued, " + failed + " failed");
    }
    if (twice > killedWorkers) {
      failures.add(twice + " processing jobs ran more than once");
    }
  }

  /** Every tick of every scheduled task, claimed by one instance, ran its job once. */
  void ticksRunOnce() throws Exception {
    String ticks = sql("SELECT count(*) || ' ticks claimed by ' || count(DISTINCT claimed_by) || ' instances' FROM scheduler_ticks");
    int expireTicks = Integer.parseInt(sql("SELECT count(*) FROM scheduler_ticks WHERE task = 'expire-subscriptions'"));
    Map<String, Integer> runs = new TreeMap<>();
    for (Path log : logs()) {
      for (String line : Files.readAllLines(log)) {
        Matcher matcher = JOB_SUCCEEDED.matcher(line);
        if (matcher.find() && matcher.group(2).equals("subscriptions.expire")) {
          runs.merge(matcher.group(1), 1, Integer::sum);
        }
      }
    }
    int runCount = runs.values().stream().mapToInt(Integer::intValue).sum();
    report.put("scheduler", ticks + "; expire-subscriptions: " + expireTicks + " ticks, " + runCount + " runs");
    if (runCount > expireTicks) {
      failures.add("expire-subscriptions ran " + runCount + " times for " + expireTicks + " ticks");
    }
  }

  // Load through nginx.

  final class Load {
    final List<Account> accounts;
    final String eventPrefix;
    final AtomicBoolean running = new AtomicBoolean(true);
    final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
    final Set<String> acceptedEvents = ConcurrentHashMap.newKeySet();
    final List<Thread> threads = new ArrayList<>();

    Load(List<Account> accounts, String eventPrefix) {
      this.accounts = accounts;
      this.eventPrefix = eventPrefix;
    }

    /**
     * About 100 requests a second: enough that every restart meets requests in flight, and leaves
     * the two cores of CI room to start the restarted instance (over 5 minutes once, at twice this).
     */
    void start() {
      for (int i = 0; i < 3; i++) {
        threads.add(Thread.ofPlatform().daemon().name("profile-" + i).start(() -> loop("GET /user/profile", this::profile, 40)));
      }
      for (int i = 0; i < 2; i++) {
        threads.add(Thread.ofPlatform().daemon().name("webhook-" + i).start(() -> loop("POST /webhooks/stripe", this::webhook, 100)));
      }
      // nginx allows 10 logins a minute from one address (burst 5).
      threads.add(Thread.ofPlatform().daemon().name("login").start(() -> loop("POST /login", this::login, 7_000)));
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join();
      }
    }

    long non2xx() {
      return failedTotal();
    }

    long failedTotal() {
      return failed.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, String> counts() {
      Map<String, String> counts = new TreeMap<>();
      requests.forEach(
          (kind, count) -> {
            long bad = failed.entrySet().stream().filter(e -> e.getKey().startsWith(kind)).mapToLong(e -> e.getValue().get()).sum();
            counts.put(kind, count.get() + " requests, " + bad + " not 2xx");
          });
      if (!failed.isEmpty()) {
        counts.put("failures", failed.toString());
      }
      return counts;
    }

    interface Call {
      int call() throws Exception;
    }

    void loop(String kind, Call call, long pauseMillis) {
      while (running.get()) {
        int status;
        try {
          status = call.call();
        } catch (IOException e) {
          status = 0;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        requests.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (status < 200 || status > 299) {
          failed.computeIfAbsent(kind + " -> " + (status == 0 ? "no answer" : status), k -> new AtomicLong()).incrementAndGet();
        }
        if (pauseMillis > 0) {
          sleep(pauseMillis);
        }
      }
    }

    int profile() throws Exception {
      Account account = accounts.get(2 + ThreadLocalRandom.current().nextInt(accounts.size() - 2));
      return get(nginx(), "/api/v1/user/profile", account.token).statusCode();
    }

    int login() throws Exception {
      Account account = accounts.get(2 + ThreadLocalRandom.current().nextInt(accounts.size() - 2));
      return post(nginx(), "/api/v1/login", MultiInstanceTest.login(account.email, PASSWORD), null, null).statusCode();
    }

    int webhook() throws Exception {
      Account account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
      String id = eventPrefix + shortId();
      HttpResponse<String> answer = stripe(nginx(), subscriptionUpdated(id, account.subscription, Instant.now()));
      if (answer.statusCode() == 200 && answer.body().contains("\"duplicate\":false")) {
        acceptedEvents.add(id);
      }
      return answer.statusCode();
    }
  }

  // The instances.

  void start(int index) throws IOException {
    generations[index]++;
    Path log = work.resolve("instance-" + index + "-" + generations[index] + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xms128m",
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-Djava.io.tmpdir=" + work,
            "-jar",
            jar.toString());
    Map<String, String> env = builder.environment();
    env.put("APP_PORT", Integer.toString(ports[index]));
    env.put("DB_DATABASE", database);
    env.put("APP_ENV", "testing");
    env.put("LOG_LEVEL", "INFO");
    env.put("MIGRATE_ON_START", "false");
    env.put("SHUTDOWN_DRAIN", "PT3S");
    env.put("QUEUE_WORKERS", "2");
    env.put("HTTP_THREADS", "8");
    env.put("STARTUP_TIMEOUT", "300");
    env.put("TRUSTED_PROXIES", "127.0.0.1");
    env.put("STRIPE_WEBHOOK_SECRET", SECRET);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    processes[index] = builder.start();
  }

  void awaitReady(int index, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!processes[index].isAlive()) {
        printLogTail(index);
        throw new IllegalStateException(
            "instance " + index + " died with " + processes[index].exitValue() + "; see its log in " + work);
      }
      try {
        if (get(instance(index), "/health/ready", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the port opens once the application is deployed
      }
      Thread.sleep(200);
    }
    printLogTail(index);
    printThreads(index);
    throw new IllegalStateException("instance " + index + " not ready within " + patience);
  }

  /** The end of an instance's log, in CI's output: the work directory is gone after the run. */
  void printLogTail(int index) throws IOException {
    Path log = work.resolve("instance-" + index + "-" + generations[index] + ".log");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    say("last lines of " + log.getFileName() + ":");
    lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(line -> say("  " + line));
  }

  /** Where an instance that never became ready is stuck: its threads' stacks, from jstack. */
  void printThreads(int index) throws IOException, InterruptedException {
    Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
    Process dump =
        new ProcessBuilder(jstack.toString(), Long.toString(processes[index].pid()))
            .redirectErrorStream(true)
            .start();
    String stacks = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    dump.waitFor();
    Path file = work.resolve("instance-" + index + "-" + generations[index] + ".jstack");
    Files.writeString(file, stacks);
    say("threads of instance " + index + " (main and startup):");
    for (String block : stacks.split("\n\n")) {
      if (block.startsWith("\"main\"") || block.contains("deploy") || block.contains("Startup")) {
        block.lines().limit(40).forEach(line -> say("  " + line));
      }
    }
  }

  /** SIGTERM under load: not ready within a second, exit 0, then started again. */
  void restart(int index) throws Exception {
    long sigterm = System.nanoTime();
    processes[index].destroy();
    long notReady = -1;
    while (notReady < 0 && System.nanoTime() - sigterm < 5_000_000_000L) {
      try {
        if (get(instance(index), "/health/ready", null).statusCode() != 200) {
          notReady = System.nanoTime() - sigterm;
        }
      } catch (IOException closed) {
        notReady = System.nanoTime() - sigterm;
      }
    }
    processes[index].waitFor();
    int exit = processes[index].exitValue();
    long stopped = System.nanoTime();
    start(index);
    awaitReady(index, Duration.ofMinutes(5));
    say(
        "instance " + index + ": SIGTERM, not ready after " + notReady / 1_000_000 + " ms, exit "
            + exit + " after " + (stopped - sigterm) / 1_000_000 + " ms, ready again after "
            + seconds(stopped) + " s");
    if (exit != 0) {
      failures.add("instance " + index + " exited with " + exit + " on SIGTERM");
    }
    // SHUTDOWN_DRAIN (3 s) + SHUTDOWN_TIMEOUT (33 s): the queue workers' 30 s for the job in hand
    // and Payara's 3 s grace.
    if (stopped - sigterm > Duration.ofSeconds(35).toNanos()) {
      failures.add("instance " + index + " took " + (stopped - sigterm) / 1_000_000 + " ms to stop");
    }
    if (notReady < 0 || notReady > 1_000_000_000L) {
      failures.add("instance " + index + " was still ready " + notReady / 1_000_000 + " ms after SIGTERM");
    }
  }

  void stopAll() {
    for (Process process : processes) {
      if (process != null && process.isAlive()) {
        process.destroy();
      }
    }
    for (Process process : processes) {
      try {
        if (process != null && !process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  List<Path> logs() throws IOException {
    try (var files = Files.list(work)) {
      return files.filter(p -> p.getFileName().toString().startsWith("instance-")).sorted().toList();
    }
  }

  // Accounts and purchases.

  record Account(String email, String token, String uuid, String subscription) {}

  Account register(int instance) throws Exception {
    String email = "multi-" + shortId() + "@example.com";
    String body =
        "{\"name\":\"Multi\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
            + "\",\"password_confirmation\":\"" + PASSWORD + "\"}";
    HttpResponse<String> answer = post(instance(instance), "/api/v1/register", body, null, nextAddress());
    expect(answer, 201, "register");
    return new Account(email, group(TOKEN, answer.body()), group(USER_UUID, answer.body()), "sub_multi_" + shortId());
  }

  /** Checkout completed and the subscription active: premium for the account. */
  void subscribe(Account account) throws Exception {
    Instant now = Instant.now();
    String checkout =
        event(
            "evt_checkout_" + shortId(),
            "checkout.session.completed",
            now,
            "{\"id\":\"cs_" + shortId() + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                + "\"client_reference_id\":\"" + account.uuid + "\",\"customer\":\"cus_multi\","
                + "\"subscription\":\"" + account.subscription + "\"}");
    expect(stripe(instance(0), checkout), 200, "checkout webhook");
    expect(stripe(instance(1), subscriptionUpdated("evt_created_" + shortId(), account.subscription, now)), 200, "subscription webhook");
  }

  static String subscriptionUpdated(String id, String subscription, Instant at) {
    long end = at.plus(Duration.ofDays(30)).getEpochSecond();
    return event(
        id,
        "customer.subscription.updated",
        at,
        "{\"id\":\"" + subscription + "\",\"object\":\"subscription\",\"customer\":\"cus_multi\","
            + "\"status\":\"active\",\"cancel_at_period_end\":false,\"items\":{\"data\":[{"
            + "\"current_period_start\":" + at.getEpochSecond() + ",\"current_period_end\":" + end
            + ",\"price\":{\"id\":\"price_premium_monthly\"}}]}}");
  }

  static String event(String id, String type, Instant created, String object) {
    return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2025-03-31.basil\",\"type\":\""
        + type + "\",\"created\":" + created.getEpochSecond() + ",\"data\":{\"object\":" + object + "}}";
  }

  void awaitProcessed(Set<String> ids, Duration patience) throws Exception {
    if (ids.isEmpty()) {
      return;
    }
    String list = String.join("','", ids);
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      String left =
          sql("SELECT count(*) FROM webhook_events WHERE processed_at IS NULL AND event_id IN ('" + list + "')");
      if (left.equals("0")) {
        return;
      }
      Thread.sleep(500);
    }
  }

  // HTTP.

  URI nginx() {
    return URI.create("http://127.0.0.1:" + nginxPort);
  }

  URI instance(int index) {
    return URI.create("http://127.0.0.1:" + ports[index]);
  }

  HttpResponse<String> get(URI base, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(URI base, String path, String json, String token, String address) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (address != null) {
      request.header("X-Forwarded-For", address);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> stripe(URI base, String body) throws Exception {
    long at = Instant.now().getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String v1 = HexFormat.of().formatHex(mac.doFinal((at + "." + body).getBytes(StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/webhooks/stripe"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Stripe-Signature", "t=" + at + ",v1=" + v1)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static String login(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  /** A client address of its own for each call that needs one: the per-address limits stay apart. */
  String nextAddress() {
    int n = addresses.incrementAndGet();
    return "10.20." + (n / 250) + "." + (1 + n % 250);
  }

  void expect(HttpResponse<String> answer, int status, String what) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(what + ": expected " + status + ", got " + answer.statusCode() + " " + answer.body());
    }
  }

  void expectBody(HttpResponse<String> answer, String fragment) {
    if (!answer.body().contains(fragment)) {
      throw new IllegalStateException("expected " + fragment + " in " + answer.statusCode() + " " + answer.body());
    }
  }

  /** One value from psql; the query goes on standard input, as it may be long. */
  String sql(String query) throws Exception {
    Process psql =
        new ProcessBuilder(
                "psql", "-h", env("DB_HOST", "127.0.0.1"), "-p", env("DB_PORT", "5432"),
                "-U", env("DB_USERNAME", "postgres"), "-d", database, "-tA", "-v", "ON_ERROR_STOP=1")
            .redirectErrorStream(true)
            .start();
    try (var in = psql.getOutputStream()) {
      in.write((query + ";\n").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (psql.waitFor() != 0) {
      throw new IllegalStateException("psql: " + out);
    }
    return out;
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(pattern + " not in " + text);
    }
    return matcher.group(1);
  }

  static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static long seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1_000_000_000L;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void say(String line) {
    System.out.println("[multi-instance] " + line);
  }
}

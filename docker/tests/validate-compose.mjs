// Checks docker-compose.yml without Docker: the Compose Specification schema, health checks
// behind every depends_on, variables that .env.example must define, trusted proxies, the Redis
// password, the monitoring and docs profiles, and the checksums of the app Dockerfile's downloads.
// Also: several app replicas (`--scale app=3`) and the migrate service before them, a minimal .env
// (DB_PASSWORD and REDIS_PASSWORD alone) interpolated as Compose does, the development file, and
// the app's 1 GiB memory limit with the JVM options of bootstrap/jvm.options.
// Usage: node validate-compose.mjs <docker-compose.yml> <.env.example> <compose-spec.json> [compose.dev.yaml]
// Needs the npm packages ajv, ajv-formats and yaml (docker/tests/compose-test.sh installs them).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const [composePath, envPath, schemaPath, devPath] = process.argv.slice(2);
let passed = 0;
let failed = 0;
function check(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`PASS ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const p of problems) console.log(`     ${p}`);
  }
}

const text = readFileSync(composePath, "utf8");
let compose;
try {
  compose = parse(text);
} catch (e) {
  check("docker-compose.yml is valid YAML", [e.message.split("\n")[0]]);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}
check("docker-compose.yml is valid YAML", []);
const services = compose.services ?? {};

// 1. The Compose Specification (draft-07). The schema's "format": "duration" etc. are
// Compose's own formats: accepted without checking, as Compose itself checks them.
// The Compose Specification's validator, used for docker-compose.yml as written (1), as a minimal
// .env interpolates it (8), and for compose.dev.yaml (9).
const validateSpec = (() => {
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  // Its $schema is "https://json-schema.org/draft-07/schema", which Ajv does not know by
  // that spelling; draft-07 is Ajv's default anyway.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const f of ["duration", "ports", "expose"]) ajv.addFormat(f, true);
  return ajv.compile(schema);
})();
{
  const validate = validateSpec;
  const ok = validate(compose);
  check(
    "docker-compose.yml matches the Compose Specification schema",
    ok ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`),
  );
}

// 2. Every service some depends_on names exists and has a health check (service_healthy), or is a
// one-off task (restart "no", a command) waited for with service_completed_successfully.
const oneOff = (svc) => svc && String(svc.restart) === "no" && svc.command !== undefined;
{
  const problems = [];
  for (const [name, svc] of Object.entries(services)) {
    const deps = svc.depends_on ?? [];
    const entries = Array.isArray(deps) ? deps.map((d) => [d, {}]) : Object.entries(deps);
    for (const [dep, opts] of entries) {
      if (!services[dep]) {
        problems.push(`${name} depends on ${dep}, which is not a service`);
        continue;
      }
      if (oneOff(services[dep])) {
        if (opts?.condition !== "service_completed_successfully")
          problems.push(`${name} -> ${dep} (one-off): condition ${opts?.condition}, expected service_completed_successfully`);
        continue;
      }
      if (!services[dep].healthcheck || services[dep].healthcheck.disable)
        problems.push(`${name} depends on ${dep}, which has no healthcheck`);
      if (opts?.condition && opts.condition !== "service_healthy")
        problems.push(`${name} -> ${dep}: condition ${opts.condition}, expected service_healthy`);
    }
  }
  check("every service named by depends_on has a healthcheck, or is a one-off waited for to succeed", problems);
}

// 3. Every ${VAR} (or $VAR) without a default is defined in .env.example, so that
// `cp .env.example .env && docker compose config` leaves nothing unset. $$ is a literal $.
{
  const env = new Set(
    readFileSync(envPath, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"))
      .map((l) => l.replace(/^export\s+/, "").split("=")[0].trim()),
  );
  const noComments = text.replace(/(^|\s)#.*$/gm, "$1");
  const problems = [];
  const re = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-?+])[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (const m of noComments.matchAll(re)) {
    if (m[0] === "$$") continue;
    const name = m[1] ?? m[3];
    const op = m[2] ?? "";
    const hasDefault = op.startsWith(":-") || op.startsWith("-") || op.startsWith(":+") || op.startsWith("+");
    if (!hasDefault && !env.has(name)) problems.push(`\${${name}} has no default and is not in .env.example`);
    if (op.startsWith(":?") && env.has(name)) {
      const line = readFileSync(envPath, "utf8").split("\n").find((l) => l.startsWith(`${name}=`));
      if (line !== undefined && line.slice(name.length + 1).trim() === "")
        problems.push(`\${${name}:?} is required but empty in .env.example`);
    }
  }
  check("every variable without a default is defined in .env.example", problems);
}

// 4. The settings this stack relies on.
{
  const problems = [];
  const app = services.app ?? {};
  // SHUTDOWN_DRAIN (10 s) + SHUTDOWN_TIMEOUT (33 s) + 2 s: Docker's SIGKILL never cuts a stop short.
  if (app.stop_grace_period !== "50s") problems.push("app: stop_grace_period is not 50s");
  if (!compose.networks?.huberman?.ipam?.config?.[0]?.subnet) problems.push("network huberman has no IPAM subnet");
  if (String(app.environment?.APP_PORT) !== "8080") problems.push("app: APP_PORT is not pinned to 8080");
  for (const [name, svc] of Object.entries(services))
    if (!svc.profiles && !svc.restart) problems.push(`${name}: no restart policy`);
  check("app grace period, port and restart policies", problems);
}

// 4b. The app believes X-Forwarded-For from nginx alone: TRUSTED_PROXIES is one address, the
// webserver's fixed ipv4_address, inside the network's subnet and not its network or gateway
// address (the Docker gateway, .1, is in the subnet: trusting the subnet would trust it too).
// ${VAR:-default} is read with the value .env.example gives, else the default.
{
  const problems = [];
  const envValues = Object.fromEntries(
    readFileSync(envPath, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#") && l.includes("="))
      .map((l) => [l.split("=")[0].trim(), l.slice(l.indexOf("=") + 1).trim()]),
  );
  const resolveVars = (v) =>
    String(v ?? "").replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (_, name, dflt) =>
      envValues[name] ? envValues[name] : (dflt ?? ""));
  const ipv4 = (text) => {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
    if (!m || m.slice(1).some((p) => Number(p) > 255)) return null;
    return m.slice(1).reduce((n, p) => n * 256 + Number(p), 0);
  };
  const trusted = services.app?.environment?.TRUSTED_PROXIES;
  const webNets = services.webserver?.networks;
  const webIp = Array.isArray(webNets) ? undefined : webNets?.huberman?.ipv4_address;
  if (!webIp) problems.push("webserver: no fixed ipv4_address on network huberman");
  if (trusted !== webIp) problems.push(`app: TRUSTED_PROXIES (${trusted}) is not the webserver's ipv4_address (${webIp})`);
  const address = resolveVars(trusted);
  if (/[,/\s]/.test(address) || ipv4(address) === null)
    problems.push(`app: TRUSTED_PROXIES resolves to '${address}', not one IPv4 address`);
  const subnet = resolveVars(compose.networks?.huberman?.ipam?.config?.[0]?.subnet);
  const [net, bits] = subnet.split("/");
  const base = ipv4(net);
  const size = 2 ** (32 - Number(bits));
  const ip = ipv4(address);
  if (base === null || !(Number(bits) >= 8 && Number(bits) <= 30)) problems.push(`network huberman: bad subnet '${subnet}'`);
  else if (ip !== null && !(ip > base + 1 && ip < base + size - 1))
    problems.push(`webserver: ${address} is not a host address of ${subnet} other than the gateway (.1)`);
  const ipams = Object.values(services).flatMap((svc) => (Array.isArray(svc.networks) ? [] : Object.values(svc.networks ?? {})));
  const fixed = ipams.map((n) => resolveVars(n?.ipv4_address)).filter((a) => a);
  if (fixed.filter((a) => a === address).length > 1) problems.push(`${address} is given to more than one service`);
  check("app: TRUSTED_PROXIES is the webserver's fixed address alone, inside the subnet", problems);
}

// 4c. Redis requires a password: REDIS_PASSWORD is required (${REDIS_PASSWORD:?...}) wherever it
// is handed on (the app, redis itself and its exporter), and redis-server always gets
// --requirepass, never only when a variable happens to be set.
{
  const problems = [];
  for (const name of ["app", "redis", "redis-exporter"]) {
    const value = String(services[name]?.environment?.REDIS_PASSWORD ?? "");
    if (!value.startsWith("${REDIS_PASSWORD:?")) problems.push(`${name}: REDIS_PASSWORD is '${value}', not \${REDIS_PASSWORD:?...}`);
  }
  const command = [services.redis?.command ?? []].flat().join(" ");
  if (!/--requirepass\s+"?\$\$REDIS_PASSWORD"?(\s|$)/.test(command))
    problems.push(`redis: the command does not always pass --requirepass "$$REDIS_PASSWORD": ${command}`);
  if (/\$\$\{REDIS_PASSWORD:?[-+]/.test(command)) problems.push("redis: --requirepass depends on REDIS_PASSWORD being set");
  if (String(services.app?.environment?.REDIS_SSL) !== "false")
    problems.push("app: REDIS_SSL is not pinned to false (the Compose redis speaks no TLS)");
  check("redis requires a password, and the app and the exporter get REDIS_PASSWORD", problems);
}

// 5. The monitoring profile: its six services with health checks, its bind-mounted files present,
// its named volumes declared, and every target of docker/prometheus/prometheus.yml a service that
// exposes that port (or the app on 8080).
{
  const problems = [];
  const root = dirname(resolve(composePath));
  const wanted = ["prometheus", "alertmanager", "grafana", "node-exporter", "postgres-exporter", "redis-exporter"];
  for (const name of wanted) {
    const svc = services[name];
    if (!svc) { problems.push(`${name}: missing`); continue; }
    if (!(svc.profiles ?? []).includes("monitoring")) problems.push(`${name}: not in profile monitoring`);
    if (!svc.healthcheck || svc.healthcheck.disable) problems.push(`${name}: no healthcheck`);
    for (const v of svc.volumes ?? []) {
      const source = String(typeof v === "string" ? v.split(":")[0] : v.source);
      if (source.startsWith("./") && !existsSync(resolve(root, source))) problems.push(`${name}: ${source} does not exist`);
      else if (!source.startsWith(".") && !source.startsWith("/") && !(compose.volumes ?? {}).hasOwnProperty(source))
        problems.push(`${name}: volume ${source} is not declared`);
    }
  }
  const prom = parse(readFileSync(resolve(root, "docker/prometheus/prometheus.yml"), "utf8"));
  for (const job of prom.scrape_configs ?? []) {
    const targets = [
      ...(job.static_configs ?? []).flatMap((sc) => sc.targets ?? []),
      // Docker's DNS: one A record per replica of the service so named.
      ...(job.dns_sd_configs ?? []).flatMap((sd) => (sd.names ?? []).map((n) => `${n}:${sd.port}`)),
    ];
    for (const target of targets) {
      const [host, port] = target.split(":");
      if (host === "localhost") continue;
      const svc = services[host];
      if (!svc) { problems.push(`prometheus job ${job.job_name}: target ${target} is not a service`); continue; }
      const exposed = [...(svc.expose ?? []), ...(svc.ports ?? [])].map((p) => String(p).split(":").pop());
      if (!exposed.includes(port)) problems.push(`prometheus job ${job.job_name}: ${host} does not expose ${port}`);
    }
  }
  const am = (prom.alerting?.alertmanagers ?? []).flatMap((a) => (a.static_configs ?? []).flatMap((c) => c.targets ?? []));
  for (const target of am) if (!services[target.split(":")[0]]) problems.push(`alerting target ${target} is not a service`);
  check("monitoring profile: services, health checks, files, volumes and scrape targets", problems);
}

// 5b. The docs profile: its nginx runs the webserver's app.conf plus docker/nginx/docs.d (which
// app.conf includes from /etc/nginx/docs.d), is published on 127.0.0.1 only, and waits for a healthy
// app; no service outside the profile mounts docs.d, so the public webserver never publishes
// /openapi or /api/docs.
{
  const problems = [];
  const root = dirname(resolve(composePath));
  const mounts = (svc) =>
    (svc?.volumes ?? []).map((v) =>
      typeof v === "string" ? { source: v.split(":")[0], target: v.split(":")[1] } : { source: String(v.source), target: v.target });
  const clean = (p) => String(p ?? "").replace(/\/+$/, "");
  const docs = services.docs;
  if (!docs) problems.push("docs: missing");
  else {
    if (!(docs.profiles ?? []).includes("docs")) problems.push("docs: not in profile docs");
    if (!docs.healthcheck || docs.healthcheck.disable) problems.push("docs: no healthcheck");
    const deps = docs.depends_on ?? {};
    if (Array.isArray(deps) || deps.app?.condition !== "service_healthy") problems.push("docs: does not wait for a healthy app");
    const own = mounts(docs);
    const webConf = mounts(services.webserver).find((m) => clean(m.target) === "/etc/nginx/conf.d");
    const conf = own.find((m) => clean(m.target) === "/etc/nginx/conf.d");
    const docsD = own.find((m) => clean(m.target) === "/etc/nginx/docs.d");
    if (!conf || !webConf || clean(conf.source) !== clean(webConf.source))
      problems.push(`docs: /etc/nginx/conf.d is not the webserver's (${conf?.source} vs ${webConf?.source})`);
    if (!docsD) problems.push("docs: nothing mounted at /etc/nginx/docs.d");
    else if (!existsSync(resolve(root, docsD.source)) || !readdirSync(resolve(root, docsD.source)).some((f) => f.endsWith(".conf")))
      problems.push(`docs: ${docsD.source} holds no .conf file`);
    for (const p of docs.ports ?? []) {
      const text = typeof p === "string" ? p : `${p.host_ip ?? ""}:${p.published}:${p.target}`;
      if (!text.startsWith("127.0.0.1:")) problems.push(`docs: port ${text} is not published on 127.0.0.1 only`);
    }
    if ((docs.ports ?? []).length === 0) problems.push("docs: no published port");
  }
  for (const [name, svc] of Object.entries(services)) {
    if ((svc.profiles ?? []).includes("docs")) continue;
    for (const m of mounts(svc))
      if (clean(m.target) === "/etc/nginx/docs.d" || clean(m.source).endsWith("docker/nginx/docs.d"))
        problems.push(`${name}: mounts the docs.d that publishes /openapi and /api/docs, outside the profile docs`);
  }
  const appConf = readFileSync(resolve(root, "docker/nginx/conf.d/app.conf"), "utf8");
  if (!/^\s*include\s+\/etc\/nginx\/docs\.d\/\*\.conf;/m.test(appConf))
    problems.push("docker/nginx/conf.d/app.conf does not include /etc/nginx/docs.d/*.conf");
  check("docs profile: app.conf plus docs.d on 127.0.0.1 only; the public webserver publishes no docs", problems);
}

// 6. The app's Dockerfile: whatever it fetches from the network at build time (ADD <url>) is pinned
// with --checksum=sha256:<64 hex>, so a changed or intercepted download fails the build instead
// of entering the image (Apple's root CA decides which App Store notifications are believed). ADD
// --checksum needs the Dockerfile frontend 1.6 or newer: the syntax directive must allow it.
{
  const problems = [];
  const root = dirname(resolve(composePath));
  const build = services.app?.build ?? {};
  const dockerfile = resolve(root, build.context ?? ".", build.dockerfile ?? "Dockerfile");
  if (!existsSync(dockerfile)) problems.push(`${dockerfile} does not exist`);
  else {
    const lines = readFileSync(dockerfile, "utf8").replace(/\\\n/g, " ").split("\n");
    const syntax = lines.find((l) => /^#\s*syntax=/.test(l));
    const version = /^#\s*syntax=docker\/dockerfile:(\d+)(?:\.(\d+))?(?:[.-]\S*)?\s*$/.exec(syntax ?? "");
    if (!version) problems.push(`no "# syntax=docker/dockerfile:1" (or 1.6+) directive: ${syntax}`);
    else if (version[1] !== "1" || (version[2] !== undefined && Number(version[2]) < 6))
      problems.push(`${syntax.trim()}: ADD --checksum needs docker/dockerfile:1 (latest 1.x) or 1.6+`);
    const adds = lines.filter((l) => /^\s*ADD\s/i.test(l) && /\s(https?|git):\/\/|\s[\w.-]+@[\w.-]+:/.test(l));
    if (adds.length === 0) problems.push("no remote ADD found (expected Apple's root CA)");
    for (const add of adds)
      if (!/\s--checksum=sha256:[0-9a-f]{64}\s/.test(add)) problems.push(`not pinned by --checksum=sha256: ${add.trim()}`);
  }
  check("the app's Dockerfile pins every download with ADD --checksum=sha256", problems);
}

// 7. Several replicas: `docker compose up --scale app=3` needs an app without container_name, host
// ports or a fixed address; the one-off migrate service (the app's image, the CLI's migrate) runs
// first and the apps neither migrate nor start before it succeeded; nginx follows every replica
// (app.conf's `resolve`, which needs nginx 1.27.3+) and Prometheus scrapes each.
{
  const problems = [];
  const app = services.app ?? {};
  const migrate = services.migrate;
  if (app.container_name) problems.push(`app: container_name ${app.container_name} (replicas would clash)`);
  if ((app.ports ?? []).length) problems.push(`app: publishes ports ${JSON.stringify(app.ports)} (replicas would clash)`);
  const appNets = Array.isArray(app.networks) ? {} : app.networks ?? {};
  for (const [net, opts] of Object.entries(appNets))
    if (opts?.ipv4_address || opts?.ipv6_address) problems.push(`app: fixed address on ${net}`);
  if (String(app.environment?.MIGRATE_ON_START) !== "false") problems.push("app: MIGRATE_ON_START is not \"false\"");
  if (app.depends_on?.migrate?.condition !== "service_completed_successfully")
    problems.push("app: does not wait for migrate (service_completed_successfully)");
  if (!migrate) problems.push("migrate: missing");
  else {
    if (migrate.image !== app.image) problems.push(`migrate: image ${migrate.image}, not the app's ${app.image}`);
    if (JSON.stringify(migrate.build) !== JSON.stringify(app.build)) problems.push("migrate: not built as the app is");
    if (JSON.stringify(migrate.command) !== JSON.stringify(["migrate"])) problems.push(`migrate: command ${JSON.stringify(migrate.command)}`);
    if (String(migrate.restart) !== "no") problems.push("migrate: restart is not \"no\" (a one-off)");
    if (migrate.profiles) problems.push("migrate: in a profile; the default stack needs it");
    if (migrate.depends_on?.db?.condition !== "service_healthy") problems.push("migrate: does not wait for a healthy db");
    for (const v of ["DB_HOST", "DB_PORT", "DB_DATABASE", "DB_USERNAME", "DB_PASSWORD"])
      if (String(migrate.environment?.[v]) !== String(app.environment?.[v])) problems.push(`migrate: ${v} differs from the app's`);
  }
  const root = dirname(resolve(composePath));
  const appConf = readFileSync(resolve(root, "docker/nginx/conf.d/app.conf"), "utf8");
  if (/^\s*server app:8080 [^;]*\bresolve\b/m.test(appConf)) {
    for (const name of ["webserver", "docs"]) {
      const m = /^nginx:(\d+)\.(\d+)(?:\.(\d+))?(?:-[a-z0-9.-]+)?$/.exec(String(services[name]?.image ?? ""));
      const [maj, min, patch] = m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 99)] : [0, 0, 0];
      const newEnough = maj > 1 || (maj === 1 && (min > 27 || (min === 27 && patch >= 3)));
      if (!newEnough) problems.push(`${name}: image ${services[name]?.image} is not nginx 1.27.3+ (app.conf's resolve)`);
    }
  } else problems.push("app.conf: the upstream's server app:8080 has no resolve (new replicas would get no traffic)");
  const prom = parse(readFileSync(resolve(root, "docker/prometheus/prometheus.yml"), "utf8"));
  const appJob = (prom.scrape_configs ?? []).find((j) => j.job_name === "app");
  if (!(appJob?.dns_sd_configs ?? []).some((sd) => (sd.names ?? []).includes("app") && sd.type === "A"))
    problems.push("prometheus job app: not discovered through Docker's DNS (dns_sd_configs, type A, name app)");
  check("--scale app=3: no fixed name, port or address; migrate first; nginx and Prometheus see every replica", problems);
}

// 8. A minimal .env: Compose interpolates every ${...} of the whole file (all profiles) on every
// command, so a ${X:?} anywhere is required by everyone. With only DB_PASSWORD and REDIS_PASSWORD
// set, interpolation must succeed and give a valid file; without them it must fail, naming them.
function interpolate(value, env, errors, where) {
  const re = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  return value.replace(re, (m, braced, op, arg, bare) => {
    if (m === "$$") return "$";
    const name = braced ?? bare;
    const v = env[name];
    const set = v !== undefined;
    const nonEmpty = set && v !== "";
    const sub = () => interpolate(arg ?? "", env, errors, where);
    switch (op) {
      case ":-": return nonEmpty ? v : sub();
      case "-": return set ? v : sub();
      case ":+": return nonEmpty ? sub() : "";
      case "+": return set ? sub() : "";
      case ":?": if (!nonEmpty) errors.push(`${where}: required variable ${name} is missing a value: ${arg}`); return v ?? "";
      case "?": if (!set) errors.push(`${where}: required variable ${name} is missing: ${arg}`); return v ?? "";
      default: return v ?? "";
    }
  });
}
function interpolateAll(node, env, errors, where = "") {
  if (typeof node === "string") return interpolate(node, env, errors, where);
  if (Array.isArray(node)) return node.map((n, i) => interpolateAll(n, env, errors, `${where}/${i}`));
  if (node && typeof node === "object")
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateAll(v, env, errors, `${where}/${k}`)]));
  return node;
}
{
  const problems = [];
  const minimal = { DB_PASSWORD: "db-secret", REDIS_PASSWORD: "redis-secret" };
  const errors = [];
  const rendered = interpolateAll(compose, minimal, errors);
  problems.push(...errors);
  const validate = validateSpec;
  if (!validate(rendered)) problems.push(...validate.errors.map((e) => `rendered ${e.instancePath || "/"} ${e.message}`));
  if (rendered.services?.app?.environment?.DB_PASSWORD !== "db-secret") problems.push("app: DB_PASSWORD is not handed on");
  if (rendered.services?.grafana?.environment?.GF_SECURITY_ADMIN_PASSWORD !== "")
    problems.push("grafana: the admin password is not empty without GRAFANA_ADMIN_PASSWORD (its entrypoint check would not run)");
  const none = [];
  interpolateAll(compose, {}, none);
  const named = (v) => none.some((e) => e.includes(` ${v} `));
  if (!named("DB_PASSWORD") || !named("REDIS_PASSWORD")) problems.push(`an empty .env is not refused for DB_PASSWORD and REDIS_PASSWORD: ${none.join("; ")}`);
  const others = none.filter((e) => !/ (DB_PASSWORD|REDIS_PASSWORD) /.test(e));
  if (others.length) problems.push(`required beyond DB_PASSWORD and REDIS_PASSWORD: ${others.join("; ")}`);
  check("a minimal .env (DB_PASSWORD, REDIS_PASSWORD) interpolates to a valid file; nothing else is required", problems);
}

// 9. The development file (compose.dev.yaml, merged over docker-compose.yml with -f ... -f ...):
// Mailpit catches the app's mail, PostgreSQL and Redis are published on 127.0.0.1 only, nothing
// else is required of .env.
if (devPath) {
  const problems = [];
  let dev;
  try {
    dev = parse(readFileSync(devPath, "utf8"));
  } catch (e) {
    problems.push(`not valid YAML: ${e.message.split("\n")[0]}`);
  }
  if (dev) {
    const validate = validateSpec;
    if (!validate(dev)) problems.push(...validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`));
    const errors = [];
    const d = interpolateAll(dev, {}, errors);
    problems.push(...errors);
    const ds = d.services ?? {};
    const mail = ds.mailpit;
    if (!mail) problems.push("mailpit: missing");
    else {
      if (!String(mail.image ?? "").startsWith("axllent/mailpit:")) problems.push(`mailpit: image ${mail.image}`);
      if (services.mailpit) problems.push("mailpit: also in docker-compose.yml (it is for development only)");
      const nets = Array.isArray(mail.networks) ? mail.networks : Object.keys(mail.networks ?? {});
      if (!nets.includes("huberman")) problems.push("mailpit: not on the network huberman");
    }
    const appEnv = ds.app?.environment ?? {};
    if (appEnv.MAIL_HOST !== "mailpit") problems.push(`app: MAIL_HOST is ${appEnv.MAIL_HOST}, not mailpit`);
    if (String(appEnv.MAIL_PORT) !== "1025") problems.push(`app: MAIL_PORT is ${appEnv.MAIL_PORT}, not Mailpit's SMTP port 1025`);
    const published = (svc) =>
      (svc?.ports ?? []).map((p) => (typeof p === "string" ? p : `${p.host_ip ?? ""}:${p.published}:${p.target}`));
    for (const [name, target] of [["db", "5432"], ["redis", "6379"]]) {
      const ports = published(ds[name]);
      if (!ports.some((p) => p.endsWith(`:${target}`))) problems.push(`${name}: port ${target} not published`);
    }
    for (const [name, svc] of Object.entries(ds))
      for (const p of published(svc)) if (!p.startsWith("127.0.0.1:")) problems.push(`${name}: port ${p} is not on 127.0.0.1 only`);
  }
  check("compose.dev.yaml: Mailpit for the app's mail, PostgreSQL and Redis on 127.0.0.1, nothing required", problems);
}

// 10. Memory: the app (and migrate, the same image) runs under a 1 GiB limit, the one its JVM
// options are sized for; those options come from bootstrap/jvm.options, which the image copies and
// names in JDK_JAVA_OPTIONS, and nothing in Compose sets JVM options of its own.
{
  const problems = [];
  const root = dirname(resolve(composePath));
  for (const name of ["app", "migrate"]) {
    const svc = services[name] ?? {};
    const limit = svc.deploy?.resources?.limits?.memory ?? svc.mem_limit;
    if (String(limit).toLowerCase() !== "1g") problems.push(`${name}: memory limit is ${limit}, not 1g`);
    const env = svc.environment ?? {};
    for (const v of ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"])
      if (v in env) problems.push(`${name}: sets ${v}; the JVM options belong in bootstrap/jvm.options`);
  }
  if (!existsSync(resolve(root, "bootstrap/jvm.options"))) problems.push("bootstrap/jvm.options is missing");
  const build = services.app?.build ?? {};
  const dockerfile = resolve(root, build.context ?? ".", build.dockerfile ?? "Dockerfile");
  const text = existsSync(dockerfile) ? readFileSync(dockerfile, "utf8") : "";
  if (!/^COPY\s.*\bbootstrap\/jvm\.options\s+\/app\/jvm\.options\s*$/m.test(text))
    problems.push("the Dockerfile does not copy bootstrap/jvm.options to /app/jvm.options");
  if (!/^ENV\s+JDK_JAVA_OPTIONS="@\/app\/jvm\.options[\s"]/m.test(text))
    problems.push("the Dockerfile's JDK_JAVA_OPTIONS does not start with @/app/jvm.options");
  const instructions = text.split("\n").filter((l) => !/^\s*#/.test(l)).join("\n");
  if (/MaxRAMPercentage|-Xm[xs]/.test(instructions)) problems.push("the Dockerfile sizes the heap itself");
  check("memory: app and migrate limited to 1g, JVM options from bootstrap/jvm.options only", problems);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

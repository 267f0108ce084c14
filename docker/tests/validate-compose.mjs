// Checks docker-compose.yml without Docker: the Compose Specification schema, health checks
// behind every depends_on, variables that .env.example must define, trusted proxies, the Redis
// password, the monitoring and docs profiles, and the checksums of the app Dockerfile's downloads.
// Usage: node validate-compose.mjs <docker-compose.yml> <.env.example> <compose-spec.json>
// Needs the npm packages ajv, ajv-formats and yaml (docker/tests/compose-test.sh installs them).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const [composePath, envPath, schemaPath] = process.argv.slice(2);
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
{
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  // Its $schema is "https://json-schema.org/draft-07/schema", which Ajv does not know by
  // that spelling; draft-07 is Ajv's default anyway.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const f of ["duration", "ports", "expose"]) ajv.addFormat(f, true);
  const validate = ajv.compile(schema);
  const ok = validate(compose);
  check(
    "docker-compose.yml matches the Compose Specification schema",
    ok ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`),
  );
}

// 2. Every service some depends_on names exists and has a health check (service_healthy).
{
  const problems = [];
  for (const [name, svc] of Object.entries(services)) {
    const deps = svc.depends_on ?? [];
    const entries = Array.isArray(deps) ? deps.map((d) => [d, {}]) : Object.entries(deps);
    for (const [dep, opts] of entries) {
      if (!services[dep]) problems.push(`${name} depends on ${dep}, which is not a service`);
      else if (!services[dep].healthcheck || services[dep].healthcheck.disable)
        problems.push(`${name} depends on ${dep}, which has no healthcheck`);
      if (opts?.condition && opts.condition !== "service_healthy")
        problems.push(`${name} -> ${dep}: condition ${opts.condition}, expected service_healthy`);
    }
  }
  check("every service named by depends_on has a healthcheck", problems);
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
  if (app.stop_grace_period !== "35s") problems.push("app: stop_grace_period is not 35s");
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
    for (const sc of job.static_configs ?? []) {
      for (const target of sc.targets ?? []) {
        const [host, port] = target.split(":");
        if (host === "localhost") continue;
        const svc = services[host];
        if (!svc) { problems.push(`prometheus job ${job.job_name}: target ${target} is not a service`); continue; }
        const exposed = [...(svc.expose ?? []), ...(svc.ports ?? [])].map((p) => String(p).split(":").pop());
        if (!exposed.includes(port)) problems.push(`prometheus job ${job.job_name}: ${host} does not expose ${port}`);
      }
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

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port';

export { freePort };
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real server processes (`kechuang serve`) and an nginx in front of them, for the multi-instance test and bench:
 * the way docs/deployment.md runs several instances on one PostgreSQL database.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;


export interface Instance {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  /** stderr and stdout so far (for failure messages). */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `kechuang serve --no-demo` on a port of its own. `name` becomes the PostgreSQL application_name of its
 * connections, so a test can tell which instance holds a lock.
 */
export async function startInstance(name: string, databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', name);
  const child = spawn(process.execPath, ['bin/kechuang.mjs', 'serve', '--no-demo', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: url.toString(), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KECHUANG_DEMO: '0', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, port, url: `http://127.0.0.1:${port}`, process: child, output: () => output, exited };
}

/** Waits until GET {base}/api/health/ready answers 200. */
export async function waitReady(base: string, instance?: Instance, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  let gone = false;
  void instance?.exited.then(() => { gone = true; });
  while (Date.now() < end) {
    if (gone) throw new Error(`${instance!.name} exited during start:\n${instance!.output()}`);
    const ok = await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${base} not ready after ${ms} ms${instance ? `:\n${instance.output()}` : ''}`);
}

export interface Proxy {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * nginx in the foreground with a generated configuration in `dir`: one upstream of the instances, round robin,
 * a dead instance taken out after one failed connection. Each response names the instance that answered
 * (X-Kechuang-Upstream) so tests can see where requests landed.
 */
export async function startNginx(dir: string, upstreams: number[]): Promise<Proxy> {
  if (!NGINX) throw new Error('nginx is not installed');
  const port = await freePort();
  for (const d of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) mkdirSync(join(dir, d), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  // Run as root, nginx wants a `user` for its workers; they must be able to write the temp folders above.
  const user = userInfo().uid === 0 ? 'user root;' : '';
  writeFileSync(conf, `${user}
worker_processes 1;
error_log ${dir}/logs/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 64m;
  upstream kechuang {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=30s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://kechuang;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Kechuang-Upstream $upstream_addr always;
    }
  }
}
`);
  const test = spawnSync(NGINX, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = Date.now() + 10_000;
  while (!(await fetch(`http://127.0.0.1:${port}/api/health/live`).then(() => true, () => false))) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port, url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

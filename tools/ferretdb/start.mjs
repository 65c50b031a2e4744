// Starts a throwaway FerretDB (SQLite backend) on a free loopback port for tests.
//
//   import { startFerretDB } from '<repo>/tools/ferretdb/start.mjs';
//   const { uri, stop } = await startFerretDB();
//
// Run directly (`node tools/ferretdb/start.mjs`) it prints the URI and runs
// until SIGINT/SIGTERM. No npm dependencies.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.join(HERE, 'bin', 'ferretdb');
const BUILD = path.join(HERE, 'build.sh');

/** Builds the binary (no-op when up to date). */
export function buildFerretDB() {
  execFileSync('bash', [BUILD], { stdio: ['ignore', 'inherit', 'inherit'] });
  return BIN;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// --- minimal OP_MSG ping -------------------------------------------------

function bsonPingDoc() {
  const parts = [];
  const cstr = (s) => Buffer.from(s + '\0', 'utf8');
  // ping: int32 1
  const i32 = Buffer.alloc(4);
  i32.writeInt32LE(1);
  parts.push(Buffer.from([0x10]), cstr('ping'), i32);
  // $db: 'admin'
  const str = cstr('admin');
  const len = Buffer.alloc(4);
  len.writeInt32LE(str.length);
  parts.push(Buffer.from([0x02]), cstr('$db'), len, str);
  const body = Buffer.concat(parts);
  const doc = Buffer.alloc(4 + body.length + 1);
  doc.writeInt32LE(doc.length, 0);
  body.copy(doc, 4);
  return doc;
}

/** Reads the numeric `ok` field of a BSON document (top level only). */
function bsonOk(buf) {
  let i = 4;
  const end = buf.readInt32LE(0) - 1;
  while (i < end) {
    const type = buf[i++];
    const nameEnd = buf.indexOf(0, i);
    const name = buf.toString('utf8', i, nameEnd);
    i = nameEnd + 1;
    if (name === 'ok') {
      if (type === 0x01) return buf.readDoubleLE(i);
      if (type === 0x10) return buf.readInt32LE(i);
      if (type === 0x12) return Number(buf.readBigInt64LE(i));
      if (type === 0x08) return buf[i];
      return undefined;
    }
    switch (type) {
      case 0x01: case 0x09: case 0x11: case 0x12: i += 8; break; // double, datetime, timestamp, int64
      case 0x10: i += 4; break;
      case 0x08: i += 1; break;
      case 0x0a: break; // null
      case 0x07: i += 12; break; // ObjectId
      case 0x13: i += 16; break; // decimal128
      case 0x02: case 0x0d: case 0x0e: i += 4 + buf.readInt32LE(i); break;
      case 0x03: case 0x04: i += buf.readInt32LE(i); break;
      case 0x05: i += 5 + buf.readInt32LE(i); break;
      default: return undefined; // unsupported type before `ok`
    }
  }
  return undefined;
}

/** Sends {ping:1, $db:'admin'} via OP_MSG; resolves true if ok == 1. */
export function pingMongo(port, host = '127.0.0.1', timeoutMs = 2000) {
  return new Promise((resolve) => {
    const doc = bsonPingDoc();
    const msg = Buffer.alloc(16 + 4 + 1 + doc.length);
    msg.writeInt32LE(msg.length, 0); // messageLength
    msg.writeInt32LE(1, 4); // requestID
    msg.writeInt32LE(0, 8); // responseTo
    msg.writeInt32LE(2013, 12); // OP_MSG
    msg.writeUInt32LE(0, 16); // flagBits
    msg[20] = 0; // section kind 0 (body)
    doc.copy(msg, 21);

    let chunks = Buffer.alloc(0);
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      sock.destroy();
      resolve(ok);
    };
    const sock = net.connect({ port, host });
    sock.setTimeout(timeoutMs, () => finish(false));
    sock.on('error', () => finish(false));
    sock.on('close', () => finish(false));
    sock.on('connect', () => sock.write(msg));
    sock.on('data', (d) => {
      chunks = Buffer.concat([chunks, d]);
      if (chunks.length < 4) return;
      const total = chunks.readInt32LE(0);
      if (chunks.length < total) return;
      try {
        if (chunks.readInt32LE(12) !== 2013 || chunks[20] !== 0) return finish(false);
        finish(bsonOk(chunks.subarray(21, total)) === 1);
      } catch {
        finish(false);
      }
    });
  });
}

// --- process management --------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ timeoutMs?: number, logLevel?: string }} [opts]
 * @returns {Promise<{ uri: string, port: number, pid: number, dataDir: string, stop: () => Promise<void> }>}
 */
export async function startFerretDB(opts = {}) {
  const { timeoutMs = 30_000, logLevel = 'warn' } = opts;
  if (!existsSync(BIN)) buildFerretDB();

  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ferretdb-'));
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    `--state-dir=${dir}`,
    '--debug-addr=-',
    `--log-level=${logLevel}`,
  ];
  const child = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });

  // Keep the tail of the output for error messages; always drain the pipes.
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  let spawnError = null;
  child.on('error', (e) => {
    spawnError = e;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (exited === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          if (exited === null) process.kill(child.pid, 'SIGKILL');
        } catch {}
      }, 5000);
      await exitPromise;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError || exited !== null) {
      await stop();
      const why = spawnError ? spawnError.message : `exited with ${JSON.stringify(exited)}`;
      throw new Error(`ferretdb failed to start (${why}):\n${output}`);
    }
    if (await pingMongo(port)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`ferretdb did not answer ping on port ${port} within ${timeoutMs}ms:\n${output}`);
    }
    await sleep(100);
  }

  return { uri: `mongodb://127.0.0.1:${port}/`, port, pid: child.pid, dataDir: dir, stop };
}

// --- CLI -----------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const db = await startFerretDB();
  console.log(db.uri);
  let stopping = false;
  const onSignal = async () => {
    if (stopping) return;
    stopping = true;
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Keep the event loop alive until signalled.
  setInterval(() => {}, 1 << 30);
}

// Records every outgoing connection attempt a Node process makes, for the offline-guarantee test.
// Loaded with `NODE_OPTIONS=--import <this file>` and `DUET_CONNECTION_LOG=<file>`, so it also loads in
// every child the process starts with its environment (the engine worker, node-llama-cpp's binary test).
// Plain JavaScript: a preload runs before any loader, so it cannot be TypeScript.
//
// Each line of the log is one JSON object: {pid, ppid, kind, ...}. `process` says the recorder loaded in
// a process (so a test can tell that a child was watched); `connect` is a TCP, TLS or IPC connect
// (net.Socket#connect, which net.connect, tls.connect, http, https and undici/fetch all end in);
// `udp` a datagram socket's connect or send; `dns` a lookup or resolve of a name; `fetch` undici's
// own record of where it connects (globalThis.fetch). The attempt is logged before it is made, so a
// connection that never succeeds is logged too.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import diagnostics from 'node:diagnostics_channel';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const LOG = process.env.DUET_CONNECTION_LOG;

/** Appends one line; small appends to an O_APPEND file do not interleave between processes. */
function record(entry) {
  try {
    appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, ppid: process.ppid, ...entry })}\n`);
  } catch {
    // A recorder must never change what the program does.
  }
}

/** {host, port} or {path} from the many argument forms of Socket#connect. */
function connectTarget(args) {
  // net.connect() hands Socket#connect its already normalised arguments: [[options, callback]].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    if (typeof first.path === 'string') return { path: first.path };
    return { host: typeof first.host === 'string' ? first.host : 'localhost', port: Number(first.port) };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
  }
  return { path: String(first) };
}

function wrapMethod(owner, name, kind, describe) {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function recorded(...args) {
    record({ kind, via: name, ...describe(args) });
    return original.apply(this, args);
  };
}

if (LOG) {
  record({ kind: 'process', argv: process.argv.slice(1, 3) });

  wrapMethod(net.Socket.prototype, 'connect', 'connect', connectTarget);

  wrapMethod(dgram.Socket.prototype, 'connect', 'udp', (args) => ({ host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(args[0]) }));
  wrapMethod(dgram.Socket.prototype, 'send', 'udp', (args) => {
    // send(msg, [offset, length,] port, [address,] [callback]): the port is the first number after the message.
    const rest = args.slice(1).filter((arg) => typeof arg !== 'function');
    const port = rest.length >= 3 ? rest[2] : rest[0];
    const address = rest.length >= 3 ? rest[3] : rest[1];
    return { host: typeof address === 'string' ? address : 'localhost', port: Number(port) };
  });

  const lookupName = (args) => ({ host: String(args[0]) });
  for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'resolveSrv', 'resolveNs']) {
    wrapMethod(dns, name, 'dns', lookupName);
    wrapMethod(dns.promises, name, 'dns', lookupName);
  }
  // Named ESM imports (`import { lookup } from 'node:dns'`) see the wrapped functions too.
  syncBuiltinESMExports();

  diagnostics.subscribe('undici:client:beforeConnect', (message) => {
    const params = message?.connectParams ?? {};
    record({ kind: 'fetch', host: String(params.hostname ?? params.host ?? ''), port: params.port ? Number(params.port) : null, protocol: params.protocol });
  });
}

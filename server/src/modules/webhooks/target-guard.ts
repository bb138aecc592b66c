import dns from 'node:dns';
import net from 'node:net';
import { invalid } from '../../platform/http/errors.ts';

/**
 * A light guard against server-side request forgery: webhooks go to http(s) URLs only, never to
 * this machine or to link-local addresses (cloud metadata at 169.254.169.254), and with
 * KEHU_WEBHOOK_TARGETS=public not to private networks either. The check runs on the address the
 * connection actually uses (a lookup hook), so a name that resolves elsewhere later gains nothing.
 * Private networks are allowed by default: Kehu is often installed next to the ERP it feeds.
 */
export type TargetPolicy = 'public' | 'lan' | 'any';

export function targetPolicy(): TargetPolicy {
  const v = process.env.KEHU_WEBHOOK_TARGETS ?? 'lan';
  return v === 'public' || v === 'any' ? v : 'lan';
}

const local = new net.BlockList();
local.addSubnet('127.0.0.0', 8, 'ipv4');
local.addSubnet('0.0.0.0', 8, 'ipv4');
local.addSubnet('169.254.0.0', 16, 'ipv4');
local.addSubnet('224.0.0.0', 4, 'ipv4');
local.addSubnet('240.0.0.0', 4, 'ipv4');
local.addAddress('::1', 'ipv6');
local.addAddress('::', 'ipv6');
local.addSubnet('fe80::', 10, 'ipv6');
local.addSubnet('ff00::', 8, 'ipv6');

const lan = new net.BlockList();
lan.addSubnet('10.0.0.0', 8, 'ipv4');
lan.addSubnet('172.16.0.0', 12, 'ipv4');
lan.addSubnet('192.168.0.0', 16, 'ipv4');
lan.addSubnet('100.64.0.0', 10, 'ipv4');
lan.addSubnet('fc00::', 7, 'ipv6');

/** Why an address may not be a webhook's target, or null when it may. */
export function refusedAddress(address: string, policy: TargetPolicy = targetPolicy()): string | null {
  if (policy === 'any') return null;
  // IPv4 written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = net.isIPv4(ip) ? 'ipv4' : 'ipv6';
  if (local.check(ip, family)) return `${address} is this machine or a link-local address`;
  if (policy === 'public' && lan.check(ip, family)) return `${address} is a private network address`;
  return null;
}

/** Checks a URL an administrator enters; returns it normalised. */
export function checkTargetUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('url', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'only http and https URLs');
  if (url.username || url.password) throw invalid('url', 'put no user or password in the URL; verify the signature instead');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    const why = refusedAddress(host);
    if (why) throw invalid('url', why);
  } else if (targetPolicy() !== 'any' && (host === 'localhost' || host.endsWith('.localhost'))) {
    throw invalid('url', `${host} is this machine`);
  }
  url.hash = '';
  return url.toString();
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** dns.lookup for http.request that refuses addresses the policy forbids. */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  const policy = targetPolicy();
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as dns.LookupAddress[];
    const refused = list.map((a) => refusedAddress(a.address, policy)).find(Boolean);
    if (refused) return callback(Object.assign(new Error(`refused: ${refused}`), { code: 'EWEBHOOKTARGET' }), []);
    if (options.all) return callback(null, list);
    callback(null, list[0].address, list[0].family);
  });
}

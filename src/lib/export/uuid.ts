/**
 * Name-based UUIDs (RFC 9562 version 5) with node:crypto, so STIX ids are derived from what an
 * object is, not when it was built: a re-export updates objects in a threat-intel platform
 * instead of duplicating them.
 */
import { createHash } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(uuid: string): Buffer {
  if (!uuidPattern.test(uuid)) throw new Error(`"${uuid}" is not a UUID (expected 8-4-4-4-12 hex digits)`);
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

/** UUID version 5 of `name` in `namespace`: SHA-1 over namespace bytes + UTF-8 name, then version and variant bits. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * This knowledge base's namespace for STIX ids. Fixed for good: changing it would give every
 * exported object a new id and duplicate it in every platform that imported an earlier bundle.
 */
export const stixNamespace = '07196513-fa7b-4665-929f-0954d8f93140';

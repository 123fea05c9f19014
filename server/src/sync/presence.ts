// Presence (SPEC rules A1–A4): awareness states pass through here before the room applies them.
// The server writes `user` (id, name, colour) from the authenticated account, and a connection may
// only speak for the awareness client ids it introduced itself. Presence is never persisted.
import type { PresenceUser } from '@soplan/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Connection } from './types.ts';

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
export const MAX_CLIENT_IDS_PER_CONNECTION = 8;

export function presenceUser(user: { id: string; name: string }): PresenceUser {
  let hash = 0;
  for (const ch of user.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return { id: user.id, name: user.name, color: PALETTE[hash % PALETTE.length]! };
}

export class MalformedAwareness extends Error {}

/**
 * Rewrites an awareness update from `conn`: drops entries for client ids owned by another
 * connection, stamps `user` on every state. Throws MalformedAwareness on undecodable input.
 */
export function sanitizeAwarenessUpdate(update: Uint8Array, conn: Connection, owners: Map<number, Connection>): Uint8Array | null {
  const entries: { clientId: number; clock: number; state: string }[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const raw = JSON.parse(decoding.readVarString(decoder)) as unknown;
      const owner = owners.get(clientId);
      if (owner && owner !== conn) continue;
      if (!owner) {
        if (conn.clientIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
        conn.clientIds.add(clientId);
        owners.set(clientId, conn);
      }
      const state = raw === null ? null : { ...(typeof raw === 'object' && !Array.isArray(raw) ? raw : {}), user: conn.user };
      entries.push({ clientId, clock, state: JSON.stringify(state) });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  } catch (err) {
    throw new MalformedAwareness(String(err));
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}

// Hand-made Yjs updates for limit tests: structs with chosen ids, origins and parents, encoded the way
// Yjs encodes updates (V1), so a test can send what no honest client would.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const id = (client: number, clock: number) => Y.createID(client, clock);

export interface StructSpec {
  client: number;
  clock: number;
  origin?: Y.ID | null;
  right?: Y.ID | null;
  /** A root type's name, or the id of the item holding the parent type; omitted when an origin places it. */
  parent?: string | Y.ID | null;
  /** The map key. */
  key?: string | null;
}

export function struct(s: StructSpec): Y.Item {
  return new Y.Item(
    id(s.client, s.clock),
    null,
    s.origin ?? null,
    null,
    s.right ?? null,
    (s.parent ?? null) as Y.AbstractType<unknown> | null,
    s.key ?? null,
    new Y.ContentAny([1]),
  );
}

/** Encodes items (grouped per client, each client's by clock) and delete ranges `[client, clock, length]`. */
export function encodeStructs(items: Y.Item[], deletes: [number, number, number][] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const byClient = new Map<number, Y.Item[]>();
  for (const it of items) byClient.set(it.id.client, [...(byClient.get(it.id.client) ?? []), it]);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
    for (const it of list) it.write(encoder, 0);
  }
  const ranges = new Map<number, [number, number][]>();
  for (const [client, clock, len] of deletes) ranges.set(client, [...(ranges.get(client) ?? []), [clock, len]]);
  encoding.writeVarUint(encoder.restEncoder, ranges.size);
  for (const [client, list] of ranges) {
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, list.length);
    for (const [clock, len] of list) {
      encoding.writeVarUint(encoder.restEncoder, clock);
      encoding.writeVarUint(encoder.restEncoder, len);
    }
  }
  return encoder.toUint8Array();
}

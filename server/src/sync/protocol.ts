// The y-websocket wire format (SPEC rules P1, P5): a frame is a varUint message type and its payload.
// Decoding is strict — trailing bytes, unknown sync steps and unknown types are errors — so nothing
// of a malformed frame reaches the document.
import { CLOSE, SYNC_MESSAGE, SYNC_STEP, type CloseEvent } from '@soplan/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { SyncMessage } from './types.ts';

export function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const syncFrame = (step: number, payload: Uint8Array) =>
  frame(SYNC_MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });

export const awarenessFrame = (update: Uint8Array) => frame(SYNC_MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, update));

/** The message a frame holds, or the close event a bad frame earns. */
export function decodeMessage(data: Uint8Array): SyncMessage | CloseEvent {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: SyncMessage;
    switch (type) {
      case SYNC_MESSAGE.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SYNC_STEP.step1) message = { type: 'step1', bytes: data.byteLength, stateVector: payload };
        else if (step === SYNC_STEP.step2 || step === SYNC_STEP.update) message = { type: 'update', bytes: data.byteLength, update: payload };
        else return CLOSE.malformedMessage;
        break;
      }
      case SYNC_MESSAGE.awareness:
        message = { type: 'awareness', bytes: data.byteLength, update: decoding.readVarUint8Array(decoder) };
        break;
      case SYNC_MESSAGE.queryAwareness:
        message = { type: 'query-awareness', bytes: data.byteLength };
        break;
      default:
        return CLOSE.unknownMessageType;
    }
    return decoding.hasContent(decoder) ? CLOSE.malformedMessage : message;
  } catch {
    // lib0 throws plain Errors on truncated input: the bytes were bad.
    return CLOSE.malformedMessage;
  }
}

export const isClose = (value: SyncMessage | CloseEvent): value is CloseEvent => 'code' in value;

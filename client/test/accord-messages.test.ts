import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_IDENTITY, MESSAGE_SAVED, readIdentity, readSaved, unsavedCount } from '../src/collab/accord-messages';

function frame(type: number, write: (e: encoding.Encoder) => void): decoding.Decoder {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  const d = decoding.createDecoder(encoding.toUint8Array(e));
  expect(decoding.readVarUint(d)).toBe(type);
  return d;
}

describe('Accord messages', () => {
  it('reads IDENTITY as JSON', () => {
    const d = frame(MESSAGE_IDENTITY, (e) =>
      encoding.writeVarString(e, JSON.stringify({ role: 'delegation', id: 'u123', delegation: 'Kenya', color: '#123456', readOnly: true })),
    );
    expect(readIdentity(d)).toEqual({ role: 'delegation', id: 'u123', delegation: 'Kenya', color: '#123456', readOnly: true });
  });

  it('counts local changes until a SAVED state vector covers them', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    expect(unsavedCount(doc, null)).toBe(3);
    const saved = readSaved(frame(MESSAGE_SAVED, (e) => encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))));
    expect(unsavedCount(doc, saved)).toBe(0);
    doc.getText('t').insert(3, 'de');
    expect(unsavedCount(doc, saved)).toBe(2);
  });
});

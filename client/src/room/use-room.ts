import { useEffect, useState } from 'react';
import { Y_ROOM } from '@accord/shared';
import { roomRecords, type RoomRecords } from '@accord/shared/brackets/index';
import type { CollabSession } from '../collab/collab-session';

/** The floor, the screen and the room's settings, live from the server-only Y.Map `room` (shared/SPEC.md BR80–BR88). */
export function useRoom(collab: CollabSession): RoomRecords {
  const [room, setRoom] = useState(() => roomRecords({ room: collab.doc.getMap(Y_ROOM).toJSON() }));
  useEffect(() => {
    const map = collab.doc.getMap(Y_ROOM);
    const read = () => setRoom(roomRecords({ room: map.toJSON() }));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [collab]);
  return room;
}

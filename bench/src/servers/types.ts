/** One seat in the negotiating room: the URL it connects to and whether it may type. */
export interface Seat {
  url: string;
  name: string;
  typist: boolean;
}

export interface RoomSetup {
  seats: Seat[];
  /** URL a trusted (writing) client uses, for uploads. */
  writerUrl: string;
  /** Whether the server answers sync step 1 (a relay does not: clients start from the seed). */
  serverSync: boolean;
  /** y-websocket provider parameters for a fresh reader: server URL, room name, query params. */
  provider: { serverUrl: string; room: string; params: Record<string, string> };
}

export interface RoomRequest {
  title: string;
  typists: number;
  delegations: number;
  observers: number;
  /**
   * Every seat on a writer token (servers with roles: chair/secretariat), not only the typists:
   * the delegation and observer seats then connect as secretariat members and chairs.
   */
  writers?: boolean;
}

export interface BenchServer {
  readonly name: string;
  readonly pid: number;
  /** Creates a session with its participants; `typists` of the delegation seats may type. */
  createRoom(req: RoomRequest): Promise<RoomSetup>;
  /** Restarts the process on the same data (only servers that store data support it). */
  restart?(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerFactory {
  readonly name: string;
  readonly label: string;
  /** Why it cannot run here, or null. */
  unavailable(): string | null;
  start(): Promise<BenchServer>;
}

// The random streams of one run, one per purpose and entity (MODEL.md §R3), created on first use:
//   outage/host/<id>/<i>, outage/link/<id>/<i>, outage/dns/<site>/<i>  (i counts every `outages` entry)
//   online/client/<group>/<member>                                      (intermittent machines)
//   srv/client/<group>/<member>, jitter/client/<group>/<member>         (`office` for Office installs)
import { createStream, type Stream } from "../engine/streams.js";
import type { CompiledWorld } from "./compiled-world.js";

export class EntityStreams {
  // Each table is sized and filled when its first stream is made: an array first written at a
  // high index (a laptop's machine number, a client's) would fall back to a dictionary, a hash
  // lookup on every draw. A kind never used (jitter without renewal jitter) costs nothing.
  private outageStreams: (Stream | undefined)[] | null = null;
  private onlineStreams: (Stream | undefined)[] | null = null;
  private srvStreams: (Stream | undefined)[] | null = null;
  private jitterStreams: (Stream | undefined)[] | null = null;
  private readonly clients: number;

  constructor(
    private readonly w: CompiledWorld,
    private readonly seed: number,
    private readonly replication: number,
  ) {
    this.clients = w.layout.machineCount * w.layout.stride;
  }

  /** The stream of outage entry e (CompiledWorld.outageEntries order). */
  outage(e: number): Stream {
    const table = (this.outageStreams ??= emptyTable(this.w.outageEntries.length));
    return (table[e] ??= this.create(this.w.outageEntries[e].stream));
  }

  /** The on/off stream of machine m. */
  online(m: number): Stream {
    const table = (this.onlineStreams ??= emptyTable(this.w.layout.machineCount));
    return (table[m] ??= this.create(`online/client/${this.memberName(m)}`));
  }

  /** The SRV-choice stream of licensing client c (§C6.3). */
  srv(c: number): Stream {
    const table = (this.srvStreams ??= emptyTable(this.clients));
    return (table[c] ??= this.create(this.clientStreamName("srv", c)));
  }

  /** The renewal-jitter stream of licensing client c (§C3). */
  jitter(c: number): Stream {
    const table = (this.jitterStreams ??= emptyTable(this.clients));
    return (table[c] ??= this.create(this.clientStreamName("jitter", c)));
  }

  private create(name: string): Stream {
    return createStream(this.seed, this.replication, name);
  }

  private memberName(m: number): string {
    const g = this.w.machineGroup[m];
    return `${this.w.world.clients[g].id}/${m - this.w.groupFirstMachine[g]}`;
  }

  private clientStreamName(purpose: string, c: number): string {
    const office = this.w.layout.stride === 2 && (c & 1) === 1;
    const m = this.w.layout.stride === 2 ? c >> 1 : c;
    return `${purpose}/${office ? "office" : "client"}/${this.memberName(m)}`;
  }
}

function emptyTable(length: number): (Stream | undefined)[] {
  return new Array<Stream | undefined>(length).fill(undefined);
}

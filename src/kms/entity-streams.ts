// The random streams of one run, one per purpose and entity (MODEL.md §R3), created on first use:
//   outage/host/<id>/<i>, outage/link/<id>/<i>, outage/dns/<site>/<i>  (i counts every `outages` entry)
//   online/client/<group>/<member>                                      (intermittent machines)
//   srv/client/<group>/<member>, jitter/client/<group>/<member>         (`office` for Office installs)
import { createStream, type Stream } from "../engine/streams.js";
import type { CompiledWorld } from "./compiled-world.js";

export class EntityStreams {
  // Sized up front and filled: an array first written at a high index (a laptop's machine
  // number, a client's) would fall back to a dictionary, a hash lookup on every draw.
  private readonly outageStreams: (Stream | undefined)[];
  private readonly onlineStreams: (Stream | undefined)[];
  private readonly srvStreams: (Stream | undefined)[];
  private readonly jitterStreams: (Stream | undefined)[];

  constructor(
    private readonly w: CompiledWorld,
    private readonly seed: number,
    private readonly replication: number,
  ) {
    const clients = w.layout.machineCount * w.layout.stride;
    this.outageStreams = new Array<Stream | undefined>(w.outageEntries.length).fill(undefined);
    this.onlineStreams = new Array<Stream | undefined>(w.layout.machineCount).fill(undefined);
    this.srvStreams = new Array<Stream | undefined>(clients).fill(undefined);
    this.jitterStreams = new Array<Stream | undefined>(clients).fill(undefined);
  }

  /** The stream of outage entry e (CompiledWorld.outageEntries order). */
  outage(e: number): Stream {
    return (this.outageStreams[e] ??= this.create(this.w.outageEntries[e].stream));
  }

  /** The on/off stream of machine m. */
  online(m: number): Stream {
    return (this.onlineStreams[m] ??= this.create(`online/client/${this.memberName(m)}`));
  }

  /** The SRV-choice stream of licensing client c (§C6.3). */
  srv(c: number): Stream {
    return (this.srvStreams[c] ??= this.create(this.clientStreamName("srv", c)));
  }

  /** The renewal-jitter stream of licensing client c (§C3). */
  jitter(c: number): Stream {
    return (this.jitterStreams[c] ??= this.create(this.clientStreamName("jitter", c)));
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

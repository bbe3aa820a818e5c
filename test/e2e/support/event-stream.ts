/**
 * A co-edited document's live stream (Server-Sent Events) read from a real
 * server process, on a connection of its own (no keep-alive pool: a group
 * of processes hands each new connection to its next process): the events
 * as they come, the client's port (to find which process holds the
 * connection), whether the stream ended, and the latest presence.
 */
import { request } from 'node:http';

export interface LiveEvent {
  event: string;
  data: any;
}

export interface Viewer {
  userId: string;
  editing: string | null;
}

export function openEventStream(url: string, headers: Record<string, string>) {
  const events: LiveEvent[] = [];
  let ended = false;
  let buffer = '';
  let port = 0;
  const opened = new Promise<void>((resolve, reject) => {
    const req = request(url, { agent: false, headers: { ...headers, Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`the stream answered ${res.statusCode}`));
      port = res.socket.localPort ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (event) events.push({ event, data: JSON.parse(data) });
        }
      });
      const end = () => (ended = true);
      res.on('end', end);
      res.on('error', end);
      res.on('close', end);
      resolve();
    });
    req.on('error', (error) => (ended ? undefined : ((ended = true), reject(error))));
    req.end();
  });
  return {
    opened,
    events,
    /** the client's port of the stream's connection */
    get port() {
      return port;
    },
    get ended() {
      return ended;
    },
    /** the latest presence this stream was told (the hello's, then each presence event's); null before any */
    presence(): Viewer[] | null {
      for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i]!;
        if (e.event === 'presence') return e.data.viewers;
        if (e.event === 'hello') return e.data.presence.viewers;
      }
      return null;
    }
  };
}

export type EventStream = ReturnType<typeof openEventStream>;

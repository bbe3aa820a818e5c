/**
 * A channel between processes over PostgreSQL's LISTEN/NOTIFY: every text
 * sent reaches every process listening on the same database and channel
 * (the sender too; the caller tells its own apart). One connection of the
 * pool is kept for listening while the channel is open.
 *
 * A notification carries at most 8000 bytes, and a message (a co-edited
 * document's header) may be longer: a text is sent as numbered pieces in one
 * transaction, which PostgreSQL delivers together and in order, and put
 * together again on arrival.
 */
import type pg from 'pg';
import { randomUUID } from 'node:crypto';

export interface NotifyChannel {
  send(text: string): Promise<void>;
  /** stops listening and gives the connection back */
  close(): Promise<void>;
}

/** Characters per piece: 4 bytes each at most in UTF-8, so a piece stays well under the 8000 bytes a notification holds. */
const PIECE = 1_800;
/** A message whose pieces stop coming is forgotten after this many others. */
const KEPT_PARTIAL = 100;

/** `channel` is an SQL identifier of lower-case letters and underscores. */
export async function listenOn(pool: pg.Pool, channel: string, hear: (text: string) => void): Promise<NotifyChannel> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  const listener = await pool.connect();
  const partial = new Map<string, string[]>();
  listener.on('notification', (note) => {
    if (note.channel !== channel || note.payload === undefined) return;
    // id:index:count:piece
    const [id, index, count] = note.payload.split(':', 3) as [string, string, string];
    const piece = note.payload.slice(id.length + index.length + count.length + 3);
    if (count === '1') return hear(piece);
    const pieces = partial.get(id) ?? [];
    pieces[Number(index)] = piece;
    partial.set(id, pieces);
    if (pieces.filter((p) => p !== undefined).length === Number(count)) {
      partial.delete(id);
      hear(pieces.join(''));
    }
    if (partial.size > KEPT_PARTIAL) partial.delete(partial.keys().next().value!);
  });
  await listener.query(`LISTEN ${channel}`);
  return {
    async send(text) {
      const id = randomUUID();
      const count = Math.max(1, Math.ceil(text.length / PIECE));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (let i = 0; i < count; i++) await client.query('SELECT pg_notify($1, $2)', [channel, `${id}:${i}:${count}:${text.slice(i * PIECE, (i + 1) * PIECE)}`]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await listener.query(`UNLISTEN ${channel}`).catch(() => undefined);
      listener.release();
    }
  };
}

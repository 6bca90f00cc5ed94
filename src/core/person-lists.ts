import { DataSource } from 'typeorm';
import { JsonList } from '../common/json-lists';
import { MAX_BATCH_SIZE } from '../common/loaders';
import { readQuery } from '../common/read-replica';
import { requestScoped } from './context';
import { Person } from './person.entity';

// The longest JSON text of one person's list MariaDB may build (see read below).
const LIST_MAX_BYTES = 64 * 1024 * 1024;

// The lists of records the departments keep about a person (detections, cases, programmes,
// assistances...), each a JSON list (src/common/json-lists.ts) whose outermost rows are tied to the
// person's row, alias `p` (e.g. `where: 'd.person_id = p.id'`). A department defines its lists; this
// loader knows none of them.
//
// Every list asked for in one tick, for every person asked for in it (all the list fields of all the
// persons of a page are resolved in the same tick), is read in ONE statement:
//   SELECT p.id, (list 1 of p) AS l0, (list 2 of p) AS l1 ... FROM person p WHERE p.id IN (...)
// (one more per MAX_BATCH_SIZE persons). A list asked for twice (a field, the timeline, the status)
// is read once per request.
export type PersonList<T> = JsonList<T>;

interface Waiting {
  list: PersonList<unknown>;
  personId: number;
  resolve(records: unknown[]): void;
  reject(err: unknown): void;
}

export class PersonListLoader {
  private readonly loaded = new Map<PersonList<unknown>, Map<number, Promise<unknown[]>>>();
  private queue: Waiting[] | null = null;

  constructor(private readonly ds: DataSource) {}

  load<T>(list: PersonList<T>, personId: number): Promise<T[]> {
    let byPerson = this.loaded.get(list);
    if (!byPerson) this.loaded.set(list, (byPerson = new Map()));
    let records = byPerson.get(personId);
    if (!records) {
      records = new Promise<unknown[]>((resolve, reject) => this.enqueue({ list, personId, resolve, reject }));
      byPerson.set(personId, records);
    }
    return records as Promise<T[]>;
  }

  private enqueue(waiting: Waiting): void {
    if (!this.queue) {
      const queue: Waiting[] = (this.queue = []);
      // after the promise jobs of this tick, as DataLoader schedules its batches
      void Promise.resolve().then(() =>
        process.nextTick(() => {
          this.queue = null;
          this.dispatch(queue);
        }),
      );
    }
    this.queue.push(waiting);
  }

  private dispatch(queue: Waiting[]): void {
    const columns = new Map<PersonList<unknown>, number>(); // list -> its column, l0, l1...
    const byPerson = new Map<number, Waiting[]>();
    for (const w of queue) {
      if (!columns.has(w.list)) columns.set(w.list, columns.size);
      const waiting = byPerson.get(w.personId);
      if (waiting) waiting.push(w);
      else byPerson.set(w.personId, [w]);
    }
    const lists = [...columns.keys()].map((list) => list.compile(this.ds));
    const names = lists.map((_, i) => `l${i}`);
    const ids = [...byPerson.keys()];
    for (let from = 0; from < ids.length; from += MAX_BATCH_SIZE) {
      const chunk = ids.slice(from, from + MAX_BATCH_SIZE);
      this.read(lists.map((l) => l.sql), chunk).then(
        (rows) => {
          for (const id of chunk) {
            const row = rows.get(id);
            for (const w of byPerson.get(id)!) {
              const i = columns.get(w.list)!;
              try {
                w.resolve(lists[i].read(row ? row[names[i]] : null));
              } catch (err) {
                w.reject(err);
              }
            }
          }
        },
        (err) => {
          for (const id of chunk) for (const w of byPerson.get(id)!) w.reject(err);
        },
      );
    }
  }

  private async read(lists: readonly string[], ids: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
    const q = (name: string) => this.ds.driver.escape(name);
    const person = this.ds.getMetadata(Person);
    const id = q(person.primaryColumns[0].databaseName);
    const columns = lists.map((sql, i) => `${sql} AS l${i}`).join(', ');
    // MariaDB builds JSON_ARRAYAGG like GROUP_CONCAT: cut (into invalid JSON) at group_concat_max_len,
    // 1 MB by default; raised for this statement alone (max_allowed_packet still bounds the answer)
    const raise = this.ds.options.type === 'mariadb' ? `SET STATEMENT group_concat_max_len = ${LIST_MAX_BYTES} FOR ` : '';
    const sql = `${raise}SELECT p.${id} AS id, ${columns} FROM ${q(person.tableName)} p WHERE p.${id} IN (${ids.map(() => '?').join(', ')})`;
    const rows = (await readQuery(this.ds, sql, [...ids])) as Array<Record<string, unknown>>;
    const byId = new Map<number, Record<string, unknown>>();
    for (const row of rows) byId.set(Number(row.id), row);
    return byId;
  }
}

export const personLists = requestScoped(function personLists(ctx) {
  return new PersonListLoader(ctx.ds);
});

// One list as a department's loaders offer it: the records of a person by the person's id.
export interface ListByPerson<T> {
  load(personId: number): Promise<T[]>;
}

export function listByPerson<T>(lists: PersonListLoader, list: PersonList<T>): ListByPerson<T> {
  return { load: (personId) => lists.load(list, personId) };
}

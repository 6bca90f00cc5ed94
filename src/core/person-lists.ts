import { DataSource } from 'typeorm';
import { JsonList } from '../common/json-lists';
import { hydrateSelected, loadedColumns, MAX_BATCH_SIZE } from '../common/loaders';
import { readQuery } from '../common/read-replica';
import { Context, requestScoped } from './context';
import { personLoaders } from './person.loaders';
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
  private readonly watched = new Map<number, Set<PersonList<unknown>>>();
  private queue: Waiting[] | null = null;

  constructor(private readonly ds: DataSource) {}

  // Every list asked for the person from now on is added to `learned` (see personWithLearnedLists).
  watch(personId: number, learned: Set<PersonList<unknown>>): void {
    this.watched.set(personId, learned);
  }

  load<T>(list: PersonList<T>, personId: number): Promise<T[]> {
    this.watched.get(personId)?.add(list);
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

  // One person (every loaded column, as p_<column>) with `lists` of that person, in one statement,
  // if the person is within `scope` (residence district codes; null: the whole province): a person out
  // of reach reads as no row, and none of their lists is read. The lists are kept as if loaded.
  async readPersonWith(personId: number, lists: ReadonlyArray<PersonList<unknown>>, scope: readonly string[] | null): Promise<Person | null> {
    if (scope && !scope.length) return null;
    const q = (name: string) => this.ds.driver.escape(name);
    const person = this.ds.getMetadata(Person);
    const columns = loadedColumns(person).map((c) => `p.${q(c.databaseName)} AS ${q(`p_${c.databaseName}`)}`).join(', ');
    const residence = q(person.findColumnWithPropertyName('residenceDistrictCode')!.databaseName);
    const within = scope ? ` AND p.${residence} IN (${scope.map(() => '?').join(', ')})` : '';
    const compiled = lists.map((list) => list.compile(this.ds));
    const rows = await this.select(`${columns}, ${compiled.map((l, i) => `${l.sql} AS l${i}`).join(', ')}`, `= ?${within}`, [personId, ...(scope ?? [])]);
    if (!rows.length) return null;
    lists.forEach((list, i) => {
      let byPerson = this.loaded.get(list);
      if (!byPerson) this.loaded.set(list, (byPerson = new Map()));
      if (!byPerson.has(personId)) {
        const records = rows[0][`l${i}`];
        const read = new Promise<unknown[]>((resolve) => resolve(compiled[i].read(records)));
        read.catch(() => undefined); // a list nobody asks for this time must not fail the process; who asks gets the error
        byPerson.set(personId, read);
      }
    });
    return hydrateSelected(this.ds, Person, 'p', rows)[0];
  }

  private async select(columns: string, idCondition: string, parameters: unknown[]): Promise<Array<Record<string, unknown>>> {
    const q = (name: string) => this.ds.driver.escape(name);
    const person = this.ds.getMetadata(Person);
    const id = q(person.primaryColumns[0].databaseName);
    // MariaDB builds JSON_ARRAYAGG like GROUP_CONCAT: cut (into invalid JSON) at group_concat_max_len,
    // 1 MB by default; raised for this statement alone (max_allowed_packet still bounds the answer)
    const raise = this.ds.options.type === 'mariadb' ? `SET STATEMENT group_concat_max_len = ${LIST_MAX_BYTES} FOR ` : '';
    const sql = `${raise}SELECT p.${id} AS id, ${columns} FROM ${q(person.tableName)} p WHERE p.${id} ${idCondition}`;
    return (await readQuery(this.ds, sql, parameters)) as Array<Record<string, unknown>>;
  }

  private async read(lists: readonly string[], ids: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
    const rows = await this.select(lists.map((sql, i) => `${sql} AS l${i}`).join(', '), `IN (${ids.map(() => '?').join(', ')})`, [...ids]);
    const byId = new Map<number, Record<string, unknown>>();
    for (const row of rows) byId.set(Number(row.id), row);
    return byId;
  }
}

export const personLists = requestScoped(function personLists(ctx) {
  return new PersonListLoader(ctx.ds);
});

// A person looked up at one place of an operation (a root field's node: static for a parsed
// document), with the lists the same place asked for last time, for the same role and purpose (what
// they may read decides which lists their fields ask for), in the same statement as the person's
// row: opening a profile is one round trip, not two. What the place asks for this time is added to
// what it learned (only a directive's variable can change it for the same document and role); a
// list not learned yet is read by the loader as before, so the answer never depends on the hint.
const learnedAt = new WeakMap<object, Map<string, Set<PersonList<unknown>>>>();
const VIEWER_KINDS_KEPT = 64; // role x purpose; bounded whatever purposes callers send

export async function personWithLearnedLists(ctx: Context, personId: number, place: object, scope: readonly string[] | null): Promise<Person | null> {
  let byViewer = learnedAt.get(place);
  if (!byViewer) learnedAt.set(place, (byViewer = new Map()));
  const viewerKind = `${ctx.viewer.role}|${ctx.viewer.purpose ?? ''}`;
  let learned = byViewer.get(viewerKind);
  if (!learned) {
    if (byViewer.size >= VIEWER_KINDS_KEPT) byViewer.clear();
    byViewer.set(viewerKind, (learned = new Set()));
  }
  const lists = personLists(ctx);
  const hint = [...learned];
  lists.watch(personId, learned);
  if (!hint.length) return personLoaders(ctx).personById.load(personId);
  const person = await lists.readPersonWith(personId, hint, scope);
  if (person) personLoaders(ctx).personById.prime(personId, person);
  return person;
}

// One list as a department's loaders offer it: the records of a person by the person's id.
export interface ListByPerson<T> {
  load(personId: number): Promise<T[]>;
}

export function listByPerson<T>(lists: PersonListLoader, list: PersonList<T>): ListByPerson<T> {
  return { load: (personId) => lists.load(list, personId) };
}

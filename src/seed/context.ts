// State shared by the generator's stages across blocks: id counters, the used ID numbers, and the
// caseworkers and centres of each county (generated once, referenced by every block).
import { makeIdNumber } from '../common/id-number';
import { isoOf } from './calendar';
import { Rng } from './random';
import { TableKey } from './rows';

export class GeneratorContext {
  private readonly lastId = new Map<TableKey, number>();
  private readonly usedIdNumbers = new Set<string>();
  readonly caseworkersByCounty = new Map<string, number[]>();
  readonly centresByCounty = new Map<string, number[]>();

  constructor(
    readonly seed: number,
    readonly persons: number,
  ) {}

  // Next id of a table: 1..n in generation order.
  nextId(key: TableKey): number {
    const id = (this.lastId.get(key) ?? 0) + 1;
    this.lastId.set(key, id);
    return id;
  }

  // A unique, valid ID number for the address code and birth day; the sequence's last digit carries
  // the gender (odd = male). A collision bumps the sequence by 2, keeping the gender.
  idNumber(rng: Rng, addressCode: string, birthDay: number, male: boolean): string {
    const birthDate = isoOf(birthDay);
    let sequence = rng.int(0, 499) * 2 + (male ? 1 : 0);
    for (let attempt = 0; attempt < 500; attempt++) {
      const candidate = makeIdNumber(addressCode, birthDate, sequence);
      if (!this.usedIdNumbers.has(candidate)) {
        this.usedIdNumbers.add(candidate);
        return candidate;
      }
      sequence = (sequence + 2) % 1000;
    }
    throw new Error('no free ID number sequence left for one address code and birth date');
  }
}


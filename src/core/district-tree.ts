import { DataSource } from 'typeorm';
import { District, DistrictLevel } from './district.entity';

// The district hierarchy is reference data that only migrations change: read it once at start-up
// and answer parent/children/descendant questions from memory, for any number of levels.
export class DistrictTree {
  private readonly byCode = new Map<string, District>();
  private readonly childrenOf = new Map<string, District[]>();

  constructor(districts: District[]) {
    const sorted = [...districts].sort((a, b) => a.code.localeCompare(b.code));
    for (const d of sorted) {
      this.byCode.set(d.code, d);
      if (d.parentCode) {
        const list = this.childrenOf.get(d.parentCode) ?? [];
        list.push(d);
        this.childrenOf.set(d.parentCode, list);
      }
    }
  }

  static async load(ds: DataSource): Promise<DistrictTree> {
    return new DistrictTree(await ds.getRepository(District).find());
  }

  get(code: string): District | undefined {
    return this.byCode.get(code);
  }

  all(): District[] {
    return [...this.byCode.values()];
  }

  roots(): District[] {
    return this.all().filter((d) => !d.parentCode || !this.byCode.has(d.parentCode));
  }

  children(code: string): District[] {
    return this.childrenOf.get(code) ?? [];
  }

  parent(code: string): District | undefined {
    const parentCode = this.byCode.get(code)?.parentCode;
    return parentCode ? this.byCode.get(parentCode) : undefined;
  }

  // The district itself and everything below it.
  descendantCodes(code: string): string[] {
    if (!this.byCode.has(code)) return [];
    const out: string[] = [];
    const stack = [code];
    while (stack.length) {
      const c = stack.pop() as string;
      out.push(c);
      for (const child of this.children(c)) stack.push(child.code);
    }
    return out;
  }

  // The district itself and every ancestor up to the root.
  ancestorCodes(code: string): string[] {
    const out: string[] = [];
    let d = this.byCode.get(code);
    while (d) {
      out.push(d.code);
      d = d.parentCode ? this.byCode.get(d.parentCode) : undefined;
    }
    return out;
  }

  isWithin(code: string, ancestorCode: string): boolean {
    return this.ancestorCodes(code).includes(ancestorCode);
  }

  byLevel(level: DistrictLevel, parentCode?: string): District[] {
    const scope = parentCode ? new Set(this.descendantCodes(parentCode)) : undefined;
    return this.all().filter((d) => d.level === level && (!scope || scope.has(d.code)));
  }
}

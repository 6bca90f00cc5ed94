import { DateScalar } from '../src/common/scalars';

describe('Date scalar', () => {
  it('serialises calendar days (the same day twice) and refuses what is not a day, also when asked again', () => {
    expect(DateScalar.serialize('2022-02-28')).toBe('2022-02-28');
    expect(DateScalar.serialize('2022-02-28')).toBe('2022-02-28');
    expect(DateScalar.serialize('2020-02-29')).toBe('2020-02-29');
    for (const bad of ['2021-02-29', '2020-13-01', '2022-1-1', '', 20220101, null]) {
      expect(() => DateScalar.serialize(bad)).toThrow(/LocalDate|not string/);
      expect(() => DateScalar.serialize(bad)).toThrow(); // not cached after a refusal
    }
  });

  it('validates inputs every time', () => {
    expect(DateScalar.parseValue('2022-12-31')).toBe('2022-12-31');
    expect(() => DateScalar.parseValue('2022-12-32')).toThrow(/LocalDate/);
  });
});

import { DataSource } from 'typeorm';
import { freshDatabase, testDatabases } from './helpers/databases';

describe.each(testDatabases())('migrations on $name', ({ target }) => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await freshDatabase(target);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('leave no difference between the entities and the schema', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('load the 28 Ningxia districts and the default heroin-equivalent factors', async () => {
    const levels = await ds.query('SELECT level, COUNT(*) AS n FROM district GROUP BY level ORDER BY level');
    expect(levels.map((r: { level: string; n: number | string }) => [r.level, Number(r.n)])).toEqual([
      ['CITY', 5],
      ['COUNTY', 22],
      ['PROVINCE', 1],
    ]);
    const [yinchuan] = await ds.query("SELECT name, population FROM district WHERE code = '640100'");
    expect(yinchuan).toEqual({ name: '银川市', population: 2859074 });
    const factors = await ds.query("SELECT substance, factor FROM heroin_equivalent_factor WHERE table_name = 'SPC-2016'");
    expect(factors).toHaveLength(13);
    const ketamine = factors.find((f: { substance: string }) => f.substance === 'KETAMINE');
    expect(Number(ketamine.factor)).toBeCloseTo(0.1);
  });

  it('revert cleanly', async () => {
    const applied = await ds.query('SELECT COUNT(*) AS n FROM typeorm_migrations');
    const n = Number(applied[0].n);
    for (let i = 0; i < n; i++) await ds.undoLastMigration();
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.length).toBeGreaterThan(10);
    await ds.runMigrations();
  });
});

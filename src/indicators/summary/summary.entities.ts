// Tables of the indicator summary (docs/DOMAIN.md, "Indicators"): the stock figures at a reference date R
// kept as a ledger of changes, so that reading them costs the same whatever the number of persons.
// No foreign keys: the summary is derived data, rebuilt from the department tables at will.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CODE, DAY } from '../../common/columns';

// Changes of each ledger metric per district, summed in three grains: 'Y' rows hold a whole year
// (day = its 1 January), 'M' a month (day = its 1st), 'D' a single day. The value at R is the sum of
// the years before R's year, the months of R's year before R's month and the days of R's month up to
// R: at most ~45 rows per district and metric, whatever the number of persons or days.
@Entity('indicator_day_total')
export class IndicatorDayTotal {
  @PrimaryColumn({ type: 'varchar', length: 1 })
  grain: string;

  @PrimaryColumn(DAY)
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  metric: string;

  @PrimaryColumn(CODE)
  districtCode: string;

  @Column({ type: 'int' })
  delta: number;
}

// What one person currently adds to indicator_day_total, so that it can be taken back when the
// person's records change: entries "metric,district,day,delta" separated by ";" (at most a few dozen).
@Entity('person_indicator_contribution')
export class PersonIndicatorContribution {
  @PrimaryColumn({ type: 'int' })
  personId: number;

  @Column({ type: 'text' })
  entries: string;
}

// Days on which a person counts for a figure of "distinct persons with an event in the period", by the
// person's residence: 'EA' an employment assistance started, 'LP' lifted out of poverty. Read by day
// range from the primary key alone, so the period's persons need no look-up of person for their residence.
@Entity('person_event_day')
@Index(['personId'])
export class PersonEventDay {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  figure: string;

  @PrimaryColumn(DAY)
  day: string;

  @PrimaryColumn({ type: 'int' })
  personId: number;

  @PrimaryColumn(CODE)
  districtCode: string;
}

// One row (id 1): stale = 1 while the ledger does not reflect the department tables (after the
// migration on a database with persons, during a bulk seed); readers then use the reference SQL.
@Entity('indicator_summary_state')
export class IndicatorSummaryState {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'boolean' })
  stale: boolean;

  @Column({ type: 'varchar', length: 30, nullable: true })
  rebuiltAt: string | null;
}

// Default heroin-equivalent factors (docs/DOMAIN.md, "Heroin equivalent"): derived from the 2016 Supreme People's Court
// thresholds for "large quantity" relative to heroin's 50 g. No official statistical table exists;
// administrators may add their own table and select it.
export const SPC2016_TABLE = 'SPC-2016';

export const HEROIN_EQUIVALENT_SPC2016: ReadonlyArray<readonly [substance: string, factor: number]> = [
  ['HEROIN', 1],
  ['METHAMPHETAMINE', 1],
  ['COCAINE', 1],
  ['MDMA', 0.5],
  ['MORPHINE', 0.5],
  ['FENTANYL', 0.4],
  ['METHCATHINONE', 0.25],
  ['KETAMINE', 0.1],
  ['OPIUM', 0.05],
  ['METHADONE', 0.05],
  ['TRAMADOL', 0.025],
  ['GHB', 0.025],
  ['CANNABIS', 0],
];

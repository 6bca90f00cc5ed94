import { registerEnumType } from 'type-graphql';
import type { SumField } from './indicator-sums';

// The "dual four-colour" control of public security, which persons, indicators and reports show too.
export enum RiskColour {
  RED = 'RED',
  ORANGE = 'ORANGE',
  YELLOW = 'YELLOW',
  GREEN = 'GREEN',
}
registerEnumType(RiskColour, {
  name: 'RiskColour',
  description: 'Colour of the "dual four-colour" dynamic control (双四色动态管控)',
  valuesConfig: {
    RED: { description: 'Red, highest risk (红)' },
    ORANGE: { description: 'Orange (橙)' },
    YELLOW: { description: 'Yellow (黄)' },
    GREEN: { description: 'Green, lowest risk (绿)' },
  },
});

// Which sum holds the persons of each risk colour, in the order the API lists them.
export const RISK_FIELDS: ReadonlyArray<readonly [RiskColour, SumField]> = [
  [RiskColour.RED, 'riskRed'],
  [RiskColour.ORANGE, 'riskOrange'],
  [RiskColour.YELLOW, 'riskYellow'],
  [RiskColour.GREEN, 'riskGreen'],
];

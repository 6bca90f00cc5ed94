import { registerEnumType } from 'type-graphql';

// Substances named in docs/DOMAIN.md; the heroin-equivalent factor table is keyed by these values.
export enum Substance {
  HEROIN = 'HEROIN',
  METHAMPHETAMINE = 'METHAMPHETAMINE',
  COCAINE = 'COCAINE',
  MDMA = 'MDMA',
  MORPHINE = 'MORPHINE',
  FENTANYL = 'FENTANYL',
  METHCATHINONE = 'METHCATHINONE',
  KETAMINE = 'KETAMINE',
  OPIUM = 'OPIUM',
  METHADONE = 'METHADONE',
  TRAMADOL = 'TRAMADOL',
  GHB = 'GHB',
  CANNABIS = 'CANNABIS',
  OTHER = 'OTHER',
}

registerEnumType(Substance, {
  name: 'Substance',
  description: 'A controlled drug (毒品种类)',
  valuesConfig: {
    HEROIN: { description: 'Heroin (海洛因)' },
    METHAMPHETAMINE: { description: 'Methamphetamine, "ice" (甲基苯丙胺/冰毒)' },
    COCAINE: { description: 'Cocaine (可卡因)' },
    MDMA: { description: 'MDMA, ecstasy (摇头丸)' },
    MORPHINE: { description: 'Morphine (吗啡)' },
    FENTANYL: { description: 'Fentanyl (芬太尼)' },
    METHCATHINONE: { description: 'Methcathinone (甲卡西酮)' },
    KETAMINE: { description: 'Ketamine (氯胺酮)' },
    OPIUM: { description: 'Opium (鸦片)' },
    METHADONE: { description: 'Methadone (美沙酮)' },
    TRAMADOL: { description: 'Tramadol (曲马多)' },
    GHB: { description: 'GHB, gamma-hydroxybutyrate (γ-羟丁酸)' },
    CANNABIS: { description: 'Cannabis, reported separately, factor 0 (大麻)' },
    OTHER: { description: 'Other or new psychoactive substance (其他/新精神活性物质)' },
  },
});
